import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/render/markdown.ts';
import type { NoticeView } from '../../../src/render/notice-view.ts';
import { renderNoticePdf } from '../../../src/render/pdf/notice-pdf.ts';
import { getPublishedNotice } from '../../../src/services/notice.ts';
import { renderPdf } from '../../../src/services/notice-pdf.ts';
import { readTemplate } from '../../../src/content/templates.ts';
import { readJsonTemplate } from '../../../src/content/templates.ts';
import { pdfLabelsSchema, pdfLayoutSchema } from '../../../src/render/pdf/pdf-templates.ts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdf, type ReadPdf } from '../../support/pdf.ts';

let pdf: ReadPdf;
let view: NoticeView;

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve('content');
  const notice = (await getPublishedNotice('example-library-customers', 'fi'))!;
  view = notice.view;
  pdf = await readPdf(await renderPdf(notice, 'fi', { origin: 'https://seloste.example.com' }));
});

describe('markdown in a notice, on the page', () => {
  it('renders a table as a table with header cells', () => {
    const html = renderMarkdown('| Tieto | Käyttötarkoitus |\n| --- | --- |\n| nimi | tunnistaminen |', 'fi');
    expect(html).toContain('<table>');
    expect(html).toContain('<th>Tieto</th>');
    expect(html).toContain('<td>tunnistaminen</td>');
  });

  it('renders a sub-heading under the section’s outline, and a fixed page’s headings at their own level', () => {
    expect(renderMarkdown('### Tiedot\n\nteksti', 'fi')).toContain('<h4>Tiedot</h4>');
    expect(renderMarkdown('## Tiedot', 'fi')).toContain('<h3>Tiedot</h3>');
    expect(renderMarkdown('## Mitä voit pyytää', 'fi', 'page')).toContain('<h2>Mitä voit pyytää</h2>');
  });

  it('renders the fixed pages’ headings as headings, not literal ## text', async () => {
    for (const [page, lang] of [
      ['pages/your-data', 'fi'],
      ['pages/your-data', 'sv'],
      ['pages/your-data', 'en'],
      ['pages/accessibility', 'fi'],
    ] as const) {
      const html = renderMarkdown(await readTemplate(page, lang, { feedbackEmail: 'saavutettavuus@example.com' }), lang, 'page');
      expect(html, page).toMatch(/<h2>/u);
      expect(html, page).not.toContain('##');
    }
  });

  it('links (679/2016) and 2016/679 to the GDPR on EUR-Lex, and a Finnish act to Finlex', () => {
    const html = renderMarkdown('Tietosuoja-asetus (679/2016), förordningen 2016/679 ja julkisuuslaki 621/1999.', 'fi');
    const hrefs = [...html.matchAll(/href="([^"]+)"/gu)].map((match) => match[1]);
    expect(hrefs).toEqual([
      'https://eur-lex.europa.eu/legal-content/FI/TXT/?uri=CELEX:32016R0679',
      'https://eur-lex.europa.eu/legal-content/FI/TXT/?uri=CELEX:32016R0679',
      'https://www.finlex.fi/fi/lainsaadanto/1999/621',
    ]);
  });

  it('marks a passage in another language with its language', () => {
    expect(renderMarkdown('Nimi ruotsiksi: [Exempelbiblioteken]{lang=sv}.', 'fi')).toContain(
      '<span lang="sv-FI">Exempelbiblioteken</span>',
    );
  });
});

describe('markdown in a notice, in the PDF', () => {
  it('lays out a markdown table as a tagged table with header cells', () => {
    expect(view.sections.find((section) => section.key === 'purpose')).toBeDefined();
    expect(pdf.roles.get('TH') ?? 0).toBeGreaterThan(0);
    expect(pdf.text).toContain('nimi ja yhteystiedot asiakkaan tunnistaminen ja yhteydenpito');
  });

  it('keeps a numbered list’s numbers and a nested list inside its item', () => {
    expect(pdf.text).toMatch(
      /1\. Asiakas täyttää ilmoittautumislomakkeen\. 2\. Kirjasto tarkistaa henkilöllisyyden • henkilökortista tai • passista\. 3\. Asiakas saa/u,
    );
  });

  it('keeps line breaks: an address prints one row per line', async () => {
    const notice = (await getPublishedNotice('example-library-customers', 'fi'))!;
    const bytes = await renderPdf(notice, 'fi', { origin: 'https://seloste.example.com' });
    const task = getDocument({ data: new Uint8Array(bytes) });
    const document = await task.promise;
    const ys = new Map<string, number>();
    for (let number = 1; number <= document.numPages; number++) {
      for (const item of (await (await document.getPage(number)).getTextContent()).items)
        if ('str' in item && ['Esimerkkikirjastot-kimppa', 'PL 200', '00000 Esimerkkilä'].includes(item.str))
          ys.set(item.str, item.transform[5] as number);
    }
    await task.destroy();
    expect(ys.get('Esimerkkikirjastot-kimppa')!).toBeGreaterThan(ys.get('PL 200')!);
    expect(ys.get('PL 200')!).toBeGreaterThan(ys.get('00000 Esimerkkilä')!);
  });

  it('tags a passage in another language with that language', () => {
    expect(pdf.langs).toContain('sv-FI');
    expect(pdf.roles.get('Span') ?? 0).toBeGreaterThan(0);
  });

  it('renders a sub-heading inside a text as a heading', () => {
    expect(pdf.roles.get('H3') ?? 0).toBeGreaterThan(0);
    expect(pdf.text).toContain('Tiedot ja niiden käyttötarkoitus');
  });

  it('never leaves a table’s caption and header alone at the foot of a page', async () => {
    const [layout, labels] = await Promise.all([
      readJsonTemplate('pdf/layout', pdfLayoutSchema),
      readJsonTemplate('pdf/fi', pdfLabelsSchema),
    ]);
    const plain = (value: string) => ({ value, lang: 'fi' as const, isFallback: false });
    const pagesOfRow = new Set<number>();
    for (let filler = 10; filler < 80; filler += 2) {
      const synthetic: NoticeView = {
        ...view,
        sections: [
          {
            key: 'retention',
            heading: 'Säilytysaika',
            fallbackLangs: [],
            blocks: [
              ...Array.from({ length: filler }, (_v, index) => ({ kind: 'markdown' as const, text: plain(`Kappale ${index}.`) })),
              {
                kind: 'table',
                caption: 'Säilytysajat',
                head: ['Tiedot', 'Säilytysaika'],
                rows: [[plain('ensimmäinen rivi'), plain('3 vuotta')]],
              },
            ],
          },
        ],
      };
      const bytes = await renderNoticePdf(synthetic, {
        layout,
        labels,
        languageNames: { fi: 'suomi', sv: 'ruotsi', en: 'englanti' },
        formatDate: (date) => date,
      });
      const task = getDocument({ data: new Uint8Array(bytes) });
      const document = await task.promise;
      const pageOf = async (text: string) => {
        for (let number = 1; number <= document.numPages; number++)
          if ((await (await document.getPage(number)).getTextContent()).items.some((item) => 'str' in item && item.str === text))
            return number;
        return 0;
      };
      const [caption, head, row] = [await pageOf('Säilytysajat'), await pageOf('Tiedot'), await pageOf('ensimmäinen rivi')];
      await task.destroy();
      pagesOfRow.add(row);
      expect([caption, head], `with ${filler} paragraphs before the table`).toEqual([row, row]);
    }
    // The range of fillers walks the table across a page break.
    expect(pagesOfRow.size).toBeGreaterThan(1);
  });
});
