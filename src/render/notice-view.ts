import type { TFunction } from 'i18next';
import { isObfuscatedEmail, type Contact, type Person } from '../domain/contact.ts';
import { formatDate } from '../domain/date.ts';
import { LANG_TAGS, type Lang } from '../domain/language.ts';
import { pickLanguage, type Localized, type LocalizedText } from '../domain/localized-text.ts';
import { DERIVED_SOURCES, FORMAT_NAMES, NOTICE_FORMATS, type SectionDefinition, type SectionSource } from '../domain/notice-format.ts';
import type { Organisation } from '../domain/organisation.ts';
import { controllersOf, isPublicSection, SECTION_FIELDS, type Register, type SectionField } from '../domain/register.ts';
import { parseStatute, statuteUrl, type StatuteRef } from '../domain/statute.ts';
import { SUPERVISORY_AUTHORITY } from '../domain/supervisory-authority.ts';

/**
 * The notice of one register in one language: the single view model that both the web page and the PDF render,
 * so they show the same sections, in the same order, with the same headings and the same fallbacks.
 */
export interface NoticeView {
  id: string;
  lang: Lang;
  langTag: string;
  title: Localized;
  /** The document's label: its own (e.g. "Tietosuojailmoitus") or the format's name. */
  formatName: string;
  subtitle?: Localized;
  /** Text before the first section. */
  introduction?: Localized;
  organisation: Localized;
  /**
   * When some text is not in the reader's language: the languages shown instead, said once at the top of the notice,
   * and the recorded exception (reason and target date) when there is one.
   */
  fallback?: { langs: Lang[]; exception?: { reason: Localized; until: string } };
  example: boolean;
  version: number;
  published?: string;
  updated?: string;
  sections: SectionView[];
}

export interface SectionView {
  key: string;
  heading: string;
  blocks: Block[];
  /** Languages this section falls back to because the reader's is missing: the page says so. */
  fallbackLangs: Lang[];
}

/** A field shown as "label: value"; the value is markdown unless `href` makes it a link. */
export interface FieldRow {
  label: string;
  value: Localized;
  href?: string;
}

export interface StatuteView {
  citation: string;
  title?: Localized;
  url: string;
}

/** One cell of a table: localized content or a plain UI string in the reader's language. */
export type Cell = Localized;

export type Block =
  | { kind: 'markdown'; text: Localized }
  | { kind: 'list'; items: Localized[] }
  | { kind: 'fields'; rows: FieldRow[] }
  | { kind: 'statutes'; label: string; items: StatuteView[] }
  | { kind: 'table'; caption: string; head: string[]; rows: Cell[][] }
  | { kind: 'group'; heading?: Localized; blocks: Block[] };

/** Texts that come from files, not the model: the standard rights and complaint texts per language. */
export interface NoticeTemplates {
  rights: string;
  complaint: string;
}

export interface NoticeContext {
  register: Register;
  organisations: ReadonlyMap<string, Organisation>;
  lang: Lang;
  t: TFunction;
  templates: NoticeTemplates;
  /** Where "how to ask for your data" lives in this language. */
  yourDataUrl: string;
}

const ART6_LETTERS_PUBLIC = new Set(['c', 'e']);

export function buildNoticeView(context: NoticeContext): NoticeView {
  const { register, organisations, lang } = context;
  const organisation = organisations.get(register.organisation);
  const L = (text: LocalizedText | undefined) => (text ? pickLanguage(text, lang) : undefined);
  const formatSections = noticeSections(register).map((definition): SectionView => {
    const blocks = withoutRepeats(definition.sources.flatMap((source) => (isShown(register, source) ? sourceBlocks(context, source) : [])));
    const heading = register.headings?.[definition.key];
    return {
      key: definition.key,
      heading: heading ? pickLanguage(heading, lang).value : definition.heading[lang],
      blocks,
      fallbackLangs: fallbackLanguages(blocks),
    };
  });
  // The register's own sections, each after the section it names (or first, after `start`).
  const own = (after: string): SectionView[] =>
    (register.ownSections ?? [])
      .filter((section) => section.after === after)
      .map((section) => {
        const blocks: Block[] = [{ kind: 'markdown', text: pickLanguage(section.text, lang) }];
        return { key: section.key, heading: pickLanguage(section.heading, lang).value, blocks, fallbackLangs: fallbackLanguages(blocks) };
      });
  const shown = [...own('start'), ...formatSections.flatMap((section) => [section, ...own(section.key)])].filter(
    (section) => section.blocks.length > 0,
  );
  // A missing translation is said once, at the top, not in every section.
  const fallbackLangs = [...new Set(shown.flatMap((section) => section.fallbackLangs))];
  const sections = shown.map((section) => ({ ...section, fallbackLangs: [] }));
  const exception = register.languageExceptions?.find((candidate) => candidate.lang === lang);
  return {
    id: register.id,
    lang,
    langTag: LANG_TAGS[lang],
    title: pickLanguage(register.title, lang),
    formatName: L(register.documentLabel)?.value ?? FORMAT_NAMES[register.format][lang],
    subtitle: L(register.subtitle),
    introduction: L(register.introduction),
    fallback:
      fallbackLangs.length > 0
        ? {
            langs: fallbackLangs,
            ...(exception ? { exception: { reason: pickLanguage(exception.reason, lang), until: exception.until } } : {}),
          }
        : undefined,
    organisation: organisation ? pickLanguage(organisation.name, lang) : plain(register.organisation, lang),
    example: register.example === true,
    version: register.version,
    published: register.published,
    updated: register.updated,
    sections,
  };
}

/**
 * The format's sections for this register. A pre-GDPR description keeps its own rights section; today's rights come
 * after it under their own heading, inside it, or not at all, as `currentRights` says.
 */
function noticeSections(register: Register): SectionDefinition[] {
  const sections = NOTICE_FORMATS[register.format];
  if (register.format !== 'legacy') return sections;
  const mode = register.currentRights ?? 'separate';
  if (mode === 'separate') return sections;
  return sections
    .filter((section) => section.key !== 'currentRights')
    .map((section) =>
      section.key === 'rights' && mode === 'appended'
        ? { ...section, sources: [...section.sources, DERIVED_SOURCES.standardRights] }
        : section,
    );
}

/** Drops a text that repeats the one before it, as a system's name does when it is also the register's title. */
function withoutRepeats(blocks: Block[]): Block[] {
  return blocks.filter((block, index) => {
    const previous = blocks[index - 1];
    return !(block.kind === 'markdown' && previous?.kind === 'markdown' && previous.text.value === block.text.value);
  });
}

function isShown(register: Register, source: SectionSource): boolean {
  const field = source.split('.')[0]!;
  return !(SECTION_FIELDS as readonly string[]).includes(field) || isPublicSection(register, field as SectionField);
}

/** Text written in the reader's language by Seloste itself (labels, standard sentences). */
function plain(value: string, lang: Lang): Localized {
  return { value, lang, isFallback: false };
}

function fallbackLanguages(blocks: Block[]): Lang[] {
  const langs = new Set<Lang>();
  const visit = (localized: Localized | undefined) => {
    if (localized?.isFallback) langs.add(localized.lang);
  };
  const walk = (block: Block): void => {
    switch (block.kind) {
      case 'markdown':
        return visit(block.text);
      case 'list':
        return block.items.forEach(visit);
      case 'fields':
        return block.rows.forEach((row) => visit(row.value));
      case 'statutes':
        return block.items.forEach((item) => visit(item.title));
      case 'table':
        return block.rows.forEach((row) => row.forEach(visit));
      case 'group':
        visit(block.heading);
        return block.blocks.forEach(walk);
    }
  };
  blocks.forEach(walk);
  return [...langs];
}

function sourceBlocks(context: NoticeContext, source: SectionSource): Block[] {
  const { register, organisations, lang, t } = context;
  const L = (text: LocalizedText | undefined) => (text ? pickLanguage(text, lang) : undefined);
  const md = (text: LocalizedText | undefined): Block[] => (text ? [{ kind: 'markdown', text: pickLanguage(text, lang) }] : []);
  const list = (items: LocalizedText[] | undefined): Block[] =>
    items?.length ? [{ kind: 'list', items: items.map((item) => pickLanguage(item, lang)) }] : [];
  const group = (heading: LocalizedText | Localized | undefined, blocks: Block[]): Block[] =>
    blocks.length === 0
      ? []
      : [{ kind: 'group', heading: heading && 'value' in heading ? heading : L(heading as LocalizedText | undefined), blocks }];
  const labelled = (label: string, blocks: Block[]) => group(plain(label, lang), blocks);
  // Items that are only a name (a recipient, a source, a group) are gathered into one list, so none of them vanishes.
  const entries = (items: { heading: LocalizedText | undefined; blocks: Block[] }[]): Block[] => {
    const out: Block[] = [];
    let names: Localized[] | undefined;
    for (const item of items) {
      if (item.heading && item.blocks.length === 0) {
        if (!names) out.push({ kind: 'list', items: (names = []) });
        names.push(pickLanguage(item.heading, lang));
        continue;
      }
      names = undefined;
      out.push(...(item.heading ? group(item.heading, item.blocks) : item.blocks));
    }
    return out;
  };
  const fields = (rows: (FieldRow | undefined)[]): Block[] => {
    const present = rows.filter((row): row is FieldRow => row !== undefined);
    return present.length ? [{ kind: 'fields', rows: present }] : [];
  };
  const row = (label: string, value: LocalizedText | string | undefined, href?: string) => fieldRow(lang, t, label, value, href);
  const statutes = (refs: StatuteRef[] | undefined, label = t('notice.legalBasisOf')): Block[] =>
    refs?.length ? [{ kind: 'statutes', label, items: refs.map((ref) => statuteView(ref, lang)) }] : [];
  const contactRows = (contact: Contact | undefined) => contactFieldRows(contact, lang, t);
  const personRows = (person: Person | undefined) =>
    person
      ? [
          row('notice.field.name', person.name),
          row('notice.field.title', person.title),
          row('notice.field.unit', person.unit),
          ...contactRows(person),
        ]
      : [];
  const yesNo = (value: boolean) => t(value ? 'notice.yes' : 'notice.no');
  const system = register.informationSystem;

  switch (source) {
    case 'title':
      return md(register.title);
    case 'controllers': {
      const controllers = controllersOf(register);
      const blocks = controllers.flatMap((controller) => {
        const org = organisations.get(controller.organisation);
        return group(org?.name, [
          ...fields([
            row('notice.field.body', controller.body),
            row('notice.field.businessId', org?.businessId),
            ...contactRows(controller.contact ?? org?.contact),
            controller.validFrom || controller.validUntil
              ? row('notice.controller.validity', validity(controller.validFrom, controller.validUntil, lang, t))
              : undefined,
          ]),
          ...(controller.role ? labelled(t('notice.field.role'), md(controller.role)) : []),
          ...(controller.phases
            ? labelled(t('notice.controller.phases'), [
                {
                  kind: 'fields',
                  rows: controller.phases.map((phase) => ({
                    label: pickLanguage(phase.phase, lang).value,
                    value: pickLanguage(phase.role, lang),
                  })),
                },
              ])
            : []),
        ]);
      });
      return controllers.length > 1 ? [{ kind: 'markdown', text: plain(t('notice.controller.joint'), lang) }, ...blocks] : blocks;
    }
    case 'jointArrangement':
      return register.jointArrangement ? labelled(t('notice.controller.arrangement'), md(register.jointArrangement)) : [];
    case 'representative':
      return labelled(t('notice.representative'), fields(personRows(register.representative)));
    case 'responsible':
      return register.responsible ? [...md(register.responsible.unit), ...fields(personRows(register.responsible.person))] : [];
    case 'contactPersons':
      return (register.contactPersons ?? []).flatMap((person) => fields(personRows(person)));
    case DERIVED_SOURCES.dpo: {
      // Each joint controller's own DPO, under that controller's name (Art 13(1)(b), Art 26).
      const controllers = controllersOf(register);
      const dpoOf = (controller: (typeof controllers)[number]) => controller.dpo ?? organisations.get(controller.organisation)?.dpo;
      if (controllers.length === 1) return fields(personRows(dpoOf(controllers[0]!)));
      return controllers.flatMap((controller) =>
        group(organisations.get(controller.organisation)?.name ?? { fi: controller.organisation }, fields(personRows(dpoOf(controller)))),
      );
    }
    case 'purposes':
      return register.purposes ? [...md(register.purposes.description), ...list(register.purposes.items)] : [];
    case 'legalBasis': {
      const basis = register.legalBasis;
      if (!basis) return [];
      const article6 = (basis.article6 ?? []).map((letter) => plain(t('notice.art6', { label: t(`notice.art6.${letter}`), letter }), lang));
      const article9 = (basis.article9 ?? []).map((letter) => plain(t('notice.art9', { label: t(`notice.art9.${letter}`), letter }), lang));
      const letters = (six: readonly string[] | undefined, nine: readonly string[] | undefined) => {
        const items6 = (six ?? []).map((letter) => plain(t('notice.art6', { label: t(`notice.art6.${letter}`), letter }), lang));
        const items9 = (nine ?? []).map((letter) => plain(t('notice.art9', { label: t(`notice.art9.${letter}`), letter }), lang));
        return [
          ...(items6.length ? labelled(t('notice.legalBasis'), [{ kind: 'list' as const, items: items6 }]) : []),
          ...(items9.length ? labelled(t('notice.legalBasis.special'), [{ kind: 'list' as const, items: items9 }]) : []),
        ];
      };
      const balancing = (url: string | undefined) =>
        fields([url ? row('notice.legalBasis.balancingTest', t('notice.legalBasis.balancingTestLink'), url) : undefined]);
      return [
        ...(article6.length || article9.length ? letters(basis.article6, basis.article9) : []),
        ...md(basis.description),
        ...balancing(basis.balancingTest),
        ...(basis.parts ?? []).flatMap((part) =>
          group(part.processing, [...letters(part.article6, part.article9), ...md(part.description), ...balancing(part.balancingTest)]),
        ),
      ];
    }
    case 'legislation':
      return statutes(register.legislation, t('notice.legislation'));
    case 'dataSubjectGroups':
      return entries(
        (register.dataSubjectGroups ?? []).map((subjects) => ({
          heading: subjects.name,
          blocks: [
            ...md(subjects.description),
            ...list(subjects.dataCategories),
            ...fields([row('notice.group.sources', subjects.sources), row('notice.group.retention', subjects.retention)]),
          ],
        })),
      );
    case 'dataContent': {
      const content = register.dataContent;
      if (!content) return [];
      return [
        ...md(content.description),
        ...(content.groups ?? []).flatMap((data) =>
          group(data.heading, [
            ...md(data.description),
            ...list(data.items),
            ...(data.groups ?? []).flatMap((sub) => group(sub.heading, [...md(sub.description), ...list(sub.items)])),
          ]),
        ),
      ];
    }
    case 'specialCategories': {
      const special = register.specialCategories;
      if (!special) return [];
      const items = special.categories.map((category) => plain(t(`notice.special.${category}`), lang));
      return labelled(t('notice.special'), [{ kind: 'list', items }, ...md(special.description)]);
    }
    case 'subRegisters': {
      const subRegisters = register.subRegisters;
      if (!subRegisters) return [];
      return labelled(t('notice.subRegisters'), [
        ...md(subRegisters.description),
        ...subRegisters.items.flatMap((item) => (item.name ? group(item.name, md(item.description)) : md(item.description))),
      ]);
    }
    case 'sources': {
      const sources = register.sources;
      if (!sources) return [];
      return [
        ...(sources.fromDataSubjectOnly ? [{ kind: 'markdown' as const, text: plain(t('notice.sources.fromDataSubject'), lang) }] : []),
        ...md(sources.description),
        ...entries(
          (sources.items ?? []).map((item) => ({
            heading: item.source,
            blocks: [
              ...md(item.description),
              ...fields([
                item.technicalInterface !== undefined ? row('notice.source.technicalInterface', yesNo(item.technicalInterface)) : undefined,
                item.frequency ? row('notice.source.frequency', t(`notice.frequency.${item.frequency}`)) : undefined,
              ]),
              ...statutes(item.legalBasis),
            ],
          })),
        ),
      ];
    }
    case 'disclosures': {
      const disclosures = register.disclosures;
      if (!disclosures) return [];
      return [
        ...md(disclosures.description),
        ...entries(
          (disclosures.items ?? []).map((item) => ({
            heading: item.recipient,
            blocks: [
              ...md(item.description),
              ...fields([row('notice.disclosure.dataSubjects', item.dataSubjects), row('notice.disclosure.conditions', item.conditions)]),
              ...statutes(item.legalBasis),
            ],
          })),
        ),
      ];
    }
    case 'processors':
      return register.processors?.length
        ? labelled(
            t('notice.processors'),
            register.processors.flatMap((processor) =>
              group(processor.name, [
                ...md(processor.tasks),
                ...fields([
                  processor.authority !== undefined ? row('notice.processor.authority', yesNo(processor.authority)) : undefined,
                  row('notice.processor.location', processor.location),
                  processor.actsFor
                    ? row('notice.processor.actsFor', organisations.get(processor.actsFor)?.name ?? processor.actsFor)
                    : undefined,
                  ...contactRows(processor.contact),
                ]),
                ...(processor.subProcessors
                  ? labelled(
                      t('notice.processor.subProcessors'),
                      entries(
                        processor.subProcessors.map((sub) => ({
                          heading: sub.name,
                          blocks: [...md(sub.tasks), ...fields([row('notice.processor.location', sub.location)])],
                        })),
                      ),
                    )
                  : []),
              ]),
            ),
          )
        : [];
    case 'transfers': {
      const transfers = register.transfers;
      if (!transfers) return [];
      const regions = new Intl.DisplayNames([lang], { type: 'region' });
      return [
        ...(transfers.outsideEea ? [] : [{ kind: 'markdown' as const, text: plain(t('notice.transfers.none'), lang) }]),
        ...(transfers.outsideEea && transfers.regular === false
          ? [{ kind: 'markdown' as const, text: plain(t('notice.transfers.notRegular'), lang) }]
          : []),
        ...md(transfers.description),
        ...(transfers.items?.length
          ? [
              {
                kind: 'table' as const,
                caption: t('notice.transfers.caption'),
                head: [
                  t('notice.transfers.recipient'),
                  t('notice.transfers.country'),
                  t('notice.transfers.safeguard'),
                  t('notice.field.note'),
                ],
                rows: transfers.items.map((item) => [
                  pickLanguage(item.recipient, lang),
                  plain(
                    item.country === 'unknown' ? t('notice.transfers.unknownCountry') : (regions.of(item.country) ?? item.country),
                    lang,
                  ),
                  plain(item.safeguard ? t(`notice.safeguard.${item.safeguard}`) : '–', lang),
                  item.description ? pickLanguage(item.description, lang) : plain('–', lang),
                ]),
              },
            ]
          : []),
      ];
    }
    case 'retention': {
      const retention = register.retention;
      if (!retention) return [];
      const period = (value: string | undefined) => plain(value ? formatPeriod(value, t) : '–', lang);
      const reviewed = retention.rules?.some((rule) => rule.reviewCycle !== undefined);
      return [
        ...md(retention.description),
        ...(retention.rules?.length
          ? [
              {
                kind: 'table' as const,
                caption: t('notice.retention.caption'),
                head: [
                  t('notice.retention.data'),
                  t('notice.retention.period'),
                  t('notice.retention.trigger'),
                  ...(reviewed ? [t('notice.retention.reviewCycle')] : []),
                ],
                rows: retention.rules.map((rule) => [
                  pickLanguage(rule.data, lang),
                  period(rule.period),
                  rule.trigger ? pickLanguage(rule.trigger, lang) : plain('–', lang),
                  ...(reviewed ? [period(rule.reviewCycle)] : []),
                ]),
              },
            ]
          : []),
        ...(retention.rules ?? []).flatMap((rule) =>
          statutes(rule.legalBasis, `${t('notice.legalBasisOf')}: ${pickLanguage(rule.data, lang).value}`),
        ),
        ...(retention.archival
          ? labelled(t('notice.retention.archival'), [
              ...md(retention.archival.description),
              ...(retention.archival.permanentBirthDays
                ? [
                    {
                      kind: 'markdown' as const,
                      text: plain(
                        t('notice.archival.birthDays', { days: formatBirthDays(retention.archival.permanentBirthDays, lang) }),
                        lang,
                      ),
                    },
                  ]
                : []),
            ])
          : []),
        ...statutes(retention.legalBasis),
      ];
    }
    case 'security': {
      const security = register.security;
      if (!security) return [];
      return [
        ...md(security.description),
        ...(security.manual ? labelled(t('notice.security.manual'), md(security.manual)) : []),
        ...(security.electronic ? labelled(t('notice.security.electronic'), md(security.electronic)) : []),
      ];
    }
    case 'confidentiality': {
      const confidentiality = register.confidentiality;
      if (!confidentiality) return [];
      return [
        ...(confidentiality.description
          ? md(confidentiality.description)
          : [{ kind: 'markdown' as const, text: plain(t(`notice.confidentiality.${confidentiality.level}`), lang) }]),
        ...statutes(confidentiality.legalBasis),
      ];
    }
    case DERIVED_SOURCES.standardRights:
      return standardRights(context);
    case 'rights':
      return [
        ...sourceBlocks(context, 'rights.description'),
        ...sourceBlocks(context, 'rights.exceptions'),
        ...sourceBlocks(context, 'rights.howToRequest'),
        ...sourceBlocks(context, 'rights.informing'),
        ...sourceBlocks(context, 'rights.fee'),
      ];
    case 'rights.fee':
      return register.rights?.fee ? labelled(t('notice.rights.fee'), md(register.rights.fee)) : [];
    case 'rights.description':
      return md(register.rights?.description);
    case 'rights.exceptions':
      return register.rights?.exceptions?.length
        ? labelled(t('notice.rights.exceptions'), [
            {
              kind: 'fields',
              rows: register.rights.exceptions.map((exception) => ({
                label: t(`notice.right.${exception.right}`),
                value: pickLanguage(exception.reason, lang),
              })),
            },
          ])
        : [];
    case 'rights.howToRequest':
      return register.rights?.howToRequest ? labelled(t('notice.rights.howToRequest'), md(register.rights.howToRequest)) : [];
    case 'rights.informing':
      return register.rights?.informing
        ? register.format === 'legacy'
          ? md(register.rights.informing)
          : labelled(t('notice.rights.informing'), md(register.rights.informing))
        : [];
    case 'automatedDecisions': {
      const automated = register.automatedDecisions;
      if (!automated) return [];
      return [
        { kind: 'markdown', text: plain(t(automated.present ? 'notice.automated.present' : 'notice.automated.none'), lang) },
        ...md(automated.description),
      ];
    }
    case DERIVED_SOURCES.supervisoryAuthority: {
      const authority = SUPERVISORY_AUTHORITY;
      return [
        ...standardText(context, 'complaint'),
        ...group(plain(authority.name[lang], lang), [
          {
            kind: 'fields',
            rows: [
              { label: t('notice.field.visitingAddress'), value: plain(authority.visitingAddress[lang], lang) },
              { label: t('notice.field.postalAddress'), value: plain(authority.postalAddress[lang], lang) },
              {
                label: t('notice.field.phone'),
                value: plain(authority.phone[lang], lang),
                href: `tel:${authority.phone.en.replace(/[^\d+]/gu, '')}`,
              },
              { label: t('notice.field.email'), value: plain(authority.email, lang), href: `mailto:${authority.email}` },
              { label: t('notice.field.website'), value: plain(authority.website[lang], lang), href: authority.website[lang] },
            ],
          },
        ]),
      ];
    }
    case DERIVED_SOURCES.dates:
      return fields([
        register.published ? row('notice.dates.published', formatDate(register.published, lang)) : undefined,
        register.updated ? row('notice.dates.updated', formatDate(register.updated, lang)) : undefined,
        row('notice.dates.version', String(register.version)),
      ]).concat(md(register.versionNotes));
    case 'interconnections':
      return register.format === 'legacy'
        ? md(register.interconnections)
        : labelled(t('notice.interconnections'), md(register.interconnections));
    case 'governance':
      return register.format === 'legacy' ? md(register.governance) : labelled(t('notice.governance'), md(register.governance));
    case 'informationSystem':
      return system
        ? group(system.name, [
            ...fields([
              system.product ? row('notice.system.product', productName(system.product, system.productName, t)) : undefined,
              row('notice.system.vendor', system.vendor),
              row('notice.system.responsibleBody', system.responsibleBody),
              system.dataSince ? row('notice.system.dataSince', formatDataSince(system.dataSince, lang, t)) : undefined,
              system.updateFrequency ? row('notice.system.updateFrequency', t(`notice.frequency.${system.updateFrequency}`)) : undefined,
              publicAddressRow(system.publicAddress, t, lang),
              system.personalDataRegister !== undefined
                ? row('notice.system.personalDataRegister', yesNo(system.personalDataRegister))
                : undefined,
            ]),
            ...(system.purpose
              ? labelled(t('notice.system.purpose'), [...md(system.purpose.description), ...list(system.purpose.items)])
              : []),
            ...(system.sources ? labelled(t('notice.system.sources'), md(system.sources)) : []),
            ...(system.publicData ? labelled(t('notice.system.publicData'), md(system.publicData)) : []),
            ...(system.confidentialData ? labelled(t('notice.system.confidentialData'), list(system.confidentialData)) : []),
            ...(system.logData ? labelled(t('notice.system.logData'), md(system.logData)) : []),
            ...(system.retention ? labelled(t('notice.system.retention'), md(system.retention)) : []),
          ])
        : [];
    case 'informationSystem.name':
      return md(system?.name);
    case 'informationSystem.product':
      return system?.product ? fields([row('notice.system.product', productName(system.product, system.productName, t))]) : [];
    case 'informationSystem.productName':
      return system?.productName && !system.product ? fields([row('notice.system.product', system.productName)]) : [];
    case 'informationSystem.vendor':
      return fields([row('notice.system.vendor', system?.vendor)]);
    case 'informationSystem.responsibleBody':
      return md(system?.responsibleBody);
    case 'informationSystem.purpose':
      return system?.purpose ? [...md(system.purpose.description), ...list(system.purpose.items)] : [];
    case 'informationSystem.sources':
      return md(system?.sources);
    case 'informationSystem.dataSince':
      return system?.dataSince ? [{ kind: 'markdown', text: plain(formatDataSince(system.dataSince, lang, t), lang) }] : [];
    case 'informationSystem.updateFrequency':
      return system?.updateFrequency
        ? [{ kind: 'markdown', text: plain(capitalise(t(`notice.frequency.${system.updateFrequency}`)), lang) }]
        : [];
    case 'informationSystem.publicAddress': {
      const address = publicAddressRow(system?.publicAddress, t, lang);
      return address ? [address.href ? { kind: 'fields', rows: [address] } : { kind: 'markdown', text: address.value }] : [];
    }
    case 'informationSystem.publicData':
      return md(system?.publicData);
    case 'informationSystem.confidentialData':
      return list(system?.confidentialData);
    case 'informationSystem.logData':
      return md(system?.logData);
    case 'informationSystem.personalDataRegister':
      return system?.personalDataRegister !== undefined
        ? [{ kind: 'markdown', text: plain(yesNo(system.personalDataRegister), lang) }]
        : [];
    case 'informationSystem.retention':
      return md(system?.retention);
    default:
      throw new Error(`No view for section source "${source}"`);
  }
}

/** A standard text as the register wants it: Seloste's own, replaced by the register's, or followed by it. */
function standardText(context: NoticeContext, which: 'rights' | 'complaint'): Block[] {
  const { register, lang } = context;
  const override = register.standardTexts?.[which];
  const standard: Block = { kind: 'markdown', text: plain(context.templates[which], lang) };
  if (!override) return [standard];
  const own: Block = { kind: 'markdown', text: pickLanguage(override.text, lang) };
  return override.mode === 'replace' ? [own] : [standard, own];
}

/** The standard rights text, the portability exception the law makes for public tasks, and where to send requests. */
function standardRights(context: NoticeContext): Block[] {
  const { register, organisations, lang, t } = context;
  const bases = register.legalBasis?.article6 ?? [];
  const portabilityExcluded = bases.length > 0 && bases.every((letter) => ART6_LETTERS_PUBLIC.has(letter));
  const statedPortability = register.rights?.exceptions?.some((exception) => exception.right === 'portability');
  const office = organisations.get(register.organisation)?.registryOffice;
  const officeRows = office ? registryOfficeRows(office, lang, t) : [];
  return [
    ...standardText(context, 'rights'),
    ...(portabilityExcluded && !statedPortability
      ? [{ kind: 'markdown' as const, text: plain(t('notice.rights.portabilityExcluded'), lang) }]
      : []),
    {
      kind: 'group',
      heading: plain(t('notice.rights.requests'), lang),
      blocks: [
        ...(officeRows.length ? [{ kind: 'fields' as const, rows: officeRows }] : []),
        {
          kind: 'fields',
          rows: [{ label: t('notice.rights.guide'), value: plain(t('notice.rights.guideLink'), lang), href: context.yourDataUrl }],
        },
      ],
    },
  ];
}

function fieldRow(lang: Lang, t: TFunction, label: string, value: LocalizedText | string | undefined, href?: string): FieldRow | undefined {
  return value === undefined
    ? undefined
    : { label: t(label), value: typeof value === 'string' ? plain(value, lang) : pickLanguage(value, lang), href };
}

/** The rows of a contact, in the order a reader looks for them: where to write, where to go, how to call or e-mail. */
export function contactFieldRows(contact: Contact | undefined, lang: Lang, t: TFunction): (FieldRow | undefined)[] {
  if (!contact) return [];
  const row = (label: string, value: LocalizedText | string | undefined, href?: string) => fieldRow(lang, t, label, value, href);
  // A number or address with its own label ("vaihde") is shown as "Puhelin (vaihde)".
  const labelled = (key: string, label: LocalizedText | undefined, value: string, href: string | undefined): FieldRow => ({
    label: label ? `${t(key)} (${pickLanguage(label, lang).value})` : t(key),
    value: plain(value, lang),
    href,
  });
  return [
    row('notice.field.postalAddress', contact.postalAddress),
    row('notice.field.visitingAddress', contact.visitingAddress),
    row('notice.field.phone', contact.phone, phoneHref(contact.phone)),
    ...(contact.phones ?? []).map((phone) => labelled('notice.field.phone', phone.label, phone.number, phoneHref(phone.number))),
    row('notice.field.email', contact.email, emailHref(contact.email)),
    ...(contact.emails ?? []).map((email) => labelled('notice.field.email', email.label, email.address, emailHref(email.address))),
    row('notice.field.website', contact.url, contact.url),
    row('notice.field.note', contact.note),
  ];
}

/** A link that dials the number: only its digits and a leading plus. */
function phoneHref(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/[^\d+]/gu, '');
  return `tel:${digits}`;
}

/** A mailto link, except for an address written obfuscated: it is shown as written, as its author wanted. */
function emailHref(email: string | undefined): string | undefined {
  return email && !isObfuscatedEmail(email) ? `mailto:${email}` : undefined;
}

/** A registry office (kirjaamo) as field rows: its name, then its contact details. */
export function registryOfficeRows(office: Contact & { name?: LocalizedText }, lang: Lang, t: TFunction): FieldRow[] {
  return [fieldRow(lang, t, 'notice.field.name', office.name), ...contactFieldRows(office, lang, t)].filter(
    (row): row is FieldRow => row !== undefined,
  );
}

function statuteView(ref: StatuteRef, lang: Lang): StatuteView {
  const statute = parseStatute(ref.ref)!;
  return {
    citation: ref.ref,
    title: ref.title ? pickLanguage(ref.title, lang) : undefined,
    url: statuteUrl(statute, lang, ref.englishTranslation),
  };
}

/** "1.1.2020 – 31.12.2022", or an open end on either side. */
function validity(from: string | undefined, until: string | undefined, lang: Lang, t: TFunction): string {
  if (from && until) return `${formatDate(from, lang)} – ${formatDate(until, lang)}`;
  if (until) return t('notice.controller.until', { date: formatDate(until, lang) });
  return t('notice.controller.from', { date: formatDate(from!, lang) });
}

function publicAddressRow(address: string | undefined, t: TFunction, lang: Lang): FieldRow | undefined {
  if (address === undefined) return undefined;
  if (address === 'none') return { label: t('notice.system.publicAddress'), value: plain(t('notice.system.noPublicAddress'), lang) };
  return { label: t('notice.system.publicAddress'), value: plain(address, lang), href: address };
}

function productName(product: string, name: string | undefined, t: TFunction): string {
  if (product === 'other') return name ?? t('notice.system.otherProduct');
  return t(`notice.product.${product}`) + (name ? ` (${name})` : '');
}

function formatDataSince(value: string, lang: Lang, t: TFunction): string {
  return /^\d{4}$/u.test(value)
    ? t('notice.system.sinceYear', { year: value })
    : t('notice.system.sinceDate', { date: formatDate(value, lang) });
}

/** `P12Y` as "12 vuotta", `P2W` as "2 viikkoa" / "12 år" / "12 years"; `permanent` as "pysyvästi". */
export function formatPeriod(period: string, t: TFunction): string {
  if (period === 'permanent') return t('notice.retention.permanent');
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/u.exec(period);
  if (!match) return period;
  const parts = [
    match[1] ? t('notice.duration.years', { count: Number(match[1]) }) : undefined,
    match[2] ? t('notice.duration.months', { count: Number(match[2]) }) : undefined,
    match[3] ? t('notice.duration.weeks', { count: Number(match[3]) }) : undefined,
    match[4] ? t('notice.duration.days', { count: Number(match[4]) }) : undefined,
  ].filter(Boolean);
  return parts.join(' ');
}

/** 8, 18, 28 as "8., 18. ja 28." / "8:e, 18:e och 28:e" / "8th, 18th or 28th". */
export function formatBirthDays(days: number[], lang: Lang): string {
  const ordinal = (day: number) => {
    if (lang === 'fi') return `${day}.`;
    if (lang === 'sv') return `${day}:${day % 10 === 1 || day % 10 === 2 ? (day % 100 === 11 || day % 100 === 12 ? 'e' : 'a') : 'e'}`;
    const suffix =
      day % 100 >= 11 && day % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th');
    return `${day}${suffix}`;
  };
  return new Intl.ListFormat(lang, { type: lang === 'en' ? 'disjunction' : 'conjunction' }).format(days.map(ordinal));
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
