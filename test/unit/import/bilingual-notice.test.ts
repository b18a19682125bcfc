// A privacy notice in Finnish and Swedish whose headings the vocabularies do not list word for word, and a web
// page that asks questions: the cue words still tell the sections (all fictional).
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../../src/content/import/import-documents.ts';
import { loadContent } from '../../../src/content/load.ts';
import { CONTENT } from '../../support/cli.ts';
import { lostSentences } from '../../support/import-measure.ts';

const content = await loadContent(CONTENT);
const organisation = content.organisations.get('example-municipality')!;

const FI = `Tietosuojaseloste
EU:n yleinen tietosuoja-asetus (2016/679), artiklat 13 ja 14
12.9.2023

Nuorisotalojen jäsenrekisteri

1. Yhteisrekisterinpitäjät
Esimerkkilän kaupunki, nuorisopalvelut

2. Rekisterin vastuuhenkilöt
Nuorisopalvelujen päällikkö

3. Tietosuojavastaavien yhteystiedot
tietosuoja@example.com

4. Henkilötietojen käsittelyn tarkoitukset ja käsittelyn oikeusperuste
Tietoja käytetään jäsenyyksien ja tapahtumien hallintaan.
Käsittelyn oikeusperuste on rekisteröidyn suostumus.

5. Mitä henkilötietoja jäsenistä tallennetaan?
- nimi
- syntymävuosi
- huoltajan yhteystiedot

6. Mistä lähteistä henkilötietoja kerätään?
Tiedot saadaan huoltajalta.

7. Kenelle tietoja annetaan?
Tietoja ei anneta ulkopuolisille.

8. Tietojen säilyttämisen kesto
Tiedot poistetaan vuoden kuluttua jäsenyyden päättymisestä.

9. Miten tiedot on turvattu?
Tiedot ovat järjestelmässä, johon kirjaudutaan henkilökohtaisin tunnuksin.
`;

const SV = `Dataskyddsbeskrivning
EU:s allmänna dataskyddsförordning (2016/679), artiklarna 13 och 14
12.9.2023

Ungdomsgårdarnas medlemsregister

1. Gemensamt personuppgiftsansvariga
Exempelby stad, ungdomstjänster

2. Registrets ansvarspersoner
Chefen för ungdomstjänster

3. Dataskyddsombudens kontaktuppgifter
tietosuoja@example.com

4. Ändamålen med behandlingen och rättslig grund
Uppgifterna används för att sköta medlemskap och evenemang.
Den rättsliga grunden för behandlingen är den registrerades samtycke.

5. Vilka personuppgifter sparas om medlemmarna?
- namn
- födelseår
- vårdnadshavarens kontaktuppgifter
- språk

6. Varifrån samlas personuppgifterna in?
Uppgifterna fås av vårdnadshavaren.

7. Till vem lämnas uppgifterna ut?
Uppgifter lämnas inte ut till utomstående.

8. Hur länge förvaras uppgifterna?
Uppgifterna raderas ett år efter att medlemskapet upphört.

9. Hur skyddas uppgifterna?
Uppgifterna finns i ett system som kräver personliga användarnamn.
`;

const WEB_EN = `Data protection of the online service

The online service is maintained by the City of Exampleby.

For what purpose are the data collected?

The data on the users of the website are collected to improve the service.

What data are collected on the user of the service?

- IP address
- time and date
- pages visited

Are the data transferred to other services?

The data are not disclosed to third parties.

How and for how long are the data stored?

The data are stored for 12 months.
`;

describe('a Finnish and a Swedish notice with headings worded their own way', async () => {
  const { register, report } = await importDocuments(
    [
      { name: 'fi.txt', bytes: new TextEncoder().encode(FI) },
      { name: 'sv.txt', bytes: new TextEncoder().encode(SV) },
    ],
    { organisation, isolate: false },
  );

  it('becomes one notice with both languages, section by section and item by item', () => {
    expect(register.title).toEqual({ fi: 'Nuorisotalojen jäsenrekisteri', sv: 'Ungdomsgårdarnas medlemsregister' });
    expect(register.published).toBe('2023-09-12');
    expect(register.legalBasis?.article6).toEqual(['a']);
    expect(register.purposes?.description).toEqual({
      fi: 'Tietoja käytetään jäsenyyksien ja tapahtumien hallintaan.',
      sv: 'Uppgifterna används för att sköta medlemskap och evenemang.',
    });
    expect(register.dataContent?.groups?.[0]?.items?.slice(0, 3)).toEqual([
      { fi: 'nimi', sv: 'namn' },
      { fi: 'syntymävuosi', sv: 'födelseår' },
      { fi: 'huoltajan yhteystiedot', sv: 'vårdnadshavarens kontaktuppgifter' },
    ]);
    expect(register.sources?.description).toEqual({ fi: 'Tiedot saadaan huoltajalta.', sv: 'Uppgifterna fås av vårdnadshavaren.' });
    expect(register.disclosures?.description?.sv).toBe('Uppgifter lämnas inte ut till utomstående.');
    expect(register.retention?.description?.fi).toContain('vuoden kuluttua');
    expect(register.security?.description?.sv).toContain('användarnamn');
    expect(report.unknownSections).toEqual([]);
  });

  it('says where the two differ in structure: one more data item in Swedish', () => {
    expect(report.disagreements).toContainEqual({ path: 'dataContent.groups[0].items', kind: 'count', detail: 'fi 3, sv 4' });
  });

  it('loses nothing of either file', () => {
    expect(lostSentences(`${FI}\n${SV}`, register, report).lost).toEqual([]);
  });
});

describe('a web page that asks questions', async () => {
  const { register, report } = await importDocuments([{ name: 'privacy.html.txt', bytes: new TextEncoder().encode(WEB_EN) }], {
    organisation,
    isolate: false,
  });

  it('finds every question as its section', () => {
    expect(report.files[0]?.lang).toBe('en');
    expect(register.purposes?.description?.en).toContain('to improve the service');
    expect(register.dataContent?.groups?.[0]?.items).toEqual([{ en: 'IP address' }, { en: 'time and date' }, { en: 'pages visited' }]);
    expect(register.disclosures?.description?.en).toBe('The data are not disclosed to third parties.');
    expect(register.retention?.description?.en).toBe('The data are stored for 12 months.');
    expect(lostSentences(WEB_EN, register, report).lost).toEqual([]);
  });
});
