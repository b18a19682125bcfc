import type { Lang } from './language.ts';
import {
  AREA_CAPABILITIES,
  CHILD_WELFARE_DELIVERIES,
  CLIENT_PERIOD_SOURCES,
  DISCUSSION_WISHES,
  MAIN_DELIVERIES,
  PICKING_ABILITIES,
  PICKING_USES,
  RETROACTIVE_ABILITIES,
  SERVICE_READINESS,
  TASK_COVERAGE,
  type DECISION_INFORMATION,
  type PICKING_METHODS,
  type QuestionNumber,
  type SECTIONS,
  type ServiceTask,
  type SocialService,
} from './sosdata-form.ts';

/**
 * The wording of THL's Sosdata notification, per language. Where each text comes from:
 * - sv: THL's own wording, copied from seed 003 (the Swedish form, "Anmälan om överföring av uppgifter till
 *   Socialvårdens uppföljningsregister Sosdata"), with only line breaks and trailing colons removed.
 * - fi: Seloste's translation. THL's Finnish form ("Ilmoitus tietojen toimittamisesta sosiaalihuollon
 *   seurantarekisteriin Sosdata") was not found in any public source we could search, so these are not THL's words.
 * - en: Seloste's translation; THL has no English form.
 */
export const TEXT_SOURCES: Record<Lang, 'thl' | 'seloste-translation'> = {
  sv: 'thl',
  fi: 'seloste-translation',
  en: 'seloste-translation',
};

export type FormText = Record<Lang, string>;
type Labels<T extends readonly string[]> = Record<T[number], FormText>;

export const FORM_TITLE: FormText = {
  sv: 'Anmälan om överföring av uppgifter till Socialvårdens uppföljningsregister Sosdata',
  fi: 'Ilmoitus tietojen toimittamisesta sosiaalihuollon seurantarekisteriin Sosdata',
  en: 'Notification of data delivery to the social welfare monitoring register Sosdata',
};

export const SECTION_TITLES: Record<(typeof SECTIONS)[number]['id'], FormText> = {
  contact: { sv: 'Meddelande om leveranssätt', fi: 'Ilmoitus toimitustavasta', en: 'Notification of the delivery method' },
  systems: { sv: 'Datasystem som är i bruk', fi: 'Käytössä olevat tietojärjestelmät', en: 'Information systems in use' },
  'client-periods': {
    sv: 'Uppgifter om klientrelationsperioder per serviceuppgift',
    fi: 'Asiakkuusjaksojen tiedot palvelutehtävittäin',
    en: 'Client-relationship periods per service task',
  },
  'child-welfare': {
    sv: 'Klientrelation enligt barnskyddslagen',
    fi: 'Lastensuojelulain mukainen asiakkuus',
    en: 'Client relationship under the Child Welfare Act',
  },
  'social-services': {
    sv: 'Lämnande av uppgifter om socialservice',
    fi: 'Sosiaalipalvelujen tietojen toimittaminen',
    en: 'Delivering data on social services',
  },
  discussions: { sv: 'Behov av separata diskussioner', fi: 'Erillisten keskustelujen tarve', en: 'Need for separate discussions' },
};

/** The heading of questions 24–28. */
export const SEPARATE_DELIVERY_HEADING: FormText = {
  sv: 'Aktörer med separat leverans (inkl. Kanta-arkiverare som lämnar kompletterande uppgifter)',
  fi: 'Erillistoimittajat (ml. Kanta-arkistoijat, jotka toimittavat täydentäviä tietoja)',
  en: 'Actors with a separate delivery (including Kanta archivers who deliver supplementary data)',
};

/** The lead-in of questions 10–15. */
export const ARCHIVING_LEAD: FormText = {
  sv: 'När överförs ert klientdatasystem enligt er bedömning till en strukturerad arkivering? Inom parentes upphörande av övergångsperioden till lagen om klientuppgifter.',
  fi: 'Milloin asiakastietojärjestelmänne siirtyy arvionne mukaan rakenteiseen arkistointiin? Suluissa asiakastietolain siirtymäajan päättyminen.',
  en: 'When, in your estimate, will your client information system move to structured archiving? In parentheses, the end of the Client Data Act’s transition period.',
};

const ADDITIONS: FormText = { sv: 'Eventuella tilläggsuppgifter', fi: 'Mahdolliset lisätiedot', en: 'Any additional information' };
const PICKING_NOTE = {
  sv: 'Observera att möjligheterna kan skilja sig åt enligt serviceuppgift och socialservice. Hur uppgifterna plockas ut kommer eventuellt att specificeras närmare.',
  fi: 'Huomaa, että mahdollisuudet voivat vaihdella palvelutehtävän ja sosiaalipalvelun mukaan. Tietojen poiminnan tapaa saatetaan tarkentaa myöhemmin.',
  en: 'Note that the possibilities may differ by service task and social service. How the data is picked may be specified later.',
};

export const QUESTIONS: Record<QuestionNumber, FormText> = {
  1: {
    sv: 'Samarbetsperson till vilken vi skickar anvisningar om Sosdata och bl.a. uppgifter om händelser.',
    fi: 'Yhteyshenkilö, jolle lähetämme Sosdataa koskevat ohjeet ja mm. tiedot tapahtumista.',
    en: 'Contact person to whom we send instructions on Sosdata and, among other things, news of events.',
  },
  2: { sv: 'Välfärdsområde', fi: 'Hyvinvointialue', en: 'Wellbeing services county' },
  3: { sv: 'Kommunerna', fi: 'Kunnat', en: 'Municipalities' },
  4: { sv: 'Namn på kommungruppen', fi: 'Kuntaryhmän nimi', en: 'Name of the municipality group' },
  5: {
    sv: 'Socialvårdens klientdatasystem som används i kommungruppen 1.1–31.3.2023',
    fi: 'Kuntaryhmässä 1.1.–31.3.2023 käytössä oleva sosiaalihuollon asiakastietojärjestelmä',
    en: 'Social welfare client information system used in the municipality group 1.1.–31.3.2023',
  },
  6: { sv: 'Annat klientdatasystem, vilket', fi: 'Muu asiakastietojärjestelmä, mikä', en: 'Other client information system, which' },
  7: {
    sv: 'Används datasystemet i alla serviceuppgifter? (Exklusive familjerättslig service)',
    fi: 'Onko tietojärjestelmä käytössä kaikissa palvelutehtävissä? (Lukuun ottamatta perheoikeudellisia palveluja)',
    en: 'Is the system used in every service task? (Excluding family-law services)',
  },
  8: {
    sv: 'Undantag och det datasystem som används i dem (Obs! Frågan gäller endast huvudsystem som används för att administrera kundrelationer inom serviceuppgiften. Även andra system kan utnyttjas i tjänsterna)',
    fi: 'Poikkeukset ja niissä käytettävä tietojärjestelmä (Huom! Kysymys koskee vain pääjärjestelmiä, joilla hallinnoidaan palvelutehtävän asiakkuuksia. Palveluissa voidaan hyödyntää myös muita järjestelmiä)',
    en: 'Exceptions and the system used in them (Note: the question concerns only the main systems used to manage client relationships in the service task. Other systems may also be used in the services)',
  },
  9: {
    sv: 'Om avsikten är att byta datasystem under 2023, vilket system håller man på att övergå till?',
    fi: 'Jos tietojärjestelmä on tarkoitus vaihtaa vuoden 2023 aikana, mihin järjestelmään ollaan siirtymässä?',
    en: 'If the system is to be replaced during 2023, which system is it being replaced with?',
  },
  10: { sv: 'Äldreservice (9/2024)', fi: 'Iäkkäiden palvelut (9/2024)', en: 'Services for older people (9/2024)' },
  11: {
    sv: 'Service för personer i arbetsför ålder (9/2024)',
    fi: 'Työikäisten palvelut (9/2024)',
    en: 'Services for people of working age (9/2024)',
  },
  12: {
    sv: 'Service för barnfamiljer (9/2024)',
    fi: 'Lapsiperheiden palvelut (9/2024)',
    en: 'Services for families with children (9/2024)',
  },
  13: { sv: 'Barnskyddet (3/2025)', fi: 'Lastensuojelu (3/2025)', en: 'Child welfare (3/2025)' },
  14: {
    sv: 'Service för personer med funktionsnedsättning (9/2025)',
    fi: 'Vammaispalvelut (9/2025)',
    en: 'Services for people with disabilities (9/2025)',
  },
  15: { sv: 'Missbrukarvård (3/2026)', fi: 'Päihdehuolto (3/2026)', en: 'Substance abuse services (3/2026)' },
  16: ADDITIONS,
  17: {
    sv: 'Hur får Sosdata kommungruppens uppgifter om serviceuppgifternas klientperioder 1.1–31.3.2023? (Obligatorisk fråga) (Uppgifter: Serviceuppgift, Kundrelationsperiodens början i serviceuppgiften, Kundrelationsperiodens slut i serviceuppgiften)',
    fi: 'Miten Sosdata saa kuntaryhmän tiedot palvelutehtävien asiakkuusjaksoista 1.1.–31.3.2023? (Pakollinen kysymys) (Tiedot: palvelutehtävä, asiakkuusjakson alku palvelutehtävässä, asiakkuusjakson loppu palvelutehtävässä)',
    en: 'How does Sosdata receive the municipality group’s client-relationship periods per service task for 1.1.–31.3.2023? (Mandatory question) (Data: service task, start of the period in the service task, end of the period in the service task)',
  },
  18: {
    sv: 'I fråga om kundrelationsuppgifter ska man kunna meddela de faktiska startdatumen. Vilken är ert datasystems förmåga att anmäla startdatum retroaktivt?',
    fi: 'Asiakkuustiedoista tulee voida ilmoittaa todelliset alkamispäivät. Mikä on tietojärjestelmänne kyky ilmoittaa alkamispäiviä takautuvasti?',
    en: 'Client relationships must be reported with their actual start dates. How far back can your system give start dates?',
  },
  19: ADDITIONS,
  20: {
    sv: 'Inlednings- och avslutningsdatum för klientrelation enligt 27 § i barnskyddslagen Hur får Sosdata uppgifter om kommungruppens invånare 1.1–31.3.2023?',
    fi: 'Lastensuojelulain 27 §:n mukaisen asiakkuuden alkamis- ja päättymispäivä. Miten Sosdata saa tiedot kuntaryhmän asukkaista 1.1.–31.3.2023?',
    en: 'Start and end dates of a client relationship under section 27 of the Child Welfare Act. How does Sosdata receive the data on the municipality group’s residents for 1.1.–31.3.2023?',
  },
  21: {
    sv: 'Även i fråga om uppgifter om klientrelationer inom barnskyddet enligt 27 § i barnskyddslagen ska det vara möjligt att ange det faktiska datumet. Vilken är ert datasystems förmåga att retroaktivt meddela startdatum för en klientrelation enligt barnskyddslagen?',
    fi: 'Myös lastensuojelulain 27 §:n mukaisista lastensuojelun asiakkuuksista tulee voida ilmoittaa todellinen päivämäärä. Mikä on tietojärjestelmänne kyky ilmoittaa lastensuojelulain mukaisen asiakkuuden alkamispäivä takautuvasti?',
    en: 'Child-welfare client relationships under section 27 of the Child Welfare Act must also be reported with their actual dates. How far back can your system give their start dates?',
  },
  22: ADDITIONS,
  23: {
    sv: 'Uppgifter om serviceuppgifternas socialservice 1.1–31.3.2023. Vilket är det huvudsakliga leveranssättet för kommungruppens uppgifter? (Observera att besvarandet av frågan påverkar följande frågor)',
    fi: 'Palvelutehtävien sosiaalipalvelujen tiedot 1.1.–31.3.2023. Mikä on kuntaryhmän tietojen pääasiallinen toimitustapa? (Huomaa, että vastaus vaikuttaa seuraaviin kysymyksiin)',
    en: 'Data on the social services of the service tasks, 1.1.–31.3.2023. What is the main way the municipality group’s data is delivered? (Note that the answer affects the following questions)',
  },
  24: {
    sv: `Kan ni i huvudsak plocka ut följande uppgifter? ${PICKING_NOTE.sv}`,
    fi: `Pystyttekö pääosin poimimaan seuraavat tiedot? ${PICKING_NOTE.fi}`,
    en: `Can you mainly pick the following data? ${PICKING_NOTE.en}`,
  },
  25: ADDITIONS,
  26: {
    sv: `Vilka sätt att plocka ut uppgifter kommer ni att använda i urvalet av socialserviceuppgifter? ${PICKING_NOTE.sv}`,
    fi: `Mitä poimintatapoja aiotte käyttää sosiaalipalvelutietojen poiminnassa? ${PICKING_NOTE.fi}`,
    en: `Which ways of picking will you use to select the social-service data? ${PICKING_NOTE.en}`,
  },
  27: {
    sv: 'Beskriv det eventuella andra plockningssättet',
    fi: 'Kuvaa mahdollinen muu poimintatapa',
    en: 'Describe the other way of picking, if any',
  },
  28: {
    sv: `Hur har man enligt er bedömning kunnat leverera uppgifter om olika socialtjänster? ${PICKING_NOTE.sv}`,
    fi: `Miten arvionne mukaan eri sosiaalipalveluista pystytään toimittamaan tietoja? ${PICKING_NOTE.fi}`,
    en: `In your estimate, how can data on the different social services be delivered? ${PICKING_NOTE.en}`,
  },
  29: {
    sv: 'Eventuella tilläggsuppgifter om socialservicen',
    fi: 'Mahdolliset lisätiedot sosiaalipalveluista',
    en: 'Any additional information on the social services',
  },
  30: {
    sv: 'Önskar ni separata diskussioner med THL om leveransen av uppgifter? Även THL bedömer behovet av förhandlingar utifrån de uppgifter som ni lämnat i anmälan. (Obligatorisk fråga)',
    fi: 'Toivotteko erillisiä keskusteluja THL:n kanssa tietojen toimittamisesta? Myös THL arvioi neuvottelujen tarvetta ilmoituksessa antamienne tietojen perusteella. (Pakollinen kysymys)',
    en: 'Would you like separate discussions with THL on the data delivery? THL also assesses the need for discussions from the answers you give. (Mandatory question)',
  },
  31: {
    sv: 'Under diskussionerna vill vi särskilt diskutera följande',
    fi: 'Keskusteluissa haluamme erityisesti käsitellä seuraavaa',
    en: 'In the discussions we would especially like to discuss the following',
  },
  32: {
    sv: 'Hela välfärdsområdets förmåga till informationsledning: I de nya välfärdsområdena kan det saknas verktyg för behandling av hela välfärdsområdet (jfr den kommungrupp som denna anmälan gäller). I många områden kommer plockningen och leveransen av uppgifter att basera sig på en lösning som tillhandahålls av datasystemleverantören – med andra ord levereras uppgifterna enligt kommungrupp. Hur bedömer ni förmågan att behandla uppgifter som gäller hela ert välfärdsområde 31.3.2023?',
    fi: 'Koko hyvinvointialueen tiedolla johtamisen kyky: uusilta hyvinvointialueilta voi puuttua välineet koko alueen tietojen käsittelyyn (vrt. kuntaryhmä, jota tämä ilmoitus koskee). Monilla alueilla tietojen poiminta ja toimitus perustuu tietojärjestelmätoimittajan ratkaisuun – toisin sanoen tiedot toimitetaan kuntaryhmittäin. Miten arvioitte kykyänne käsitellä koko hyvinvointialuetta koskevia tietoja 31.3.2023?',
    en: 'The whole wellbeing services county’s capability for knowledge-based management: the new counties may lack tools to process data for the whole county (compare the municipality group this notification is about). In many counties the picking and delivery of data will rest on a solution from the system supplier, that is, data is delivered per municipality group. How do you assess your capability to process data on your whole county on 31.3.2023?',
  },
  33: {
    sv: 'Övriga tilläggsuppgifter eller respons gällande Sosdata',
    fi: 'Muut lisätiedot tai palaute Sosdatasta',
    en: 'Other additional information or feedback on Sosdata',
  },
};

/** Parts of question 1. */
export const CONTACT_FIELDS: Record<'name' | 'email', FormText> = {
  name: { sv: 'Namn', fi: 'Nimi', en: 'Name' },
  email: { sv: 'E-post', fi: 'Sähköposti', en: 'E-mail' },
};

export const SERVICE_TASK_NAMES: Record<ServiceTask, FormText> = {
  elderly: { sv: 'Äldreservice', fi: 'Iäkkäiden palvelut', en: 'Services for older people' },
  'working-age': { sv: 'Service för personer i arbetsför ålder', fi: 'Työikäisten palvelut', en: 'Services for people of working age' },
  'families-with-children': { sv: 'Service för barnfamiljer', fi: 'Lapsiperheiden palvelut', en: 'Services for families with children' },
  'child-welfare': { sv: 'Barnskyddet', fi: 'Lastensuojelu', en: 'Child welfare' },
  disability: { sv: 'Service för personer med funktionsnedsättning', fi: 'Vammaispalvelut', en: 'Services for people with disabilities' },
  'substance-abuse': { sv: 'Missbrukarvård', fi: 'Päihdehuolto', en: 'Substance abuse services' },
};

export const OTHER_SYSTEM_LABEL: FormText = { sv: 'Annat, vilket', fi: 'Muu, mikä', en: 'Other, which' };

export const TASK_COVERAGE_LABELS: Labels<typeof TASK_COVERAGE> = {
  yes: { sv: 'Ja', fi: 'Kyllä', en: 'Yes' },
  'yes-except-elderly-home-care': {
    sv: 'Ja, med undantag av hemvård för äldre',
    fi: 'Kyllä, lukuun ottamatta iäkkäiden kotihoitoa',
    en: 'Yes, except home care for older people',
  },
  no: { sv: 'Nej, undantag är', fi: 'Ei, poikkeuksia ovat', en: 'No, the exceptions are' },
};

export const ARCHIVING_LABELS = {
  quarter: { sv: 'Kvartal', fi: 'Vuosineljännes', en: 'Quarter' },
  'end-of-transition': { sv: 'När övergångsperioden löper ut', fi: 'Siirtymäajan päättyessä', en: 'When the transition period ends' },
} satisfies Record<string, FormText>;

export const CLIENT_PERIOD_LABELS: Labels<typeof CLIENT_PERIOD_SOURCES> = {
  kanta: { sv: 'Från Kanta-arkivet', fi: 'Kanta-arkistosta', en: 'From the Kanta archive' },
  'kanta-and-separate': {
    sv: 'Kanta-arkiveringen kompletteras med en separat leverans',
    fi: 'Kanta-arkistointia täydennetään erillistoimituksella',
    en: 'Kanta archiving supplemented by a separate delivery',
  },
  separate: { sv: 'Som separat leverans', fi: 'Erillistoimituksena', en: 'As a separate delivery' },
};

export const RETROACTIVE_LABELS: Labels<typeof RETROACTIVE_ABILITIES> = {
  'long-relationships': {
    sv: 'Datumen kan i huvudsak anges även för långvariga klientrelationer',
    fi: 'Päivämäärät voidaan pääosin ilmoittaa myös pitkäkestoisille asiakkuuksille',
    en: 'The dates can mainly be given even for long client relationships',
  },
  'since-2020': {
    sv: 'Datumen kan i huvudsak anges om klientrelationen har inletts senare än 1.1.2020',
    fi: 'Päivämäärät voidaan pääosin ilmoittaa, jos asiakkuus on alkanut 1.1.2020 jälkeen',
    en: 'The dates can mainly be given if the relationship began after 1.1.2020',
  },
  'before-period-after-2020': {
    sv: 'Datumen kan också meddelas innan uppföljningsperioden inleds, men först från en senare tidpunkt än 1.1.2020',
    fi: 'Päivämäärät voidaan ilmoittaa myös ennen seurantajakson alkua, mutta vasta 1.1.2020 myöhemmästä ajankohdasta',
    en: 'The dates can be given from before the monitoring period too, but only from a point later than 1.1.2020',
  },
  'not-even-new': {
    sv: 'Datumen kan i huvudsak inte meddelas för nya klientrelationer som inleds under uppföljningsperioden',
    fi: 'Päivämääriä ei pääosin voida ilmoittaa seurantajaksolla alkaville uusille asiakkuuksille',
    en: 'The dates can mainly not be given even for new relationships that begin during the monitoring period',
  },
};

export const CHILD_WELFARE_LABELS: Labels<typeof CHILD_WELFARE_DELIVERIES> = {
  'client-relationship-document': {
    sv: 'Genom att arkivera uppgiften om klientrelation inom barnskyddet enligt barnskyddslagen i klientrelationshandlingen (version 10.1.22 eller nyare).',
    fi: 'Arkistoimalla lastensuojelulain mukainen lastensuojelun asiakkuustieto asiakkuusasiakirjaan (versio 10.1.22 tai uudempi).',
    en: 'By archiving the child-welfare client relationship under the Child Welfare Act in the client-relationship document (version 10.1.22 or later).',
  },
  'new-structure-2023': {
    sv: 'Den nya strukturen för klientrelationshandlingen och en uppdaterad arkivering av den även för barnskyddets del tas i bruk under 2023.',
    fi: 'Asiakkuusasiakirjan uusi rakenne ja sen päivitetty arkistointi otetaan käyttöön myös lastensuojelussa vuoden 2023 aikana.',
    en: 'The new structure of the client-relationship document and its updated archiving are taken into use for child welfare too during 2023.',
  },
  separate: { sv: 'Separat leverans till THL', fi: 'Erillistoimitus THL:lle', en: 'Separate delivery to THL' },
};

export const MAIN_DELIVERY_LABELS: Labels<typeof MAIN_DELIVERIES> = {
  'kanta-structured': {
    sv: 'Genom att arkivera strukturerade beslutshandlingar och journalanteckningar i Kanta',
    fi: 'Arkistoimalla rakenteiset päätösasiakirjat ja kertomusmerkinnät Kantaan',
    en: 'By archiving structured decision documents and record entries in Kanta',
  },
  'kanta-unstructured': {
    sv: 'I Kanta som klientrelationshandling, (journalanteckningar) och icke-strukturerade beslutshandlingar',
    fi: 'Kantaan asiakkuusasiakirjana, (kertomusmerkintöinä) ja rakenteistamattomina päätösasiakirjoina',
    en: 'In Kanta as the client-relationship document, (record entries) and unstructured decision documents',
  },
  'kanta-and-separate': {
    sv: 'Kanta-arkiverade uppgifter kompletteras med en separat leverans',
    fi: 'Kanta-arkistoituja tietoja täydennetään erillistoimituksella',
    en: 'Kanta-archived data supplemented by a separate delivery',
  },
  separate: { sv: 'Separat leverans', fi: 'Erillistoimitus', en: 'Separate delivery' },
  'separate-partial': {
    sv: 'Separat leverans endast för en del av uppgifterna, eftersom det är omöjligt att leverera alla',
    fi: 'Erillistoimitus vain osasta tietoja, koska kaikkien toimittaminen on mahdotonta',
    en: 'Separate delivery of part of the data only, as delivering all of it is impossible',
  },
  impossible: {
    sv: 'Det är omöjligt att leverera alla uppgifter',
    fi: 'Kaikkien tietojen toimittaminen on mahdotonta',
    en: 'It is impossible to deliver all the data',
  },
};

export const DECISION_INFORMATION_LABELS: Labels<typeof DECISION_INFORMATION> = {
  'positive-during-period': {
    sv: 'Positivt servicebeslut som fattats under uppföljningsperioden',
    fi: 'Seurantajaksolla tehty myönteinen palvelupäätös',
    en: 'Positive service decision made during the monitoring period',
  },
  'valid-before-period': {
    sv: 'Gällande servicebeslut som fattats före uppföljningsperioden och som fortsätter att gälla under hela uppföljningsperioden',
    fi: 'Ennen seurantajaksoa tehty voimassa oleva palvelupäätös, joka on voimassa koko seurantajakson',
    en: 'Valid service decision made before the monitoring period that stays valid throughout it',
  },
  'ending-during-period': {
    sv: 'Servicebeslut som upphör att gälla under uppföljningsperioden',
    fi: 'Seurantajaksolla päättyvä palvelupäätös',
    en: 'Service decision that ends during the monitoring period',
  },
  negative: { sv: 'Negativt servicebeslut', fi: 'Kielteinen palvelupäätös', en: 'Negative service decision' },
};

export const PICKING_ABILITY_LABELS: Labels<typeof PICKING_ABILITIES> = {
  yes: {
    sv: 'Ja, uppgifterna kan i huvudsak plockas',
    fi: 'Kyllä, tiedot voidaan pääosin poimia',
    en: 'Yes, the data can mainly be picked',
  },
  'needs-review': {
    sv: 'Förutsätter ytterligare granskning eller betydande skillnader mellan tjänsterna',
    fi: 'Edellyttää lisäselvitystä tai palvelujen välillä on merkittäviä eroja',
    en: 'Needs further review, or there are large differences between services',
  },
  no: {
    sv: 'Nej, uppgifterna kan i huvudsak inte plockas',
    fi: 'Ei, tietoja ei pääosin voida poimia',
    en: 'No, the data can mainly not be picked',
  },
};

export const PICKING_METHOD_LABELS: Labels<typeof PICKING_METHODS> = {
  'current-service': {
    sv: 'Information om gällande tjänst',
    fi: 'Tieto voimassa olevasta palvelusta',
    en: 'Information on a current service',
  },
  'service-unit-clients': {
    sv: 'Serviceenhetens kundrelationsuppgift',
    fi: 'Palveluyksikön asiakkuustieto',
    en: 'The service unit’s client relationship',
  },
  'operations-management-system': {
    sv: 'Information om systemet för verksamhetsstyrning',
    fi: 'Toiminnanohjausjärjestelmän tieto',
    en: 'Information from operations-management systems',
  },
  'health-care-system': {
    sv: 'Information om hälso- och sjukvårdssystemet',
    fi: 'Terveydenhuollon järjestelmän tieto',
    en: 'Information from the health-care system',
  },
  other: { sv: 'Uppgiften plockas på annat sätt', fi: 'Tieto poimitaan muulla tavalla', en: 'The data is picked in another way' },
};

export const PICKING_USE_LABELS: Labels<typeof PICKING_USES> = {
  used: { sv: 'Utnyttjas', fi: 'Hyödynnetään', en: 'Used' },
  'not-used': { sv: 'Utnyttjas inte', fi: 'Ei hyödynnetä', en: 'Not used' },
  'needs-review': { sv: 'Förutsätter ytterligare granskning', fi: 'Edellyttää lisäselvitystä', en: 'Needs further review' },
};

export const SERVICE_READINESS_LABELS: Labels<typeof SERVICE_READINESS> = {
  mainly: { sv: 'Huvudsakligen', fi: 'Pääosin', en: 'Mainly' },
  possibly: { sv: 'Eventuellt', fi: 'Mahdollisesti', en: 'Possibly' },
  partly: { sv: 'Delvis', fi: 'Osittain', en: 'Partly' },
  no: { sv: 'Nej', fi: 'Ei', en: 'No' },
};

/** The form's explanation of each step of question 28's scale. */
export const SERVICE_READINESS_MEANINGS: Labels<typeof SERVICE_READINESS> = {
  mainly: {
    sv: 'En preliminär uppfattning om att en beslutsuppgift eller annan information om tillgången till tjänsten kan lämnas in ganska heltäckande',
    fi: 'Alustava käsitys, että päätöstieto tai muu tieto palvelun saamisesta voidaan toimittaa melko kattavasti',
    en: 'A preliminary view that decision data or other data on receiving the service can be delivered fairly completely',
  },
  possibly: {
    sv: 'Det kan vara möjligt att lämna in uppgifter, men detta förutsätter ytterligare granskning.',
    fi: 'Tietojen toimittaminen voi olla mahdollista, mutta se edellyttää lisäselvitystä.',
    en: 'Delivering the data may be possible, but needs further review.',
  },
  partly: {
    sv: 'En preliminär uppfattning om att en del av uppgifterna för uppföljningsperioden kan lämnas in.',
    fi: 'Alustava käsitys, että osa seurantajakson tiedoista voidaan toimittaa.',
    en: 'A preliminary view that part of the monitoring period’s data can be delivered.',
  },
  no: {
    sv: 'En preliminär uppfattning om att det är omöjligt eller mycket utmanande att lämna uppgifter.',
    fi: 'Alustava käsitys, että tietojen toimittaminen on mahdotonta tai hyvin haastavaa.',
    en: 'A preliminary view that delivering the data is impossible or very hard.',
  },
};

export const SOCIAL_SERVICE_NAMES: Record<SocialService, FormText> = {
  'professional-family-care': { sv: 'Professionell familjevård', fi: 'Ammatillinen perhehoito', en: 'Professional family care' },
  'client-finances': { sv: 'Skötsel av klientens ekonomi', fi: 'Asiakkaan talouden hoito', en: 'Managing the client’s finances' },
  'dwelling-alterations': { sv: 'Ändringsarbete i en bostad', fi: 'Asunnon muutostyöt', en: 'Alterations to a dwelling' },
  'mother-and-child-home': { sv: 'Mödrahemsservice', fi: 'Ensikotipalvelu', en: 'Mother-and-child home services' },
  'personal-assistance': { sv: 'Personlig assistans', fi: 'Henkilökohtainen apu', en: 'Personal assistance' },
  'upbringing-and-family-counselling': {
    sv: 'Rådgivning i uppfostrings- och familjefrågor',
    fi: 'Kasvatus- ja perheneuvonta',
    en: 'Upbringing and family counselling',
  },
  'home-care': { sv: 'Hemvård', fi: 'Kotihoito', en: 'Home care' },
  'home-help': { sv: 'Hemservice', fi: 'Kotipalvelu', en: 'Home help' },
  integration: { sv: 'Främjande av integration', fi: 'Kotoutumisen edistäminen', en: 'Promoting integration' },
  'crisis-work': { sv: 'Krisarbete', fi: 'Kriisityö', en: 'Crisis work' },
  'rehabilitative-work': {
    sv: 'Arbetsverksamhet i rehabiliteringssyfte',
    fi: 'Kuntouttava työtoiminta',
    en: 'Rehabilitative work activity',
  },
  'rehabilitation-guidance': { sv: 'Rehabiliteringshandledning', fi: 'Kuntoutusohjaus', en: 'Rehabilitation guidance' },
  'institutional-care': { sv: 'Service på en institution', fi: 'Laitospalvelu', en: 'Institutional care' },
  'mobility-services': { sv: 'Service som stöder rörlighet', fi: 'Liikkumista tukevat palvelut', en: 'Services supporting mobility' },
  'holiday-services': { sv: 'Semesterservice', fi: 'Lomapalvelut', en: 'Holiday services' },
  'carer-leave': { sv: 'Ledighet för person som vårdar en närstående', fi: 'Omaishoitajan vapaa', en: 'Leave for informal carers' },
  'informal-care-support': { sv: 'Stöd för närståendevård', fi: 'Omaishoidon tuki', en: 'Support for informal care' },
  'service-housing': { sv: 'Serviceboende', fi: 'Palveluasuminen', en: 'Service housing' },
  'family-care': { sv: 'Familjevård', fi: 'Perhehoito', en: 'Family care' },
  'family-rehabilitation': { sv: 'Familjerehabilitering', fi: 'Perhekuntoutus', en: 'Family rehabilitation' },
  'family-work': { sv: 'Familjearbete', fi: 'Perhetyö', en: 'Family work' },
  'day-activities': { sv: 'Dagverksamhet', fi: 'Päivätoiminta', en: 'Day activities' },
  'relief-services': { sv: 'Avlösarservice', fi: 'Sijaishoito', en: 'Relief services' },
  'adaptation-training': { sv: 'Anpassningsträning', fi: 'Sopeutumisvalmennus', en: 'Adaptation training' },
  'social-rehabilitation': { sv: 'Social rehabilitering', fi: 'Sosiaalinen kuntoutus', en: 'Social rehabilitation' },
  'social-credit': { sv: 'Social kreditgivning', fi: 'Sosiaalinen luototus', en: 'Social credit' },
  'social-guidance': { sv: 'Social handledning', fi: 'Sosiaaliohjaus', en: 'Social guidance' },
  'social-emergency': { sv: 'Socialjour', fi: 'Sosiaalipäivystys', en: 'Social emergency services' },
  'social-work': { sv: 'Socialt arbete', fi: 'Sosiaalityö', en: 'Social work' },
  'round-the-clock-service-housing': {
    sv: 'Serviceboende med heldygnsomsorg',
    fi: 'Tehostettu palveluasuminen',
    en: 'Service housing with round-the-clock care',
  },
  'intensive-family-work': { sv: 'Intensifierat familjearbete', fi: 'Tehostettu perhetyö', en: 'Intensive family work' },
  'temporary-housing': { sv: 'Tillfälligt boende', fi: 'Tilapäinen asuminen', en: 'Temporary housing' },
  'social-assistance': { sv: 'Utkomststöd', fi: 'Toimeentulotuki', en: 'Social assistance' },
  'supported-housing': { sv: 'Stödboende', fi: 'Tukiasuminen', en: 'Supported housing' },
  'support-person-activities': { sv: 'Stödrelationsverksamhet', fi: 'Tukisuhdetoiminta', en: 'Support-person activities' },
};

export const DISCUSSION_LABELS: Labels<typeof DISCUSSION_WISHES> = {
  no: {
    sv: 'Nej, vi förbereder oss för leverans av uppgifter/Kanta-arkivering och kontaktar THL vid behov',
    fi: 'Ei, valmistaudumme tietojen toimittamiseen/Kanta-arkistointiin ja otamme tarvittaessa yhteyttä THL:ään',
    en: 'No, we are preparing for the delivery/Kanta archiving and will contact THL if needed',
  },
  yes: { sv: 'Ja', fi: 'Kyllä', en: 'Yes' },
};

export const AREA_CAPABILITY_LABELS: Labels<typeof AREA_CAPABILITIES> = {
  unlikely: {
    sv: 'Det är osannolikt att uppgifterna fortfarande behandlas för hela området. Välfärdsområdet kommer till en början att utnyttja de siffror som THL behandlar och publicerar.',
    fi: 'On epätodennäköistä, että tietoja vielä käsitellään koko alueen osalta. Hyvinvointialue hyödyntää aluksi THL:n käsittelemiä ja julkaisemia lukuja.',
    en: 'It is unlikely that the data will yet be processed for the whole county. The county will at first use the figures THL processes and publishes.',
  },
  partly: {
    sv: 'Den områdesmässiga behandlingen av uppgifterna kommer i viss mån att vara möjlig.',
    fi: 'Tietojen aluetasoinen käsittely on jossain määrin mahdollista.',
    en: 'Processing the data for the whole county will be possible to some extent.',
  },
  yes: {
    sv: 'Uppgifterna behandlas områdesmässigt. Det är till exempel möjligt att leverera en separat leverans av uppgifter som en egen lösning för området.',
    fi: 'Tiedot käsitellään aluetasoisesti. On esimerkiksi mahdollista toimittaa erillistoimitus alueen omana ratkaisuna.',
    en: 'The data is processed for the whole county. For example, a separate delivery can be made as the county’s own solution.',
  },
};

const choice = <T extends readonly string[]>(values: T, labels: Labels<T>) => ({ values, labels });

/** Each single-choice answer of the form, by its field: the options in THL's order, and their labels. */
const CHOICES = {
  taskCoverage: choice(TASK_COVERAGE, TASK_COVERAGE_LABELS),
  clientPeriods: choice(CLIENT_PERIOD_SOURCES, CLIENT_PERIOD_LABELS),
  retroactiveStartDates: choice(RETROACTIVE_ABILITIES, RETROACTIVE_LABELS),
  childWelfare: choice(CHILD_WELFARE_DELIVERIES, CHILD_WELFARE_LABELS),
  childWelfareRetroactive: choice(RETROACTIVE_ABILITIES, RETROACTIVE_LABELS),
  mainDelivery: choice(MAIN_DELIVERIES, MAIN_DELIVERY_LABELS),
  decisionPicking: choice(PICKING_ABILITIES, PICKING_ABILITY_LABELS),
  pickingMethods: choice(PICKING_USES, PICKING_USE_LABELS),
  services: choice(SERVICE_READINESS, SERVICE_READINESS_LABELS),
  separateDiscussions: choice(DISCUSSION_WISHES, DISCUSSION_LABELS),
  areaCapability: choice(AREA_CAPABILITIES, AREA_CAPABILITY_LABELS),
};

/** The names of the parts of a question answered part by part (a service task, a decision kind, …), by its field. */
const PARTS = {
  clientPeriods: SERVICE_TASK_NAMES,
  decisionPicking: DECISION_INFORMATION_LABELS,
  pickingMethods: PICKING_METHOD_LABELS,
  services: SOCIAL_SERVICE_NAMES,
} satisfies Record<string, Record<string, FormText>>;

export type ChoiceField = keyof typeof CHOICES;
export type PartField = keyof typeof PARTS;

/** The options of a single-choice answer, in THL's order, labelled in `lang`. */
export function choiceOptions(field: ChoiceField, lang: Lang): { value: string; label: string }[] {
  return (CHOICES[field].values as readonly string[]).map((value) => ({ value, label: choiceLabel(field, value, lang) }));
}

/** The label of an option of a single-choice answer in `lang`. */
export function choiceLabel(field: ChoiceField, value: string, lang: Lang): string {
  return (CHOICES[field].labels as Record<string, FormText>)[value]![lang];
}

/** The name of a part of a question answered part by part, in `lang`. */
export function partLabel(field: PartField, part: string, lang: Lang): string {
  return (PARTS[field] as Record<string, FormText>)[part]![lang];
}
