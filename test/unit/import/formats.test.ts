import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../../src/content/import/import-documents.ts';
import { loadContent } from '../../../src/content/load.ts';
import { asDocx, asPdf, asText, type KnownSection } from '../../support/import-fixtures.ts';
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
