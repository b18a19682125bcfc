import { collectLocalizedTexts, missingLanguages, requiredLanguages } from './localized-text.ts';
import { LANGS, type Lang } from './language.ts';
import { missingRecommended, unmetMinimums } from './legal-minimums.ts';
import { fieldsNotShown, NOTICE_FORMATS } from './notice-format.ts';
import type { Organisation } from './organisation.ts';
import { controllersOf, type Register } from './register.ts';

export type Severity = 'error' | 'warning';

/** A problem found across validated content. `key` is an i18n key under `errors.`; params fill it in. */
export interface Finding {
  severity: Severity;
  key: string;
  params?: Record<string, string | number>;
  /** The field path inside the entity the finding is about. */
  path: (string | number)[];
}

/** Language completeness of one register: which required languages are complete, and where text is missing. */
export interface LanguageReport {
  required: Lang[];
  /** Languages in which every localized text of the register is written. */
  complete: Lang[];
  /** For each incomplete language, the paths of the texts that lack it. */
  missing: Partial<Record<Lang, (string | number)[][]>>;
}

export function languageReport(register: Register, organisation: Organisation | undefined): LanguageReport {
  const required = requiredLanguages(organisation?.officialLanguages ?? [], register.languages);
  const texts = collectLocalizedTexts(stripInternal(register));
  const missing: LanguageReport['missing'] = {};
  for (const lang of LANGS) {
    const paths = texts.filter(({ text }) => missingLanguages(text, [lang]).length > 0).map(({ path }) => path);
    if (paths.length > 0) missing[lang] = paths;
  }
  return { required, complete: LANGS.filter((lang) => !missing[lang]), missing };
}

/** The internal Art 30 record need not be translated (it is never published), nor the reasons for a language exception. */
function stripInternal(register: Register): Omit<Register, 'record' | 'languageExceptions'> {
  const { record: _record, languageExceptions: _exceptions, ...rest } = register;
  return rest;
}

/** Checks one register against the organisations and its own format: references, languages, required sections. */
export function checkRegister(register: Register, organisations: ReadonlyMap<string, Organisation>): Finding[] {
  const findings: Finding[] = [];
  const published = register.status === 'published';
  const gap: Severity = published ? 'error' : 'warning';

  const organisation = organisations.get(register.organisation);
  if (!organisation)
    findings.push({
      severity: 'error',
      key: 'errors.reference.unknownOrganisation',
      params: { id: register.organisation },
      path: ['organisation'],
    });
  controllersOf(register).forEach((controller, index) => {
    if (register.controllers && !organisations.has(controller.organisation)) {
      findings.push({
        severity: 'error',
        key: 'errors.reference.unknownOrganisation',
        params: { id: controller.organisation },
        path: ['controllers', index, 'organisation'],
      });
    }
  });
  register.processors?.forEach((processor, index) => {
    if (processor.actsFor && !controllersOf(register).some((controller) => controller.organisation === processor.actsFor)) {
      findings.push({
        severity: 'error',
        key: 'errors.processor.actsForUnknown',
        params: { id: processor.actsFor },
        path: ['processors', index, 'actsFor'],
      });
    }
    if (processor.organisation && !organisations.has(processor.organisation)) {
      findings.push({
        severity: 'error',
        key: 'errors.reference.unknownOrganisation',
        params: { id: processor.organisation },
        path: ['processors', index, 'organisation'],
      });
    }
  });

  const report = languageReport(register, organisation);
  for (const lang of report.required) {
    // A recorded exception (reason and target date) lets a register be published before its translation exists.
    const exception = register.languageExceptions?.find((candidate) => candidate.lang === lang);
    // Every field that lacks the language, each at its own line, so the author can work down the list.
    for (const path of report.missing[lang] ?? []) {
      findings.push({
        severity: exception ? 'warning' : gap,
        key: 'errors.language.missing',
        params: { lang, code: lang, field: formatPath(path) },
        path,
      });
    }
  }

  // Only what the law requires of this kind of notice stops publishing; the rest is a recommendation.
  for (const rule of unmetMinimums(register)) {
    findings.push({
      severity: gap,
      key: `errors.minimum.${rule.key}`,
      params: { article: rule.article, fields: rule.fields.join(', ') },
      path: ['status'],
    });
  }
  for (const entry of missingRecommended(register)) {
    findings.push({
      severity: 'warning',
      key: 'errors.recommended.missing',
      params: { field: entry.field, article: entry.article },
      path: ['status'],
    });
  }
  if (published && organisation && !organisation.dpo)
    findings.push({ severity: 'warning', key: 'errors.dpo.missing', params: { id: organisation.id }, path: ['organisation'] });
  if (published && organisation && !hasContactDetails(organisation.registryOffice))
    findings.push({ severity: 'warning', key: 'errors.registryOffice.empty', params: { id: organisation.id }, path: ['organisation'] });

  // Renamed headings and own sections must name sections of the format, so that nothing lands nowhere.
  const sectionKeys = NOTICE_FORMATS[register.format].map((section) => section.key);
  for (const key of Object.keys(register.headings ?? {})) {
    if (!sectionKeys.includes(key))
      findings.push({
        severity: 'error',
        key: 'errors.heading.unknownSection',
        params: { key, allowed: sectionKeys.join(', ') },
        path: ['headings', key],
      });
  }
  const ownKeys = (register.ownSections ?? []).map((section) => section.key);
  register.ownSections?.forEach((section, index) => {
    if (section.after !== 'start' && !sectionKeys.includes(section.after) && !ownKeys.includes(section.after))
      findings.push({
        severity: 'error',
        key: 'errors.ownSection.unknownPlace',
        params: { value: section.after, allowed: ['start', ...sectionKeys].join(', ') },
        path: ['ownSections', index, 'after'],
      });
    if (sectionKeys.includes(section.key))
      findings.push({
        severity: 'error',
        key: 'errors.ownSection.keyTaken',
        params: { key: section.key },
        path: ['ownSections', index, 'key'],
      });
  });

  if (register.unplaced) {
    // An import keeps here what it could not place; the register is not finished while anything is left.
    findings.push({
      severity: 'warning',
      key: 'errors.unplaced.pending',
      params: { count: register.unplaced.length },
      path: ['unplaced'],
    });
  }

  for (const field of fieldsNotShown(register)) {
    findings.push({
      severity: 'warning',
      key: 'errors.field.notShown',
      params: { field, format: register.format },
      path: field.split('.'),
    });
  }
  return findings;
}

/** `controllers[0].role`: a field path as an author would look for it in the file. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  );
}

/** Whether a contact gives any way to reach it: an address, a telephone number, an e-mail address or a web page. */
export function hasContactDetails(contact: Organisation['registryOffice'] | undefined): boolean {
  if (!contact) return false;
  const { name: _name, note: _note, ...details } = contact;
  return Object.values(details).some((value) => value !== undefined && (!Array.isArray(value) || value.length > 0));
}
