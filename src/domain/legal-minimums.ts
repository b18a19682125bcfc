import type { Register, RegisterFormat } from './register.ts';

/**
 * What the law requires a notice of each kind to say, and only that. A published register that lacks one of these is
 * refused; anything else a description usually has (security, automated decisions, transfers, disclosures, the date
 * updated) is recommended and only warned about. The README's rule table is checked against this list.
 */
export interface LegalRule {
  /** Stable key: the message is `errors.minimum.<key>`. */
  key: string;
  /** The provision that makes it a minimum. */
  article: string;
  /** The formats the rule applies to. */
  formats: readonly RegisterFormat[];
  /** The register fields any one of which satisfies the rule, as an author writes them. */
  fields: readonly string[];
  /** Whether the rule applies to this register at all (e.g. Art 14 only when data comes from elsewhere). */
  applies?: (register: Register) => boolean;
}

/** Art 14 applies unless the register says that all its data is collected from the data subjects themselves. */
export function art14Applies(register: Register): boolean {
  return register.sources?.fromDataSubjectOnly !== true;
}

export const LEGAL_RULES: readonly LegalRule[] = [
  { key: 'purpose', article: 'GDPR Art 13(1)(c), 14(1)(c)', formats: ['gdpr-notice'], fields: ['purposes'] },
  { key: 'legalBasis', article: 'GDPR Art 13(1)(c), 14(1)(c)', formats: ['gdpr-notice'], fields: ['legalBasis', 'legislation'] },
  {
    key: 'retention',
    article: 'GDPR Art 13(2)(a), 14(2)(a)',
    formats: ['gdpr-notice'],
    fields: ['retention', 'dataSubjectGroups[].retention'],
  },
  {
    key: 'dataContent',
    article: 'GDPR Art 14(1)(d)',
    formats: ['gdpr-notice'],
    fields: ['dataContent', 'dataSubjectGroups[].dataCategories'],
    applies: art14Applies,
  },
  { key: 'sources', article: 'GDPR Art 14(2)(f)', formats: ['gdpr-notice'], fields: ['sources'], applies: art14Applies },
  { key: 'systemPurpose', article: '906/2019 §28(1), formerly 621/1999 §18', formats: ['information-system'], fields: ['purposes'] },
  {
    key: 'dataGroups',
    article: '906/2019 §28(1)(3)',
    formats: ['information-system'],
    fields: ['dataContent', 'dataSubjectGroups', 'informationSystem.publicData', 'informationSystem.confidentialData'],
  },
  {
    key: 'legacyPurpose',
    article: 'Personal Data Act 523/1999 §10(1)(2)',
    formats: ['legacy'],
    fields: ['purposes', 'legalBasis', 'informationSystem.purpose'],
  },
  {
    key: 'legacyContent',
    article: 'Personal Data Act 523/1999 §10(1)(3)',
    formats: ['legacy'],
    fields: ['dataContent', 'dataSubjectGroups', 'informationSystem.confidentialData'],
  },
];

/** Sections a notice usually has that the law does not require: a gap is a warning, with the reason it helps. */
export const RECOMMENDED_FIELDS: readonly { field: string; article: string; formats: readonly RegisterFormat[] }[] = [
  { field: 'disclosures', article: 'GDPR Art 13(1)(e): recipients, if any', formats: ['gdpr-notice'] },
  { field: 'transfers', article: 'GDPR Art 13(1)(f): where applicable', formats: ['gdpr-notice'] },
  { field: 'security', article: 'GDPR Art 30(1)(g): the record, not the notice', formats: ['gdpr-notice'] },
  { field: 'automatedDecisions', article: 'GDPR Art 13(2)(f): only where decisions are automated', formats: ['gdpr-notice'] },
];

/** Reads a field as an author writes it (`a.b`, `a[].b` for any item of a list): whether any value is there. */
export function hasField(register: Register, field: string): boolean {
  const walk = (value: unknown, parts: string[]): boolean => {
    if (value === undefined || value === null) return false;
    if (parts.length === 0) return true;
    const [head, ...rest] = parts;
    if (head!.endsWith('[]')) {
      const list = (value as Record<string, unknown>)[head!.slice(0, -2)];
      return Array.isArray(list) && list.some((item) => walk(item, rest));
    }
    return typeof value === 'object' && walk((value as Record<string, unknown>)[head!], rest);
  };
  return walk(register, field.split('.'));
}

/** The legal minimums this register does not meet. */
export function unmetMinimums(register: Register): LegalRule[] {
  return LEGAL_RULES.filter(
    (rule) =>
      rule.formats.includes(register.format) &&
      (rule.applies?.(register) ?? true) &&
      !rule.fields.some((field) => hasField(register, field)),
  );
}

/** The recommended sections this register leaves out. */
export function missingRecommended(register: Register): (typeof RECOMMENDED_FIELDS)[number][] {
  return RECOMMENDED_FIELDS.filter((entry) => entry.formats.includes(register.format) && !hasField(register, entry.field));
}
