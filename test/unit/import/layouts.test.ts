// Layouts the seeds do not have, written as Finnish public bodies write them (all fictional): the tietosuoja.fi
// model, question headings, an English notice, a Swedish notice, and the old two-column form copied as text.
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../../src/content/import/import-documents.ts';
import { loadContent } from '../../../src/content/load.ts';
import { CONTENT } from '../../support/cli.ts';
import { lostSentences } from '../../support/import-measure.ts';

const content = await loadContent(CONTENT);
const organisation = content.organisations.get('example-municipality')!;
const read = (name: string, text: string, lang?: 'fi' | 'sv' | 'en') =>
  importDocuments([{ name, bytes: new TextEncoder().encode(text) }], { organisation, isolate: false, langs: lang ? [lang] : undefined });

const MODEL_FI = `Tietosuojaseloste

EU:n yleinen tietosuoja-asetus (2016/679), artiklat 13 ja 14
Laatimispäivä 3.2.2025

1. Rekisterinpitäjä
Esimerkin kunta, sivistystoimi
Y-tunnus: 0201256-6
Kunnantie 1, 99999 Esimerkki
puh. 040 123 4567

2. Rekisterin vastuuhenkilö / yhteyshenkilö
Kirjastotoimenjohtaja Maija Meikäläinen
sähköposti: kirjasto@example.com

3. Tietosuojavastaava
Esimerkin kunnan tietosuojavastaava, tietosuoja@example.com

4. Rekisterin nimi
Kirjaston asiakasrekisteri

5. Henkilötietojen käsittelyn tarkoitus ja oikeusperuste
Henkilötietoja käsitellään kirjaston lainauspalvelujen tuottamiseksi.
Käsittelyn oikeusperuste on EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan e alakohta (yleisen edun mukainen tehtävä).
Keskeinen lainsäädäntö: laki yleisistä kirjastoista (1492/2016), tietosuojalaki (1050/2018)

6. Rekisterin tietosisältö
Rekisteriin tallennetaan seuraavat tiedot:
- nimi ja yhteystiedot
- kirjastokortin numero
- lainat ja varaukset

7. Säännönmukaiset tietolähteet
Tiedot saadaan asiakkaalta itseltään ja väestötietojärjestelmästä.

8. Tietojen säännönmukaiset luovutukset
Tietoja ei luovuteta säännönmukaisesti.

9. Tietojen siirto EU:n tai ETA:n ulkopuolelle
Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.

10. Tietojen säilytysaika
Asiakastiedot poistetaan kolmen vuoden kuluttua viimeisestä lainasta.

11. Rekisterin suojauksen periaatteet
A Manuaalinen aineisto
Paperiset lainauskuitit säilytetään lukitussa tilassa.
B ATK:lla käsiteltävät tiedot
Järjestelmä on suojattu käyttäjätunnuksin ja salasanoin.

12. Rekisteröidyn oikeudet
Rekisteröidyllä on oikeus tarkastaa itseään koskevat tiedot.

13. Automaattinen päätöksenteko ja profilointi
Rekisterin tietoja ei käytetä automaattiseen päätöksentekoon eikä profilointiin.

14. Oikeus tehdä valitus valvontaviranomaiselle
Rekisteröidyllä on oikeus tehdä valitus tietosuojavaltuutetun toimistolle.

15. Evästeet
Kirjaston verkkopalvelu käyttää vain välttämättömiä evästeitä.
`;

const QUESTIONS_FI = `Tietosuojaseloste, nuorisopalvelujen asiakasrekisteri

Tietosuojaselosteen julkaisupäivämäärä: 18.9.2024

1. Rekisterinpitäjä

Esimerkin kunta

2. Rekisterin vastuuhenkilö

Nuorisopalvelujen päällikkö

3. Rekisterin yhteyshenkilö

Nuoriso-ohjaaja Matti Virtanen
Osoite: PL 12, 99999 Esimerkin kunta
Puh. 09 816 21 (vaihde)
Sähköpostiosoite: nuoriso@example.com

4. Tietosuojavastaava

Esimerkin kunnan tietosuojavastaava
Sähköpostiosoite: tietosuoja@example.com

5. Mihin tarkoitukseen henkilötietoja käsitellään?

Tietoja käytetään nuorisotilojen jäsenyyksien ja leirien hallintaan.

Keskeinen lainsäädäntö:

- Nuorisolaki (1285/2016)
- Kuntalaki

6. Mikä on henkilötietojen käsittelyperuste?

EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 a-kohta: rekisteröity on antanut suostumuksensa.

7. Mitä tietoja käsitellään?

Jäsenen nimi, syntymävuosi, huoltajan puhelinnumero ja sähköpostiosoite.

TIETOJEN JULKISUUS JA SALASSAPIDETTÄVYYS:

Tiedot ovat salassa pidettäviä (laki viranomaisten toiminnan julkisuudesta 621/1999 24 § 1 mom. 25 k).

8. Mistä tiedot saadaan?

Tiedot saadaan huoltajalta jäsenhakemuksella.

9. Luovutetaanko tai siirretäänkö tietoja kaupungin ulkopuolelle?

Tietoja ei luovuteta kaupungin ulkopuolelle eikä siirretä EU:n tai ETA:n ulkopuolelle.

10. Kuinka kauan tietoja säilytetään?

Jäsentiedot poistetaan vuoden kuluttua jäsenyyden päättymisestä.

11. Miten tietoja suojataan?

Tiedot ovat sähköisessä järjestelmässä, johon pääsee vain henkilökohtaisin tunnuksin.

12. Mitkä ovat rekisteröidyn oikeudet?

Rekisteröidyllä on oikeus saada pääsy tietoihinsa ja vaatia niiden oikaisemista.

13. Profilointi / automaattinen päätöksenteko

Tietoja ei käytetä profilointiin eikä automaattiseen päätöksentekoon.
`;

const ENGLISH = `Privacy notice, Subscriber register of the city newsletter

Date of publication: 6 February 2024

1. Data controller

Municipality of Example
P.O. Box 49, 99999 Example
Switchboard +358 9 816 21

2. Person responsible for the register

Communications Director

3. Contact person of the register

Newsletter editor, newsletter@example.com

4. Data Protection Officer

Data protection officer of the Municipality of Example, tietosuoja@example.com

5. For what purpose is personal data processed?

The purpose of processing the personal data in the register is

- delivering newsletters
- customer relationship communication

6. On what grounds is personal data processed?

Article 6(1)(a) of the General Data Protection Regulation of the European Union: the data subject has given consent.

7. What data is processed?

Subscriber's name and e-mail address.

8. What are the sources of data?

Personal data is collected from the subscribers themselves.

9. Will data be disclosed or transferred outside the city?

Personal data is not disclosed to third parties. Data is not transferred outside the EU or the EEA.

10. How long will the data be retained?

The data is deleted when the subscription ends.

11. How is data protected?

The register is protected with user rights and logging.

12. Rights of the data subject

The data subject has the right to check their data and to withdraw consent.

13. Profiling / automated decision-making

Personal data is not used for automated decision-making or profiling.
`;

const SWEDISH = `Dataskyddsbeskrivning

1. Personuppgiftsansvarig
Exempelkommun, bildningssektorn

2. Ansvarsperson för registret
Bildningsdirektören

3. Kontaktperson i ärenden som gäller registret
Planerare Anna Andersson, anna.andersson@example.com, tfn 040 765 4321

4. Registrets namn
Elevregistret för grundläggande utbildning

5. Ändamålet med och den rättsliga grunden för behandlingen av personuppgifter
Uppgifterna används för att ordna den grundläggande utbildningen.
Behandlingens rättsliga grund: EU:s allmänna dataskyddsförordning, artikel 6, punkt 1, underpunkt c.

6. Registrets innehåll
Elevens namn, personbeteckning, adress och vårdnadshavarnas kontaktuppgifter.

7. Regelmässiga uppgiftskällor
Uppgifterna fås av vårdnadshavarna och från befolkningsdatasystemet.

8. Regelmässiga utlämnanden av uppgifter
Uppgifter lämnas ut till Folkpensionsanstalten för skolresestöd.

9. Överföring av uppgifter utanför EU eller EES
Uppgifter överförs inte utanför EU eller EES.

10. Principerna för skydd av registret
Registret är skyddat med användarnamn och lösenord.

11. Lagringstid
Elevuppgifterna förvaras varaktigt enligt arkivbildningsplanen.
`;

const OLD_FORM = `REKISTERISELOSTE
Henkilötietolaki (523/1999) 10 §

1
Rekisterinpitäjä
Nimi
Esimerkin kunnan tekninen lautakunta
Osoite
Kunnantie 1, 99999 Esimerkki
Muut yhteystiedot (esim. puhelin virka-aikana, sähköpostiosoite)
puh. 040 111 2222, tekninen@example.com

2
Yhteyshenkilö rekisteriä koskevissa asioissa
Nimi
Rakennustarkastaja Pekka Esimerkki
Osoite
Kunnantie 1, 99999 Esimerkki
Muut yhteystiedot (esim. puhelin virka-aikana, sähköpostiosoite)
pekka.esimerkki@example.com

3
Rekisterin nimi
Rakennuslupien hakijarekisteri

4
Henkilötietojen käsittelyn tarkoitus
Rakennuslupahakemusten käsittely ja valvonta.

5
Rekisterin tietosisältö
Hakijan nimi, osoite, puhelinnumero ja kiinteistötunnus.

6
Säännönmukaiset tietolähteet
Hakija itse ja kiinteistörekisteri.

7
Tietojen säännönmukaiset luovutukset
Tietoja luovutetaan Tilastokeskukselle rakennustilastoa varten.

8
Tietojen siirto EU:n tai ETA:n ulkopuolelle
Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.

9
Rekisterin suojauksen periaatteet
Paperiset hakemukset säilytetään lukitussa arkistossa. Sähköinen rekisteri on suojattu salasanoin.
`;

describe('a tietosuoja.fi model notice in Finnish', async () => {
  const { register, report } = await read('seloste.txt', MODEL_FI);

  it('is a GDPR notice in Finnish, dated by its "Laatimispäivä"', () => {
    expect(register).toMatchObject({ format: 'gdpr-notice', status: 'draft', published: '2025-02-03', updated: '2025-02-03' });
    expect(register.title).toEqual({ fi: 'Kirjaston asiakasrekisteri' });
  });

  it('reads the controller as the organisation with its unit and contact details, and the business ID as its own', () => {
    expect(register.controllers).toEqual([
      {
        organisation: 'example-municipality',
        body: { fi: 'Esimerkin kunta, sivistystoimi' },
        contact: { postalAddress: { fi: 'Kunnantie 1, 99999 Esimerkki' }, phone: '040 123 4567', note: { fi: '0201256-6' } },
      },
    ]);
  });

  it('places purpose, legal basis with its Art 6(1) letter, and the legislation with numbers', () => {
    expect(register.purposes?.description?.fi).toBe('Henkilötietoja käsitellään kirjaston lainauspalvelujen tuottamiseksi.');
    expect(register.legalBasis?.article6).toEqual(['e']);
    expect(register.legislation?.map((statute) => statute.ref)).toEqual(['1492/2016', '1050/2018']);
  });

  it('places content, sources, disclosures, transfers, retention, security parts, rights and automated decisions', () => {
    expect(register.dataContent?.groups?.[0]).toEqual({
      heading: { fi: 'Rekisteriin tallennetaan seuraavat tiedot:' },
      items: [{ fi: 'nimi ja yhteystiedot' }, { fi: 'kirjastokortin numero' }, { fi: 'lainat ja varaukset' }],
    });
    expect(register.sources?.description?.fi).toContain('väestötietojärjestelmästä');
    expect(register.disclosures?.description?.fi).toBe('Tietoja ei luovuteta säännönmukaisesti.');
    expect(register.transfers?.outsideEea).toBe(false);
    expect(register.retention?.description?.fi).toContain('kolmen vuoden');
    expect(register.security?.manual?.fi).toContain('lukitussa tilassa');
    expect(register.security?.electronic?.fi).toContain('käyttäjätunnuksin');
    expect(register.rights?.description?.fi).toContain('tarkastaa');
    expect(register.automatedDecisions?.present).toBe(false);
  });

  it('keeps what has no field (the DPO, cookies) unplaced, under its heading, and says so in the report', () => {
    expect(register.unplaced?.map((piece) => piece.heading)).toEqual(expect.arrayContaining(['3. Tietosuojavastaava', '15. Evästeet']));
    expect(report.sectionsWithoutField.map((section) => section.kind)).toEqual(['dpo', 'cookies']);
    expect(lostSentences(MODEL_FI, register, report).lost).toEqual([]);
  });
});

describe('question headings, as Espoo and many municipalities write them', async () => {
  const { register, report } = await read('kysymykset.txt', QUESTIONS_FI);

  it('finds every numbered question as its section', () => {
    expect(report.unknownSections).toEqual([]);
    expect(register.published).toBe('2024-09-18');
    expect(register.responsible?.person?.title).toEqual({ fi: 'Nuorisopalvelujen päällikkö' });
    expect(register.contactPersons?.[0]).toMatchObject({
      name: 'Matti Virtanen',
      title: { fi: 'Nuoriso-ohjaaja' },
      email: 'nuoriso@example.com',
      phone: '09 816 21',
      postalAddress: { fi: 'PL 12, 99999 Esimerkin kunta' },
    });
  });

  it('reads the legal basis, the legislation (a known act by name) and the confidentiality with its statute', () => {
    expect(register.legalBasis?.article6).toEqual(['a']);
    expect(register.legislation?.map((statute) => statute.ref)).toEqual(['1285/2016', '410/2015']);
    expect(register.confidentiality).toMatchObject({ level: 'confidential', legalBasis: [{ ref: '621/1999 24 § 1 mom.' }] });
  });

  it('splits a joint question on disclosures and transfers', () => {
    expect(register.transfers?.outsideEea).toBe(false);
    expect(register.dataContent?.description?.fi).toContain('syntymävuosi');
    expect(register.sources?.description?.fi).toContain('huoltajalta');
    expect(register.retention?.description?.fi).toContain('vuoden kuluttua');
    expect(register.automatedDecisions?.present).toBe(false);
    expect(lostSentences(QUESTIONS_FI, register, report).lost).toEqual([]);
  });
});

describe('an English notice', async () => {
  const { register, report } = await read('notice.txt', ENGLISH);

  it('is read as English and placed section by section', () => {
    expect(report.files[0]).toMatchObject({ lang: 'en', langConfident: true });
    expect(register.published).toBe('2024-02-06');
    expect(register.controllers?.[0]?.contact).toMatchObject({
      postalAddress: { en: 'P.O. Box 49, 99999 Example' },
      phone: '+358 9 816 21',
    });
    expect(register.purposes?.items).toEqual([{ en: 'delivering newsletters' }, { en: 'customer relationship communication' }]);
    expect(register.legalBasis?.article6).toEqual(['a']);
    expect(register.contactPersons?.[0]).toMatchObject({ title: { en: 'Newsletter editor' }, email: 'newsletter@example.com' });
    expect(register.transfers?.outsideEea).toBe(false);
    expect(register.automatedDecisions?.present).toBe(false);
    expect(report.unknownSections).toEqual([]);
    expect(lostSentences(ENGLISH, register, report).lost).toEqual([]);
  });
});

describe('a Swedish notice', async () => {
  const { register, report } = await read('beskrivning.txt', SWEDISH);

  it('is read as Swedish and placed section by section', () => {
    expect(report.files[0]?.lang).toBe('sv');
    expect(register.title).toEqual({ sv: 'Elevregistret för grundläggande utbildning' });
    expect(register.contactPersons?.[0]).toMatchObject({ name: 'Anna Andersson', title: { sv: 'Planerare' }, phone: '040 765 4321' });
    expect(register.legalBasis?.article6).toEqual(['c']);
    expect(register.transfers?.outsideEea).toBe(false);
    expect(register.disclosures?.description?.sv).toContain('Folkpensionsanstalten');
    expect(report.unknownSections).toEqual([]);
    expect(register.unplaced).toBeUndefined();
    expect(lostSentences(SWEDISH, register, report).lost).toEqual([]);
  });
});

describe('the old two-column form copied as text', async () => {
  const { register, report } = await read('vanha.txt', OLD_FORM);

  it('reads the numbers on their own lines and the form labels (Nimi, Osoite, Muut yhteystiedot)', () => {
    expect(register.title).toEqual({ fi: 'Rakennuslupien hakijarekisteri' });
    expect(register.controllers?.[0]).toMatchObject({
      body: { fi: 'Esimerkin kunnan tekninen lautakunta' },
      contact: { postalAddress: { fi: 'Kunnantie 1, 99999 Esimerkki' }, phone: '040 111 2222', email: 'tekninen@example.com' },
    });
    expect(register.contactPersons?.[0]).toMatchObject({
      name: 'Pekka Esimerkki',
      title: { fi: 'Rakennustarkastaja' },
      email: 'pekka.esimerkki@example.com',
    });
    expect(register.transfers?.outsideEea).toBe(false);
    expect(register.security?.description?.fi).toContain('salasanoin');
    expect(register.legislation).toBeUndefined();
    expect(lostSentences(OLD_FORM, register, report).lost).toEqual([]);
  });
});
