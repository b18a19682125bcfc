import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../../src/content/import/import-documents.ts';
import { loadContent } from '../../../src/content/load.ts';
import { asDocx, asFormPdf, asPdf, asText, type KnownSection } from '../../support/import-fixtures.ts';
import { CONTENT } from '../../support/cli.ts';

const content = await loadContent(CONTENT);
const organisation = content.organisations.get('example-municipality')!;

const TITLE = 'Tietosuojaseloste';
const SECTIONS: KnownSection[] = [
  { heading: 'Rekisterin nimi', paragraphs: ['Esimerkkilän kirjaston asiakasrekisteri'] },
  { heading: 'Rekisterinpitäjä', paragraphs: ['Esimerkkilän kaupungin kulttuuripalvelut\nKirjastokatu 1\n00000 Esimerkkilä'] },
  {
    heading: 'Henkilötietojen käsittelyn tarkoitus',
    paragraphs: [
      'Henkilötietoja käsitellään kirjaston lainaus- ja varauspalvelujen tuottamiseksi, asiakkuuksien hoitamiseksi, maksujen perimiseksi sekä kirjaston toiminnan tilastoimiseksi ja kehittämiseksi niin, että palvelu toimii kaikille kuntalaisille.',
      'Tietoja käytetään myös seuraaviin tehtäviin:',
    ],
    bullets: ['lainojen ja varausten hallinta', 'myöhästymismaksujen perintä', 'asiakastiedotteiden lähettäminen'],
  },
  {
    heading: 'Rekisterin tietosisältö',
    paragraphs: ['Rekisteriin tallennetaan seuraavat tiedot asiakkaasta:'],
    bullets: ['nimi, osoite ja syntymäaika', 'puhelinnumero ja sähköpostiosoite', 'lainat, varaukset ja maksut'],
  },
  {
    heading: 'Säännönmukaiset tietolähteet',
    paragraphs: [
      'Tiedot saadaan asiakkaalta itseltään kirjastokorttia haettaessa, ja osoitetiedot päivitetään väestötietojärjestelmästä Digi- ja väestötietoviraston tietopalvelun kautta kerran kuukaudessa.',
    ],
  },
  { heading: 'Tietojen siirto EU:n tai ETA:n ulkopuolelle', paragraphs: ['Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.'] },
  {
    heading: 'Säilytysaika',
    paragraphs: [
      'Asiakastiedot poistetaan, kun asiakkuus on ollut kolme vuotta käyttämättä. Maksutiedot säilytetään kirjanpitolain (1336/1997) mukaan.',
    ],
  },
];

const text = asText(TITLE, SECTIONS);
const html = `<!doctype html><html lang="fi"><head><title>Tietosuojaseloste</title><script>var x = 1;</script></head><body>
<nav><a href="/">Etusivu</a> <a href="/palvelut">Palvelut</a></nav>
<main><h1>${TITLE}</h1>${SECTIONS.map(
  (section) =>
    `<h2>${section.heading}</h2>${(section.paragraphs ?? []).map((p) => `<p>${p.replace(/\n/gu, '<br>')}</p>`).join('')}${
      section.bullets ? `<ul>${section.bullets.map((b) => `<li>${b}</li>`).join('')}</ul>` : ''
    }`,
).join('\n')}</main><footer>© Esimerkkilän kaupunki</footer></body></html>`;

const load = async (name: string, bytes: Uint8Array) => importDocuments([{ name, bytes }], { organisation, isolate: false });

describe('the same description as text, PDF, Word and HTML', async () => {
  const fromText = await load('seloste.txt', new TextEncoder().encode(text));
  const fromPdf = await load('seloste.pdf', await asPdf(TITLE, SECTIONS));
  const fromDocx = await load('seloste.docx', await asDocx(TITLE, SECTIONS));
  const fromHtml = await load('seloste.html', new TextEncoder().encode(html));

  it('imports from text with every section in its field and nothing unplaced', () => {
    const { register } = fromText;
    expect(register.title).toEqual({ fi: 'Esimerkkilän kirjaston asiakasrekisteri' });
    expect(register.purposes?.items).toHaveLength(3);
    expect(register.dataContent?.groups?.[0]?.items).toHaveLength(3);
    expect(register.sources?.description?.fi).toContain('kerran kuukaudessa');
    expect(register.transfers?.outsideEea).toBe(false);
    expect(register.retention?.legalBasis).toEqual([{ ref: '1336/1997' }]);
    expect(register.unplaced).toBeUndefined();
  });

  it('imports the PDF (wrapped lines, bold headings, bullets, page number) to the same draft', () => {
    expect(fromPdf.register).toEqual(fromText.register);
    expect(fromPdf.report.files[0]).toMatchObject({ type: 'pdf', pages: 1 });
    expect(fromPdf.report.dropped).toContainEqual(expect.objectContaining({ reason: 'pageNumber', text: '1' }));
  });

  it('imports the Word document (heading styles, a bulleted list) to the same draft', () => {
    expect(fromDocx.register).toEqual(fromText.register);
    expect(fromDocx.report.files[0]?.type).toBe('docx');
  });

  it('imports the web page to the same draft, leaving out its navigation and footer and saying so', () => {
    expect(fromHtml.register).toEqual(fromText.register);
    expect(fromHtml.report.dropped).toContainEqual(expect.objectContaining({ reason: 'chrome', text: expect.stringContaining('Etusivu') }));
  });
});

describe('a PDF of several pages with a running header', async () => {
  const long = Array.from({ length: 4 }, () => SECTIONS).flat();
  const { register, report } = await load('pitka.pdf', await asPdf(TITLE, long, { header: 'Esimerkkilän kaupunki – Tietosuojaseloste' }));

  it('drops the header and the page numbers once each, lists them, and keeps them out of the draft', () => {
    expect(report.files[0]!.pages).toBeGreaterThan(2);
    const header = report.dropped.find((dropped) => dropped.reason === 'header');
    expect(header).toMatchObject({ text: 'Esimerkkilän kaupunki – Tietosuojaseloste', count: report.files[0]!.pages });
    expect(report.dropped.filter((dropped) => dropped.reason === 'pageNumber').length).toBeGreaterThan(0);
    expect(JSON.stringify(register)).not.toContain('Esimerkkilän kaupunki – Tietosuojaseloste');
  });
});

describe('the old two-column form as a PDF', async () => {
  const rows: [string, string][] = [
    ['1. Rekisterin nimi', 'Vammaispalvelun asiakasrekisteri'],
    ['2. Rekisterinpitäjä', 'Esimerkkilän sosiaali- ja terveyslautakunta\nToinen linja 4 A, PL 6000\n00000 ESIMERKKILÄ'],
    ['3. Yhteyshenkilö rekisteriä koskevissa asioissa', 'Vammaistyön johtaja\npuh. 09 310 5015, vammaistyo@example.com'],
    [
      '4. Henkilötietojen käsittelyn tarkoitus',
      'Rekisteriä käytetään vammaispalvelujen asiakkaan avun tarpeen arviointiin, hakemusten käsittelyyn, palvelupäätösten ja asiakasmaksupäätösten tekemiseen sekä niiden tiedoksiantoon.',
    ],
    ['5. Rekisterin tietosisältö', 'Asiakkaan henkilötiedot, yhteystiedot, palvelutarpeen arviointi, päätökset ja asiakaskertomus.'],
    [
      '6. Säännönmukaiset tietolähteet',
      'Asiakas itse, väestötietojärjestelmä ja muut viranomaiset asiakkaan suostumuksella tai lain nojalla.',
    ],
    ['7. Tietojen siirto EU:n tai ETA:n ulkopuolelle', 'Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.'],
  ];
  const { register, report } = await load('lomake.pdf', await asFormPdf(['REKISTERISELOSTE', 'Laatimispäivä 31.8.2016'], rows));

  it('reads each row as a heading and its value, joining the wrapped lines of both columns', () => {
    expect(report.unknownSections).toEqual([]);
    expect(register).toMatchObject({
      published: '2016-08-31',
      title: { fi: 'Vammaispalvelun asiakasrekisteri' },
      controllers: [
        {
          body: { fi: 'Esimerkkilän sosiaali- ja terveyslautakunta' },
          contact: { postalAddress: { fi: 'Toinen linja 4 A, PL 6000\n00000 ESIMERKKILÄ' } },
        },
      ],
      contactPersons: [{ title: { fi: 'Vammaistyön johtaja' }, phone: '09 310 5015', email: 'vammaistyo@example.com' }],
      purposes: { description: { fi: rows[3]![1] } },
      dataContent: { description: { fi: rows[4]![1] } },
      sources: { description: { fi: rows[5]![1] } },
      transfers: { outsideEea: false },
    });
    expect(register.unplaced).toBeUndefined();
  });
});

describe('headings numbered by the editor, as one-item lists', () => {
  it('reads "<ol><li>Rekisterinpitäjä</li></ol>" followed by its text as a heading', async () => {
    const page = `<main><h1>Tietosuojaseloste</h1><ol><li>Rekisterinpitäjä</li></ol><p>Esimerkkilän kulttuuripalvelut</p>
      <ol><li>Rekisterin nimi</li></ol><p>Lautarekisteri</p>
      <ol><li>Mihin tarkoitukseen henkilötietoja käsitellään?</li></ol><p>Lautojen lainaamiseen.</p><ul><li>lainat</li><li>palautukset</li></ul>
      <ol><li>Mitä tietoja käsitellään?</li></ol><p>Nimi ja puhelinnumero.</p></main>`;
    const { register, report } = await load('sivu.html', new TextEncoder().encode(page));
    expect(report.unknownSections).toEqual([]);
    expect(register).toMatchObject({
      title: { fi: 'Lautarekisteri' },
      controllers: [{ body: { fi: 'Esimerkkilän kulttuuripalvelut' } }],
      purposes: { description: { fi: 'Lautojen lainaamiseen.' }, items: [{ fi: 'lainat' }, { fi: 'palautukset' }] },
      dataContent: { description: { fi: 'Nimi ja puhelinnumero.' } },
    });
  });
});
