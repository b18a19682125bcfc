/**
 * The kinds of section an import recognises by heading. Each kind has its headings in vocabulary/<lang>.yaml and
 * its place in the register model in mapping.ts.
 */
export const SECTION_KINDS = [
  'documentTitle',
  'introduction',
  'title',
  'systemName',
  'controller',
  'responsibleOrController',
  'responsibleBody',
  'responsible',
  'contactPerson',
  'dpo',
  'representative',
  'purpose',
  'purposeAndBasis',
  'legalBasis',
  'legislation',
  'systemPurpose',
  'dataSubjects',
  'dataContent',
  'specialCategories',
  'subRegisters',
  'confidentialData',
  'publicData',
  'sources',
  'systemSources',
  'disclosures',
  'disclosuresAndTransfers',
  'processors',
  'transfers',
  'retention',
  'systemRetention',
  'security',
  'securityManual',
  'securityElectronic',
  'confidentiality',
  'dataSince',
  'updateFrequency',
  'publicAddress',
  'logData',
  'personalDataRegister',
  'rights',
  'accessRight',
  'otherRights',
  'howToRequest',
  'informing',
  'complaint',
  'automatedDecisions',
  'interconnections',
  'governance',
  'updated',
  'published',
  'cookies',
  'changes',
] as const;

export type SectionKind = (typeof SECTION_KINDS)[number];

/** Kinds whose content is a single short value (a date, a year, a yes or no): they never span paragraphs. */
export const VALUE_KINDS: ReadonlySet<SectionKind> = new Set([
  'dataSince',
  'updateFrequency',
  'publicAddress',
  'personalDataRegister',
  'updated',
  'published',
]);

/** Kinds that belong to the information-system part (906/2019 §28, formerly 621/1999 §18) of a description. */
export const SYSTEM_KINDS: ReadonlySet<SectionKind> = new Set([
  'systemName',
  'responsibleBody',
  'systemPurpose',
  'systemSources',
  'confidentialData',
  'publicData',
  'dataSince',
  'updateFrequency',
  'publicAddress',
  'logData',
  'personalDataRegister',
  'systemRetention',
]);

/** Kinds found only in register descriptions under the Personal Data Act (523/1999 §10) and its models. */
export const PERSONAL_DATA_ACT_KINDS: ReadonlySet<SectionKind> = new Set([
  'contactPerson',
  'interconnections',
  'governance',
  'informing',
  'accessRight',
  'controller',
  'purposeAndBasis',
]);
