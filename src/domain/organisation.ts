import * as z from 'zod';
import { businessIdSchema } from './business-id.ts';
import { accentContrastFailure, HEX_COLOUR } from './colour.ts';
import { contactSchema, idSchema, personSchema } from './contact.ts';
import { langSchema } from './language.ts';
import { localizedTextSchema } from './localized-text.ts';

/** The kinds of public body Seloste is made for. */
export const ORGANISATION_KINDS = ['municipality', 'welfare-area', 'joint-authority', 'state-agency', 'other'] as const;

/** A public body that controls registers. Defined once, referenced by id from every register. */
export const organisationSchema = z
  .strictObject({
    /** Stable id; the file is content/organisations/<id>.yaml. */
    id: idSchema,
    /** True for fictional organisations that exist only to demonstrate Seloste. */
    example: z.boolean().optional(),
    /** Official name per language (e.g. Helsingin kaupunki, Helsingfors stad). */
    name: localizedTextSchema,
    /**
     * Business ID (Y-tunnus), checked when given. Optional: foreign bodies and some units have none, and GDPR
     * Art 13(1)(a) asks for the controller's identity and contact details, not a business ID.
     */
    businessId: businessIdSchema.optional(),
    /** What kind of body this is. */
    kind: z.enum(ORGANISATION_KINDS),
    /**
     * Official languages. A bilingual municipality (fi and sv) must publish in both (Language Act 423/2003 §32),
     * so every published register of it needs Finnish and Swedish text.
     */
    officialLanguages: z
      .array(langSchema)
      .min(1)
      .refine((langs) => new Set(langs).size === langs.length, { error: 'errors.list.duplicate' }),
    /** Main contact details of the body. */
    contact: contactSchema,
    /** Registry office (kirjaamo, registratorskontoret), where requests and documents are delivered. */
    registryOffice: contactSchema.extend({ name: localizedTextSchema.optional() }).optional(),
    /** Data protection officer (GDPR Art 37(1)(a): every public authority designates one; Art 13(1)(b)). */
    dpo: personSchema.optional(),
    /**
     * The body's logo: a PNG or JPEG file in content/assets/, printed on the letterhead of its letters (and shown on
     * the public site). Optional: without it, the letterhead is the name and address alone.
     */
    logo: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:png|jpe?g)$/u, { error: 'errors.logo.invalid' })
      .optional(),
    /**
     * A short name mark shown beside the logo in the public site's notice header (e.g. Helsinki, Helsingfors), where
     * the full official name would be too long. Without it, the official name is shown.
     */
    nameMark: localizedTextSchema.optional(),
    /**
     * The body's accent colour on the public site (#rrggbb): the bar over its notices, its "ask about your data"
     * button, its links there. Used as text on white and light grey and under white text, so it must reach WCAG 2.1 AA
     * contrast (4.5:1) against each; `seloste check` refuses a lighter one.
     */
    accent: z
      .string()
      .regex(HEX_COLOUR, { error: 'errors.accent.invalid' })
      .superRefine((accent, context) => {
        const failure = HEX_COLOUR.test(accent) ? accentContrastFailure(accent) : undefined;
        if (failure)
          context.addIssue({
            code: 'custom',
            message: 'errors.accent.contrast',
            input: accent,
            params: { ratio: failure.ratio, background: failure.background },
          });
      })
      .optional(),
    /** The body's public web site. */
    website: z.url({ protocol: /^https?$/, error: 'errors.url.invalid' }).optional(),
  })
  .meta({ id: 'Organisation', title: 'Seloste organisation', description: 'A public body that controls registers.' });

export type Organisation = z.infer<typeof organisationSchema>;
