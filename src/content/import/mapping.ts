import type { RegisterFormat } from '../../domain/register.ts';
import type { Placer } from './draft.ts';
import { legalBasis, legislation, purposeAndBasis } from './place-basis.ts';
import { dataContent, dataSubjects, specialCategories, subRegistersSection } from './place-content.ts';
import {
  automatedDecisions,
  confidentiality,
  disclosures,
  disclosuresAndTransfers,
  processors,
  retention,
  sources,
  transfers,
} from './place-flows.ts';
import { contactPersons, controller, representative, responsible } from './place-parties.ts';
import { describedList, documentDate, lineList, name, noField, systemName, text, unrecognised } from './place-text.ts';
import { dataSince, publicAddress, updateFrequency, yesNo } from './place-values.ts';
import type { SectionKind } from './section-kinds.ts';

export interface SectionMapping {
  /** The register fields the section fills. Empty: the model has no field for it, and its text stays unplaced. */
  fields: readonly string[];
  place: Placer;
}

const to = (fields: readonly string[], place: Placer): SectionMapping => ({ fields, place });
const none: SectionMapping = { fields: [], place: noField };

/**
 * Where each kind of section goes in the register model: the one table to change when the model grows. A kind of
 * the information-system part has its own field in a legacy description (which has both a system part and a
 * register part) and fills the register's own field otherwise.
 */
export const SECTION_MAPPING: Record<SectionKind, SectionMapping> = {
  // The document's own name ("Tietosuojaseloste") tells the format; the notice prints the format's name instead.
  documentTitle: to(['format'], unrecognised('beforeHeadings')),
  introduction: none,
  title: to(['title'], name(['title'])),
  systemName: to(['informationSystem.name'], systemName),
  controller: to(['controllers'], controller),
  responsibleOrController: to(['controllers', 'responsible'], controller),
  responsibleBody: to(['informationSystem.responsibleBody'], text(['informationSystem', 'responsibleBody'])),
  responsible: to(['responsible'], responsible),
  contactPerson: to(['contactPersons'], contactPersons),
  // The DPO is the organisation's (content/organisations/<id>.yaml), not the register's.
  dpo: none,
  representative: to(['representative'], representative),
  purpose: to(['purposes'], describedList(['purposes'])),
  purposeAndBasis: to(['purposes', 'legalBasis', 'legislation'], purposeAndBasis),
  legalBasis: to(['legalBasis', 'legislation'], legalBasis),
  legislation: to(['legislation'], legislation),
  systemPurpose: to(['purposes'], describedList(['purposes'])),
  dataSubjects: to(['dataSubjectGroups', 'dataContent.description'], dataSubjects),
  dataContent: to(['dataContent', 'subRegisters'], dataContent),
  specialCategories: to(['specialCategories'], specialCategories),
  subRegisters: to(['subRegisters'], subRegistersSection),
  confidentialData: to(['dataContent', 'subRegisters'], dataContent),
  publicData: to(['informationSystem.publicData'], text(['informationSystem', 'publicData'])),
  sources: to(['sources'], sources),
  systemSources: to(['sources'], sources),
  disclosures: to(['disclosures'], disclosures),
  disclosuresAndTransfers: to(['disclosures', 'transfers'], disclosuresAndTransfers),
  processors: to(['processors'], processors),
  transfers: to(['transfers'], transfers),
  retention: to(['retention'], retention),
  systemRetention: to(['retention'], retention),
  security: to(['security.description'], text(['security', 'description'])),
  securityManual: to(['security.manual'], text(['security', 'manual'])),
  securityElectronic: to(['security.electronic'], text(['security', 'electronic'])),
  confidentiality: to(['confidentiality'], confidentiality),
  dataSince: to(['informationSystem.dataSince'], dataSince(['informationSystem', 'dataSince'])),
  updateFrequency: to(['informationSystem.updateFrequency'], updateFrequency(['informationSystem', 'updateFrequency'])),
  publicAddress: to(['informationSystem.publicAddress'], publicAddress(['informationSystem', 'publicAddress'])),
  logData: to(['informationSystem.logData'], text(['informationSystem', 'logData'])),
  personalDataRegister: to(['informationSystem.personalDataRegister'], yesNo(['informationSystem', 'personalDataRegister'])),
  rights: to(['rights.description'], text(['rights', 'description'])),
  accessRight: to(['rights.description'], text(['rights', 'description'])),
  otherRights: to(['rights.description'], text(['rights', 'description'])),
  howToRequest: to(['rights.howToRequest'], text(['rights', 'howToRequest'])),
  informing: to(['rights.informing'], text(['rights', 'informing'])),
  // Seloste adds the standard complaint text; what a description says beyond it is register-specific rights text.
  complaint: to(['rights.description'], text(['rights', 'description'])),
  automatedDecisions: to(['automatedDecisions'], automatedDecisions),
  interconnections: to(['interconnections'], text(['interconnections'])),
  governance: to(['governance'], text(['governance'])),
  updated: to(['updated'], documentDate('updated')),
  published: to(['published'], documentDate('published')),
  cookies: none,
  changes: none,
};

/** The system part of a legacy description (Personal Data Act §10 with an Openness Act §18 part) keeps its own fields. */
const LEGACY_MAPPING: Partial<Record<SectionKind, SectionMapping>> = {
  systemPurpose: to(['informationSystem.purpose'], describedList(['informationSystem', 'purpose'])),
  systemSources: to(['informationSystem.sources'], text(['informationSystem', 'sources'])),
  confidentialData: to(['informationSystem.confidentialData'], lineList(['informationSystem', 'confidentialData'])),
  systemRetention: to(['informationSystem.retention'], text(['informationSystem', 'retention'])),
};

/** The mapping of a kind of section in a format. */
export function mappingOf(kind: SectionKind, format: RegisterFormat): SectionMapping {
  return (format === 'legacy' ? LEGACY_MAPPING[kind] : undefined) ?? SECTION_MAPPING[kind];
}

/** Kinds of section that have no field in the model, for the report and the README. */
export const KINDS_WITHOUT_FIELD = (Object.entries(SECTION_MAPPING) as [SectionKind, SectionMapping][])
  .filter(([kind, mapping]) => mapping.fields.length === 0 && kind !== 'documentTitle')
  .map(([kind]) => kind);
