import * as z from 'zod';
import { contactSchema, idSchema, personSchema } from './contact.ts';
import { isoDateSchema, yearOrDateSchema } from './date.ts';
import { langSchema } from './language.ts';
import { localizedTextSchema as text } from './localized-text.ts';
import { statuteRefSchema } from './statute.ts';

/**
 * The three layouts a description comes in. They share one model; the format decides which sections are shown
 * and under which headings (see notice-format.ts).
 */
export const REGISTER_FORMATS = ['gdpr-notice', 'information-system', 'legacy'] as const;
export const registerFormatSchema = z.enum(REGISTER_FORMATS).meta({
  description:
    'gdpr-notice: a privacy notice under GDPR Art 13/14. information-system: a description of an information system under 906/2019 §28 (formerly 621/1999 §18). legacy: an old register description under the Personal Data Act 523/1999 §10 combined with a §18 system description.',
});
export type RegisterFormat = z.infer<typeof registerFormatSchema>;

export function isRegisterFormat(value: string): value is RegisterFormat {
  return (REGISTER_FORMATS as readonly string[]).includes(value);
}

/** Editorial status. Only `published` registers are public, and they must be complete in every required language. */
export const REGISTER_STATUSES = ['draft', 'published', 'withdrawn'] as const;

/** GDPR Art 6(1) lawful bases, by their letter. */
export const ARTICLE_6_BASES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
/** GDPR Art 9(2) conditions for special categories, by their letter. */
export const ARTICLE_9_CONDITIONS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;

/** Data-subject rights that a register may restrict or that may not apply (GDPR Art 15–22). */
export const DATA_SUBJECT_RIGHTS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'automated-decision',
] as const;

/** GDPR Art 9(1) special categories and Art 10 criminal-offence data. */
export const SPECIAL_CATEGORIES = [
  'racial-or-ethnic-origin',
  'political-opinions',
  'religious-or-philosophical-beliefs',
  'trade-union-membership',
  'genetic',
  'biometric',
  'health',
  'sex-life-or-orientation',
  'criminal-offences',
] as const;

/** Safeguards for a transfer outside the EU/EEA (GDPR Chapter V). */
export const TRANSFER_SAFEGUARDS = [
  'adequacy-decision',
  'standard-contractual-clauses',
  'binding-corporate-rules',
  'derogation',
  'other',
] as const;

/** Client information systems of Finnish social welfare, as THL's Sosdata notification names them (seed 003). */
export const CLIENT_SYSTEMS = ['abilita', 'apotti', 'effica', 'lifecare', 'omni-360', 'pro-consona', 'saga', 'other'] as const;

export const UPDATE_FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'yearly', 'irregular'] as const;

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, { error: 'errors.list.empty' });
const statutes = list(statuteRefSchema);

/** A heading-less block of prose with an optional bulleted list, the commonest shape of a section. */
const describedList = z.strictObject({
  /** Prose (markdown). */
  description: text.optional(),
  /** Bulleted items, one localized text each. */
  items: list(text).optional(),
});

/** A group of data items, such as the data kept for one service task (palvelutehtävä). */
const dataGroupSchema = z.strictObject({
  /** The group's lead-in, e.g. "Palvelutehtävissä, joissa maksetaan avustuksia asiakkaille:". */
  heading: text.optional(),
  /** Prose about the group. */
  description: text.optional(),
  /** The data items. */
  items: list(text).optional(),
  /** Finer groups, e.g. one per service task under "in addition, where needed". */
  groups: list(
    z.strictObject({
      heading: text.optional(),
      description: text.optional(),
      items: list(text).optional(),
    }),
  ).optional(),
});

const retentionPeriodSchema = z
  .union([z.literal('permanent'), z.string().regex(/^P(?=\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?$/u, { error: 'errors.retention.period' })])
  .meta({ description: '"permanent", or an ISO 8601 duration such as P10Y (ten years), P6M (six months) or P2W (two weeks).' });

/** One controller. Several make them joint controllers (GDPR Art 26), each with its own role. */
const controllerSchema = z.strictObject({
  /** The organisation, by id. */
  organisation: idSchema,
  /** The organ within it that acts as controller, e.g. "Siuntion perusturvalautakunta". */
  body: text.optional(),
  /** For joint controllers, what this controller is responsible for under their arrangement (Art 26(1)). */
  role: text.optional(),
  /** Contact details that differ from the organisation's. */
  contact: contactSchema.optional(),
  /** This controller's own data protection officer (Art 13(1)(b)), when not the organisation's. */
  dpo: personSchema.optional(),
  /** What this controller answers for in each phase of the processing (collection, storage, disclosure, …). */
  phases: list(
    z.strictObject({
      /** The phase, e.g. "tietojen kerääminen". */
      phase: text,
      /** This controller's responsibility in it. */
      role: text,
    }),
  ).optional(),
  /** The date from which this controller takes part. */
  validFrom: isoDateSchema.optional(),
  /** The date until which this controller took part, e.g. a municipality before the welfare area took over. */
  validUntil: isoDateSchema.optional(),
});

/** The visibility of a section: in the public notice, or only in the internal Art 30 record. */
export const VISIBILITIES = ['public', 'internal'] as const;

/** Fields that are sections and can be made internal. Identity, parties and dates are always public. */
export const SECTION_FIELDS = [
  'responsible',
  'contactPersons',
  'processors',
  'representative',
  'purposes',
  'legalBasis',
  'legislation',
  'dataSubjectGroups',
  'dataContent',
  'specialCategories',
  'subRegisters',
  'sources',
  'disclosures',
  'transfers',
  'retention',
  'security',
  'rights',
  'automatedDecisions',
  'confidentiality',
  'informationSystem',
  'interconnections',
  'governance',
  'record',
] as const;
export type SectionField = (typeof SECTION_FIELDS)[number];

export const registerSchema = z
  .strictObject({
    // ── identity ────────────────────────────────────────────────────────────
    /** Stable id; the file is content/registers/<id>.yaml and the id appears in public URLs. */
    id: idSchema,
    /** Which layout the description follows; it decides the sections and headings. */
    format: registerFormatSchema,
    /** draft: not public, gaps are warnings. published: public, gaps are errors. withdrawn: kept for the record. */
    status: z.enum(REGISTER_STATUSES),
    /** True for fictional registers that exist only to demonstrate Seloste. */
    example: z.boolean().optional(),
    /** The organisation that keeps the register; the controller unless `controllers` says otherwise. */
    organisation: idSchema,
    /** Languages this register must be complete in beyond the organisation's official ones (e.g. en). */
    languages: z.array(langSchema).optional(),
    /**
     * Required languages the register is published without for now, each with its recorded reason and the date the
     * translation is due. A missing text in such a language is then a warning, not an error, and the notice in that
     * language says so once, at the top, with the date.
     */
    languageExceptions: list(
      z.strictObject({
        /** The language not yet available. */
        lang: langSchema,
        /** Why, best written in that language too. */
        reason: text,
        /** The date by which the translation will be published. */
        until: isoDateSchema,
      }),
    ).optional(),
    /** Edition number, raised on every published change. */
    version: z.int().min(1),
    /** Date first published. */
    published: isoDateSchema.optional(),
    /** Date last updated (the "Päivitetty" line of a notice). */
    updated: isoDateSchema.optional(),
    /** Name of the register (rekisterin nimi). */
    title: text,
    /** A sentence or two for a citizen choosing the register on the request form; the purposes' description stands in without it. */
    summary: text.optional(),

    // ── the document's own framing ──────────────────────────────────────────
    /** The document's own label, shown above the title instead of the format's name, e.g. "Tietosuojailmoitus". */
    documentLabel: text.optional(),
    /** A subtitle under the title, e.g. "EU:n yleisen tietosuoja-asetuksen 13 ja 14 artikla". */
    subtitle: text.optional(),
    /** An introduction before the first section. */
    introduction: text.optional(),
    /** The description's own notes on its versions, e.g. "First version issued 1.3.2019"; shown with the dates. */
    versionNotes: text.optional(),
    /** Headings renamed for this register, by section key (see notice-format.ts), e.g. { rights: { fi: Oikeutesi } }. */
    headings: z.record(z.string(), text).optional(),
    /**
     * Sections of the register's own, each placed after a section of the format (by its key) or at the `start`:
     * cookies, analytics, a breach-notification promise, consequences of not giving data, a change clause, licences.
     */
    ownSections: list(
      z.strictObject({
        /** Stable key, used for the anchor: lowercase letters, digits and hyphens. */
        key: idSchema,
        /** The section's heading. */
        heading: text,
        /** The section's text (markdown). */
        text,
        /** The key of the section it follows, or `start` to come first. */
        after: z.string().min(1),
      }),
    ).optional(),
    /** The standard texts Seloste adds (rights, complaint), replaced or extended for this register. */
    standardTexts: z
      .strictObject({
        /** The rights text (GDPR Art 15–22). */
        rights: z.strictObject({ mode: z.enum(['replace', 'extend']), text }).optional(),
        /** The complaint text (Art 77). */
        complaint: z.strictObject({ mode: z.enum(['replace', 'extend']), text }).optional(),
      })
      .optional(),
    /**
     * For a pre-GDPR (`legacy`) description: `separate` (the default) shows what the description says and adds the
     * current rights under their own clearly labelled heading; `appended` adds them to the description's rights
     * section; `none` shows only what the description says.
     */
    currentRights: z.enum(['separate', 'appended', 'none']).optional(),

    // ── parties ─────────────────────────────────────────────────────────────
    /** Controllers (Art 4(7), Art 13(1)(a)). Two or more are joint controllers (Art 26). Defaults to `organisation`. */
    controllers: list(controllerSchema).optional(),
    /** The unit or person responsible for the register (rekisterin vastuuhenkilö). */
    responsible: z
      .strictObject({
        /** Responsible unit, e.g. "Sosiaali- ja terveystoimiala, Perhe- ja sosiaalipalvelut". */
        unit: text.optional(),
        /** Responsible person or post. */
        person: personSchema.optional(),
      })
      .optional(),
    /** Contact persons for matters concerning the register. */
    contactPersons: list(personSchema).optional(),
    /** Processors acting on the controller's behalf (Art 28), which may be other authorities. */
    processors: list(
      z.strictObject({
        /** The processor's name. */
        name: text,
        /** The processor's organisation id, if it is defined in content/organisations. */
        organisation: idSchema.optional(),
        /** Whether the processor is a public authority (e.g. a joint municipal authority or a state agency). */
        authority: z.boolean().optional(),
        /** What it does with the data. */
        tasks: text,
        /** Where it processes the data, if outside Finland. */
        location: text.optional(),
        /** How to reach the processor. */
        contact: contactSchema.optional(),
        /** The controller it acts for, by organisation id, when the register has several. */
        actsFor: idSchema.optional(),
        /** Sub-processors it engages (Art 28(2), 28(4)). */
        subProcessors: list(
          z.strictObject({
            /** The sub-processor's name. */
            name: text,
            /** What it does with the data. */
            tasks: text.optional(),
            /** Where it processes the data, if outside Finland. */
            location: text.optional(),
          }),
        ).optional(),
      }),
    ).optional(),
    /** The essence of the joint controllers' arrangement, made available to data subjects (Art 26(2)). */
    jointArrangement: text.optional(),
    /** Representative of a controller not established in the EU (Art 27). */
    representative: personSchema.optional(),

    // ── why ─────────────────────────────────────────────────────────────────
    /** Purposes of the processing (Art 13(1)(c)) and the activities they cover. */
    purposes: describedList.optional(),
    /** Lawful basis (Art 6(1)) and, for special categories, the Art 9(2) condition. */
    legalBasis: z
      .strictObject({
        /** Art 6(1) letters, e.g. [c, e] for a legal obligation and a public task. */
        article6: list(z.enum(ARTICLE_6_BASES)).optional(),
        /** Art 9(2) letters for special categories, e.g. [h] for social and health care. */
        article9: list(z.enum(ARTICLE_9_CONDITIONS)).optional(),
        /** The legal basis in the description's own words. */
        description: text.optional(),
        /** A document weighing the legitimate interests (Art 6(1)(f)), e.g. the balancing test. */
        balancingTest: z.url({ protocol: /^https?$/, error: 'errors.url.invalid' }).optional(),
        /** Bases that apply to one part of the processing only, each with its own letters and words. */
        parts: list(
          z.strictObject({
            /** The part of the processing, e.g. "asiakaspalautteen kerääminen". */
            processing: text,
            /** Art 6(1) letters for this part. */
            article6: list(z.enum(ARTICLE_6_BASES)).optional(),
            /** Art 9(2) letters for this part. */
            article9: list(z.enum(ARTICLE_9_CONDITIONS)).optional(),
            /** The basis in the description's own words. */
            description: text.optional(),
            /** The balancing test for this part (Art 6(1)(f)). */
            balancingTest: z.url({ protocol: /^https?$/, error: 'errors.url.invalid' }).optional(),
          }),
        ).optional(),
      })
      .optional(),
    /** The legislation the processing rests on. */
    legislation: statutes.optional(),

    // ── whose data, and what ────────────────────────────────────────────────
    /** Groups of data subjects, each with its own data, sources and retention where they differ. */
    dataSubjectGroups: list(
      z.strictObject({
        /** Who they are, e.g. "asiakkaat" or "edunvalvojat". */
        name: text,
        description: text.optional(),
        /** The categories of personal data held about this group (Art 14(1)(d)). */
        dataCategories: list(text).optional(),
        /** Where this group's data comes from, when it differs from the register's sources. */
        sources: text.optional(),
        /** How long this group's data is kept, when it differs from the register's retention. */
        retention: text.optional(),
      }),
    ).optional(),
    /** The data content (rekisterin tietosisältö), grouped by service task where the description does so. */
    dataContent: z
      .strictObject({
        description: text.optional(),
        groups: list(dataGroupSchema).optional(),
      })
      .optional(),
    /** Special categories of data (Art 9) and criminal-offence data (Art 10). */
    specialCategories: z
      .strictObject({
        categories: list(z.enum(SPECIAL_CATEGORIES)),
        description: text.optional(),
      })
      .optional(),
    /** Sub-registers (osarekisterit) that form part of this register. */
    subRegisters: z
      .strictObject({
        description: text.optional(),
        items: list(z.strictObject({ name: text.optional(), description: text })),
      })
      .optional(),

    // ── flows ───────────────────────────────────────────────────────────────
    /** Regular sources of data (Art 14(2)(f)), including technical interfaces. */
    sources: z
      .strictObject({
        /**
         * True when all data is collected from the data subjects themselves: GDPR Art 14 does not apply, so neither
         * the sources nor the data content must be listed, and the notice says where the data comes from.
         */
        fromDataSubjectOnly: z.boolean().optional(),
        description: text.optional(),
        items: list(
          z
            .strictObject({
              /** The source, e.g. "Verohallinto". */
              source: text.optional(),
              /** What comes from it, in the description's words. */
              description: text.optional(),
              /** Whether the data arrives through a technical interface (tekninen käyttöyhteys). */
              technicalInterface: z.boolean().optional(),
              /** How often, e.g. monthly. */
              frequency: z.enum(UPDATE_FREQUENCIES).optional(),
              /** The provisions that entitle the controller to the data. */
              legalBasis: statutes.optional(),
            })
            .refine((item) => item.source !== undefined || item.description !== undefined, { error: 'errors.source.empty' }),
        ).optional(),
      })
      .optional(),
    /** Regular disclosures (Art 13(1)(e)): recipients, on what basis and under which conditions. */
    disclosures: z
      .strictObject({
        description: text.optional(),
        items: list(
          z.strictObject({
            /** The recipient or category of recipients; a recipient alone is a complete disclosure. */
            recipient: text,
            /** The data subjects the disclosure covers, when it is not all of them. */
            dataSubjects: text.optional(),
            /** What is disclosed and why. */
            description: text.optional(),
            /** The provisions that allow the disclosure. */
            legalBasis: statutes.optional(),
            /** Conditions, e.g. "only on a specified request" or "with the client's consent". */
            conditions: text.optional(),
          }),
        ).optional(),
      })
      .optional(),
    /** Transfers outside the EU/EEA (Art 13(1)(f)) and their safeguards. */
    transfers: z
      .strictObject({
        /** False when no data leaves the EU/EEA; the notice then says so. */
        outsideEea: z.boolean(),
        /** False when data may leave the EU/EEA, but not regularly (only in a single case); the notice says so. */
        regular: z.boolean().optional(),
        description: text.optional(),
        items: list(
          z.strictObject({
            recipient: text,
            /** Country, as an ISO 3166-1 alpha-2 code, or `unknown` when data may go on through recipients to a country not known in advance. */
            country: z.union([z.literal('unknown'), z.string().regex(/^[A-Z]{2}$/u, { error: 'errors.country.invalid' })]),
            /** The Chapter V safeguard, when one is known. */
            safeguard: z.enum(TRANSFER_SAFEGUARDS).optional(),
            description: text.optional(),
          }),
        ).optional(),
      })
      .optional(),

    // ── retention and archiving ─────────────────────────────────────────────
    /** How long data is kept (Art 13(2)(a)) and what happens to it then. */
    retention: z
      .strictObject({
        description: text.optional(),
        rules: list(
          z.strictObject({
            /** Which data the rule covers. */
            data: text,
            /** How long: "permanent" or an ISO 8601 duration such as P12Y. */
            period: retentionPeriodSchema.optional(),
            /** From when the period runs, e.g. "asiakkuuden päättymisestä". */
            trigger: text.optional(),
            /** The provisions that set the period. */
            legalBasis: statutes.optional(),
            /** How often the need to keep the data is reviewed, as a duration such as P1Y. */
            reviewCycle: retentionPeriodSchema.optional(),
          }),
        ).optional(),
        /** Archival fate: what is transferred to permanent keeping. */
        archival: z
          .strictObject({
            description: text.optional(),
            /**
             * Days of the month of birth whose clients' records are kept permanently as a research sample, as
             * the National Archives decided for social welfare (commonly 8, 18 and 28).
             */
            permanentBirthDays: list(z.int().min(1).max(31)).optional(),
          })
          .optional(),
        /** The provisions that set the periods (e.g. 254/2015 on social welfare client records). */
        legalBasis: statutes.optional(),
      })
      .optional(),

    // ── security, rights, automation, confidentiality ───────────────────────
    /** Security principles (Art 30(1)(g)), kept general; details may be secret under 621/1999 24 § 1 mom. 7 k. */
    security: z
      .strictObject({
        description: text.optional(),
        /** Manual (paper) material. */
        manual: text.optional(),
        /** Electronic processing. */
        electronic: text.optional(),
      })
      .optional(),
    /** Register-specific information on rights (Art 13(2)(b)); the standard text is added by Seloste. */
    rights: z
      .strictObject({
        description: text.optional(),
        /** Rights that do not apply or are restricted, and why (e.g. portability under public-task processing). */
        exceptions: list(z.strictObject({ right: z.enum(DATA_SUBJECT_RIGHTS), reason: text })).optional(),
        /** How to make a request, when it differs from the organisation's registry office. */
        howToRequest: text.optional(),
        /** How data subjects are informed, and any right to prohibit disclosures (old Personal Data Act §30). */
        informing: text.optional(),
        /** A fee for repeated or manifestly unfounded or excessive requests, and when it is charged (Art 12(5)). */
        fee: text.optional(),
      })
      .optional(),
    /** Automated decision-making and profiling (Art 13(2)(f), Art 22). */
    automatedDecisions: z
      .strictObject({
        /** Whether decisions are made by automated means. */
        present: z.boolean(),
        description: text.optional(),
      })
      .optional(),
    /** Whether the data is public or secret under the Openness Act, and on which provisions. */
    confidentiality: z
      .strictObject({
        level: z.enum(['public', 'confidential', 'partly-confidential']),
        description: text.optional(),
        legalBasis: statutes.optional(),
      })
      .optional(),

    // ── information system (906/2019 §28, formerly 621/1999 §18) ────────────
    /** The fields of an information-system description. */
    informationSystem: z
      .strictObject({
        /** Name of the information system (tietojärjestelmän nimi). */
        name: text,
        /** The client information system product, as THL's Sosdata notification asks. */
        product: z.enum(CLIENT_SYSTEMS).optional(),
        /** The product's name when it is `other`, or a more precise name. */
        productName: z.string().trim().min(1).optional(),
        /** The supplier, e.g. "Logica". */
        vendor: z.string().trim().min(1).optional(),
        /** The body responsible for the system (tietojärjestelmän vastuutaho). */
        responsibleBody: text.optional(),
        /** The system's purpose, where it differs from the register's purposes (legacy descriptions). */
        purpose: describedList.optional(),
        /** The system's sources, where they differ from the register's (legacy descriptions). */
        sources: text.optional(),
        /** The year or date the data starts from (tiedot ovat alkaen vuodesta). */
        dataSince: yearOrDateSchema.optional(),
        /** How often the data is updated. */
        updateFrequency: z.enum(UPDATE_FREQUENCIES).optional(),
        /** The system's public address, or `none` when it has none. */
        publicAddress: z.union([z.literal('none'), z.url({ protocol: /^https?$/, error: 'errors.url.invalid' })]).optional(),
        /** Public data by data group (julkiset tiedot tietoryhmittäin). */
        publicData: text.optional(),
        /** Secret data groups, as a list (legacy descriptions). */
        confidentialData: list(text).optional(),
        /** Log data kept of the system's use. */
        logData: text.optional(),
        /** Whether the system is a personal data register. */
        personalDataRegister: z.boolean().optional(),
        /** Keeping, archiving and destruction of the system's data, where it differs from the register's. */
        retention: text.optional(),
      })
      .optional(),

    // ── other sections of older descriptions ────────────────────────────────
    /** Combination with other registers (rekisterin yhdistäminen), from Personal Data Act descriptions. */
    interconnections: text.optional(),
    /** Who holds decision-making power over the register (rekisterihallinto). */
    governance: text.optional(),

    // ── internal record ─────────────────────────────────────────────────────
    /** Art 30(1) record entries that are never public: notes and detailed security measures. */
    record: z
      .strictObject({
        /** Categories of recipients as the record lists them (Art 30(1)(d)). */
        recipientCategories: list(text).optional(),
        /** Technical and organisational measures in detail (Art 30(1)(g), Art 32). */
        securityMeasures: text.optional(),
        notes: text.optional(),
      })
      .optional(),

    /** Which sections are public and which only internal. Sections are public unless listed here; `record` is always internal. */
    visibility: z.partialRecord(z.enum(SECTION_FIELDS), z.enum(VISIBILITIES)).optional(),

    // ── working material of an import ───────────────────────────────────────
    /**
     * Text that `seloste import` could not place in a field, kept so that nothing of the source is lost. Never
     * public; `seloste check` warns until every piece has been moved to a field or deleted.
     */
    unplaced: list(
      z.strictObject({
        /** The text as it stood in the source (markdown). */
        text: z.string().trim().min(1, { error: 'errors.text.empty' }),
        /** The language of the text. */
        lang: langSchema,
        /** The heading it stood under in the source, if any. */
        heading: z.string().trim().min(1).optional(),
        /** Where it stood: the file, and the page or line. */
        source: z.string().trim().min(1).optional(),
      }),
    ).optional(),
  })
  .superRefine((register, ctx) => {
    const controllers = register.controllers ?? [];
    if (controllers.length > 1) {
      controllers.forEach((controller, index) => {
        if (!controller.role)
          ctx.addIssue({ code: 'custom', path: ['controllers', index, 'role'], message: 'errors.controller.jointRole' });
      });
    }
    if (register.published && register.updated && register.updated < register.published) {
      ctx.addIssue({ code: 'custom', path: ['updated'], message: 'errors.date.updatedBeforePublished' });
    }
    if (register.visibility?.record === 'public') {
      ctx.addIssue({ code: 'custom', path: ['visibility', 'record'], message: 'errors.visibility.recordPublic' });
    }
  })
  .meta({
    id: 'Register',
    title: 'Seloste register description',
    description: 'One register description: a privacy notice, an information-system description or a legacy register description.',
  });

export type Register = z.infer<typeof registerSchema>;

/** The controllers of a register, defaulting to its organisation as sole controller. */
export function controllersOf(register: Register): NonNullable<Register['controllers']> {
  return register.controllers ?? [{ organisation: register.organisation }];
}

/** Whether a section is in the public notice (true) or only in the internal Art 30 record. */
export function isPublicSection(register: Register, field: SectionField): boolean {
  if (field === 'record') return false;
  return (register.visibility?.[field] ?? 'public') === 'public';
}
