import type { Lang } from './language.ts';
import type { Register, RegisterFormat } from './register.ts';

/**
 * Where a section takes its content from: a path into the register (`purposes`, `informationSystem.dataSince`),
 * or one of the parts Seloste supplies itself.
 */
export type SectionSource = string;

/** Content Seloste derives rather than reads from one register field. */
export const DERIVED_SOURCES = {
  /** The DPO's contact, from the organisation (Art 13(1)(b)). */
  dpo: 'organisation.dpo',
  /** The Data Protection Ombudsman and the right to complain (Art 13(2)(d), Art 77). */
  supervisoryAuthority: 'supervisoryAuthority',
  /** The standard text on data-subject rights (Art 15–22). */
  standardRights: 'standardRights',
  /** The dates published and updated. */
  dates: 'dates',
} as const;

export interface SectionDefinition {
  /** Stable key, used for anchors, the PDF bookmarks and the view model. */
  key: string;
  /** The heading, as the format's model documents write it. */
  heading: Record<Lang, string>;
  /** What the section shows, in order. */
  sources: SectionSource[];
  /** The GDPR provision the section answers, where there is one. */
  gdpr?: string;
}

const h = (fi: string, sv: string, en: string): Record<Lang, string> => ({ fi, sv, en });

const COMPLAINT: SectionDefinition = {
  key: 'complaint',
  heading: h(
    'Oikeus tehdä valitus valvontaviranomaiselle',
    'Rätt att lämna klagomål till tillsynsmyndigheten',
    'Right to lodge a complaint',
  ),
  sources: [DERIVED_SOURCES.supervisoryAuthority],
  gdpr: '13(2)(d)',
};
const UPDATED: SectionDefinition = { key: 'updated', heading: h('Päivitetty', 'Uppdaterad', 'Updated'), sources: [DERIVED_SOURCES.dates] };

/** GDPR Art 13/14 privacy notice, in the order and with the headings of the tietosuoja.fi model (REFERENCE.md). */
const GDPR_NOTICE: SectionDefinition[] = [
  {
    key: 'controller',
    heading: h('Rekisterinpitäjä', 'Personuppgiftsansvarig', 'Controller'),
    sources: ['controllers', 'jointArrangement', 'representative'],
    gdpr: '13(1)(a)',
  },
  {
    key: 'responsible',
    heading: h('Rekisterin vastuuhenkilö / yhteyshenkilö', 'Ansvarsperson / kontaktperson', 'Person responsible / contact person'),
    sources: ['responsible', 'contactPersons'],
  },
  {
    key: 'dpo',
    heading: h('Tietosuojavastaava', 'Dataskyddsombud', 'Data protection officer'),
    sources: [DERIVED_SOURCES.dpo],
    gdpr: '13(1)(b)',
  },
  { key: 'name', heading: h('Rekisterin nimi', 'Registrets namn', 'Name of the register'), sources: ['title'] },
  {
    key: 'purpose',
    heading: h('Käsittelyn tarkoitus ja oikeusperuste', 'Ändamål med behandlingen och rättslig grund', 'Purpose and legal basis'),
    sources: ['purposes', 'legalBasis', 'legislation'],
    gdpr: '13(1)(c)',
  },
  {
    key: 'dataContent',
    heading: h('Rekisterin tietosisältö', 'Registrets innehåll', 'Data content'),
    sources: ['dataSubjectGroups', 'dataContent', 'specialCategories', 'subRegisters'],
    gdpr: '14(1)(d)',
  },
  {
    key: 'sources',
    heading: h('Säännönmukaiset tietolähteet', 'Regelmässiga uppgiftskällor', 'Regular sources of data'),
    sources: ['sources'],
    gdpr: '14(2)(f)',
  },
  {
    key: 'disclosures',
    heading: h('Säännönmukaiset luovutukset', 'Regelmässiga utlämnanden', 'Regular disclosures'),
    sources: ['disclosures', 'processors'],
    gdpr: '13(1)(e)',
  },
  {
    key: 'transfers',
    heading: h('Tietojen siirto EU:n tai ETA:n ulkopuolelle', 'Överföring utanför EU eller EES', 'Transfers outside the EU/EEA'),
    sources: ['transfers'],
    gdpr: '13(1)(f)',
  },
  {
    key: 'retention',
    heading: h('Säilytysaika', 'Lagringstid', 'Retention period'),
    sources: ['retention'],
    gdpr: '13(2)(a)',
  },
  {
    key: 'security',
    heading: h('Suojauksen periaatteet', 'Principer för skydd av registret', 'Security principles'),
    sources: ['security', 'confidentiality'],
    gdpr: '30(1)(g)',
  },
  {
    key: 'rights',
    heading: h('Rekisteröidyn oikeudet', 'Den registrerades rättigheter', 'Rights of the data subject'),
    sources: [DERIVED_SOURCES.standardRights, 'rights'],
    gdpr: '13(2)(b)-(d)',
  },
  {
    key: 'automatedDecisions',
    heading: h(
      'Automaattinen päätöksenteko ja profilointi',
      'Automatiserat beslutsfattande och profilering',
      'Automated decision-making and profiling',
    ),
    sources: ['automatedDecisions'],
    gdpr: '13(2)(f)',
  },
  COMPLAINT,
  {
    key: 'additional',
    heading: h('Muut tiedot', 'Övriga uppgifter', 'Other information'),
    sources: ['informationSystem', 'interconnections', 'governance'],
  },
  UPDATED,
];

/** Information-system description (906/2019 §28, formerly 621/1999 §18), with the headings of seed 001 (fi) and 000 (sv). */
const INFORMATION_SYSTEM: SectionDefinition[] = [
  {
    key: 'systemName',
    heading: h('Tietojärjestelmän nimi', 'Datasystemets namn', 'Name of the information system'),
    // The register's title is the system's name here; it is shown where it differs.
    sources: ['informationSystem.name', 'title', 'informationSystem.product', 'informationSystem.productName', 'informationSystem.vendor'],
  },
  {
    key: 'responsibleBody',
    heading: h('Tietojärjestelmän vastuutaho', 'Ansvarig för datasystemet', 'Body responsible for the information system'),
    sources: ['informationSystem.responsibleBody', 'controllers', 'jointArrangement'],
  },
  {
    key: 'responsible',
    heading: h(
      'Tietojärjestelmän vastuuyksikkö ja -henkilö',
      'Ansvarsenhet och -person för datasystemet',
      'Unit and person responsible for the information system',
    ),
    sources: ['responsible', 'contactPersons'],
  },
  { key: 'dpo', heading: h('Tietosuojavastaava', 'Dataskyddsombud', 'Data protection officer'), sources: [DERIVED_SOURCES.dpo] },
  {
    key: 'purpose',
    heading: h('Tietojärjestelmän käyttötarkoitus', 'Ändamål med datasystemet', 'Purpose of the information system'),
    sources: ['purposes', 'legalBasis', 'legislation'],
  },
  { key: 'sources', heading: h('Tietolähteet', 'Informationskällor', 'Sources of data'), sources: ['sources'] },
  {
    key: 'dataSince',
    heading: h('Tiedot ovat vuosilta/alkaen vuodesta', 'Uppgifterna är från åren/fr.o.m. år', 'Data from the years / since the year'),
    sources: ['informationSystem.dataSince'],
  },
  {
    key: 'updateFrequency',
    heading: h('Tietojen päivitystiheys', 'Uppdateringsfrekvens', 'Update frequency'),
    sources: ['informationSystem.updateFrequency'],
  },
  {
    key: 'confidentiality',
    heading: h('Tietojen julkisuus/salassa pidettävyys', 'Uppgifterna är offentliga/sekretessbelagda', 'Public or confidential data'),
    sources: ['confidentiality'],
  },
  {
    key: 'publicAddress',
    heading: h('Tietojärjestelmän julkinen osoite', 'Datasystemets offentliga adress', 'Public address of the information system'),
    sources: ['informationSystem.publicAddress'],
  },
  {
    key: 'publicData',
    heading: h('Julkiset tiedot tietoryhmittäin', 'Offentliga uppgifter enligt uppgiftskategorier', 'Public data by data group'),
    sources: ['informationSystem.publicData'],
  },
  {
    key: 'dataContent',
    heading: h('Salassa pidettävät tiedot', 'Sekretessbelagda uppgifter', 'Confidential data'),
    sources: ['dataSubjectGroups', 'dataContent', 'specialCategories', 'subRegisters', 'informationSystem.confidentialData'],
  },
  { key: 'logData', heading: h('Lokitiedot', 'Logguppgifter', 'Log data'), sources: ['informationSystem.logData'] },
  {
    key: 'disclosures',
    heading: h('Säännönmukaiset luovutukset', 'Regelmässiga utlämnanden', 'Regular disclosures'),
    sources: ['disclosures', 'processors'],
  },
  {
    key: 'transfers',
    heading: h('Tietojen siirto EU:n tai ETA:n ulkopuolelle', 'Överföring utanför EU eller EES', 'Transfers outside the EU/EEA'),
    sources: ['transfers'],
  },
  {
    key: 'retention',
    heading: h('Säilytysaika', 'Lagringstid', 'Retention period'),
    sources: ['retention', 'informationSystem.retention'],
  },
  {
    key: 'security',
    heading: h('Suojauksen periaatteet', 'Principer för skydd av registret', 'Security principles'),
    sources: ['security'],
  },
  {
    key: 'rights',
    heading: h('Rekisteröidyn oikeudet', 'Den registrerades rättigheter', 'Rights of the data subject'),
    sources: [DERIVED_SOURCES.standardRights, 'rights'],
  },
  COMPLAINT,
  {
    key: 'updated',
    heading: h('Julkaisupäivä / päivitetty', 'Utgivningsdatum / uppdaterad', 'Published / updated'),
    sources: [DERIVED_SOURCES.dates],
  },
];

/**
 * A description written under the Personal Data Act (523/1999 §10) together with an Openness Act §18 system
 * description, with the headings of seed 004 (Siuntio). Swedish and English headings are Seloste's translations.
 */
const LEGACY: SectionDefinition[] = [
  {
    key: 'systemName',
    heading: h('Järjestelmän nimi', 'Systemets namn', 'Name of the system'),
    sources: ['informationSystem.name', 'informationSystem.product', 'informationSystem.productName', 'informationSystem.vendor'],
  },
  {
    key: 'responsibleBody',
    heading: h('Tietojärjestelmän vastuutaho', 'Ansvarig för datasystemet', 'Body responsible for the information system'),
    sources: ['informationSystem.responsibleBody'],
  },
  {
    key: 'responsible',
    heading: h(
      'Tietojärjestelmän vastuuyksikkö ja henkilö',
      'Ansvarsenhet och -person för datasystemet',
      'Unit and person responsible for the information system',
    ),
    sources: ['responsible'],
  },
  {
    key: 'systemPurpose',
    heading: h(
      'Tietojärjestelmän käyttötarkoitus ja tietosisältö',
      'Datasystemets ändamål och innehåll',
      'Purpose and content of the information system',
    ),
    sources: ['informationSystem.purpose'],
  },
  { key: 'systemSources', heading: h('Tietolähteet', 'Informationskällor', 'Sources of data'), sources: ['informationSystem.sources'] },
  {
    key: 'dataSince',
    heading: h('Tiedot ovat vuosilta / alkaen vuodesta', 'Uppgifterna är från åren / fr.o.m. år', 'Data from the years / since the year'),
    sources: ['informationSystem.dataSince'],
  },
  {
    key: 'updateFrequency',
    heading: h('Tietojen päivitystiheys', 'Uppdateringsfrekvens', 'Update frequency'),
    sources: ['informationSystem.updateFrequency'],
  },
  {
    key: 'confidentiality',
    heading: h('Tietojen julkisuus / salassapito', 'Uppgifternas offentlighet / sekretess', 'Public or confidential data'),
    sources: ['confidentiality'],
  },
  {
    key: 'confidentialData',
    heading: h('Salaiset tiedot', 'Sekretessbelagda uppgifter', 'Secret data'),
    sources: ['informationSystem.confidentialData'],
  },
  {
    key: 'personalDataRegister',
    heading: h('Onko järjestelmä henkilörekisteri?', 'Är systemet ett personregister?', 'Is the system a personal data register?'),
    sources: ['informationSystem.personalDataRegister'],
  },
  {
    key: 'systemRetention',
    heading: h(
      'Tietojärjestelmän tietojen säilyttäminen, arkistointi ja hävittäminen',
      'Förvaring, arkivering och förstöring av datasystemets uppgifter',
      'Keeping, archiving and destruction of the information system’s data',
    ),
    sources: ['informationSystem.retention'],
  },
  { key: 'name', heading: h('Rekisterin nimi', 'Registrets namn', 'Name of the register'), sources: ['title'] },
  {
    key: 'controller',
    heading: h('Rekisterinpitäjä', 'Personuppgiftsansvarig', 'Controller'),
    sources: ['controllers', 'jointArrangement', 'representative'],
  },
  {
    key: 'contactPersons',
    heading: h('Rekisteriasioita hoitava(t) henkilö(t)', 'Person(er) som sköter registerärenden', 'Person(s) handling register matters'),
    sources: ['contactPersons'],
  },
  { key: 'dpo', heading: h('Tietosuojavastaava', 'Dataskyddsombud', 'Data protection officer'), sources: [DERIVED_SOURCES.dpo] },
  {
    key: 'purpose',
    heading: h(
      'Rekisterin pitämisen peruste ja käyttötarkoitus',
      'Grund för och ändamål med registret',
      'Basis and purpose of the register',
    ),
    sources: ['legalBasis', 'legislation', 'purposes'],
  },
  {
    key: 'dataContent',
    heading: h('Rekisterin tietosisältö', 'Registrets innehåll', 'Data content of the register'),
    sources: ['dataSubjectGroups', 'dataContent', 'specialCategories', 'subRegisters'],
  },
  {
    key: 'sources',
    heading: h('Rekisterin säännönmukaiset tietolähteet', 'Registrets regelmässiga uppgiftskällor', 'Regular sources of data'),
    sources: ['sources'],
  },
  {
    key: 'disclosures',
    heading: h(
      'Säännönmukaiset henkilötietojen luovutukset',
      'Regelmässiga utlämnanden av personuppgifter',
      'Regular disclosures of personal data',
    ),
    sources: ['disclosures', 'processors', 'transfers'],
  },
  {
    key: 'security',
    heading: h('Rekisterin käyttö ja suojaaminen', 'Användning och skydd av registret', 'Use and protection of the register'),
    sources: ['security'],
  },
  {
    key: 'interconnections',
    heading: h(
      'Rekisterin yhdistäminen muihin henkilörekistereihin',
      'Samkörning med andra personregister',
      'Combination with other personal data registers',
    ),
    sources: ['interconnections'],
  },
  {
    key: 'retention',
    heading: h(
      'Rekisterin ja rekisteritietojen säilytys, arkistointi ja hävittäminen',
      'Förvaring, arkivering och förstöring av registret och registeruppgifterna',
      'Keeping, archiving and destruction of the register and its data',
    ),
    sources: ['retention'],
  },
  {
    key: 'informing',
    heading: h(
      'Rekisteröidyn informointi ja kielto-oikeus',
      'Information till den registrerade och rätt att förbjuda utlämnande',
      'Informing the data subject and the right to prohibit disclosure',
    ),
    sources: ['rights.informing'],
  },
  {
    key: 'rights',
    heading: h('Tarkastusoikeus ja tiedon korjaaminen', 'Rätt till insyn och rättelse av uppgifter', 'Right of access and rectification'),
    sources: ['rights.description', 'rights.howToRequest', 'rights.exceptions', 'rights.fee'],
  },
  {
    // Today's rights, clearly apart from what a pre-GDPR description says (register.currentRights decides).
    key: 'currentRights',
    heading: h(
      'Rekisteröidyn oikeudet nykyisen tietosuojalainsäädännön mukaan',
      'Den registrerades rättigheter enligt gällande dataskyddslagstiftning',
      'Rights of the data subject under current data protection law',
    ),
    sources: [DERIVED_SOURCES.standardRights],
  },
  {
    key: 'automatedDecisions',
    heading: h(
      'Automaattinen päätöksenteko ja profilointi',
      'Automatiserat beslutsfattande och profilering',
      'Automated decision-making and profiling',
    ),
    sources: ['automatedDecisions'],
  },
  { key: 'governance', heading: h('Rekisterihallinto', 'Registerförvaltning', 'Administration of the register'), sources: ['governance'] },
  COMPLAINT,
  UPDATED,
];

export const NOTICE_FORMATS: Record<RegisterFormat, SectionDefinition[]> = {
  'gdpr-notice': GDPR_NOTICE,
  'information-system': INFORMATION_SYSTEM,
  legacy: LEGACY,
};

/** The name of each format as the notice calls itself. */
export const FORMAT_NAMES: Record<RegisterFormat, Record<Lang, string>> = {
  'gdpr-notice': h('Tietosuojaseloste', 'Dataskyddsbeskrivning', 'Privacy notice'),
  'information-system': h('Tietojärjestelmäseloste', 'Beskrivning av datasystem', 'Information system description'),
  legacy: h('Rekisteriseloste', 'Registerbeskrivning', 'Register description'),
};

/** Register fields the format does not show anywhere, so that nothing written is silently dropped. */
export function fieldsNotShown(register: Register): string[] {
  const shown = NOTICE_FORMATS[register.format].flatMap((section) => section.sources);
  const covers = (path: string) =>
    shown.some((source) => source === path || path.startsWith(`${source}.`) || source.startsWith(`${path}.`));
  const candidates: string[] = [];
  for (const [key, value] of Object.entries(register)) {
    if (value === undefined || NON_SECTION_FIELDS.has(key)) continue;
    if (key === 'informationSystem' || key === 'rights') {
      for (const sub of Object.keys(value as object)) candidates.push(`${key}.${sub}`);
    } else candidates.push(key);
  }
  return candidates.filter((path) => !covers(path));
}

/** Fields that are not sections: identity, editorial data, the internal record and an import's unplaced text. */
const NON_SECTION_FIELDS = new Set([
  'id',
  'format',
  'status',
  'example',
  'organisation',
  'languages',
  'version',
  'published',
  'updated',
  'record',
  'visibility',
  'unplaced',
  'documentLabel',
  'subtitle',
  'introduction',
  'versionNotes',
  'headings',
  'ownSections',
  'standardTexts',
  'currentRights',
  'languageExceptions',
]);
