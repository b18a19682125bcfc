import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPublishedNotice } from '../../../src/services/notice.ts';
import { renderPdf } from '../../../src/services/notice-pdf.ts';
import type { Block, NoticeView } from '../../../src/render/notice-view.ts';
import { noticeText, sectionOf } from '../../support/notice-text.ts';
import { readPdf } from '../../support/pdf.ts';

let fi: NoticeView;
let pdfText: string;

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve('content');
  const notice = (await getPublishedNotice('example-library-customers', 'fi'))!;
  fi = notice.view;
  pdfText = (await readPdf(await renderPdf(notice, 'fi', { origin: 'https://seloste.example.com' }))).text;
});

const rowsOf = (blocks: Block[]): { label: string; value: string; href?: string }[] =>
  blocks.flatMap((block) =>
    block.kind === 'fields'
      ? block.rows.map((row) => ({ label: row.label, value: row.value.value, href: row.href }))
      : block.kind === 'group'
        ? rowsOf(block.blocks)
        : [],
  );

describe('flows and bases', () => {
  it('shows a disclosure that names only a recipient, on the page and in the PDF', () => {
    const text = noticeText({ ...fi, sections: [sectionOf(fi, 'disclosures')] });
    expect(text).toContain('muut kimpan kirjastot');
    expect(pdfText).toContain('muut kimpan kirjastot');
  });

  it('says which data subjects a disclosure covers', () => {
    expect(rowsOf(sectionOf(fi, 'disclosures').blocks)).toContainEqual(
      expect.objectContaining({ label: 'Koskee rekisteröityjä', value: 'vain asiakkaat, joilla on maksamattomia maksuja' }),
    );
  });

  it('says a transfer is not regular, and may go on to a country not known in advance', () => {
    const text = noticeText({ ...fi, sections: [sectionOf(fi, 'transfers')] });
    expect(text).toContain('Tietoja ei siirretä säännönmukaisesti EU:n tai ETA:n ulkopuolelle');
    expect(text).toContain('ei tiedossa (vastaanottajan kautta)');
  });

  it('gives a legal basis per part of the processing, linked to its balancing test', () => {
    const purpose = sectionOf(fi, 'purpose');
    expect(noticeText({ ...fi, sections: [purpose] })).toContain('asiakaspalautteen kerääminen');
    expect(rowsOf(purpose.blocks)).toContainEqual(expect.objectContaining({ href: 'https://www.example.com/kirjasto/tasapainotesti' }));
  });

  it('shows a retention rule’s review cycle and a period in weeks', () => {
    const text = noticeText({ ...fi, sections: [sectionOf(fi, 'retention')] });
    expect(text).toContain('Tarpeellisuus arvioidaan');
    expect(text).toContain('1 vuosi');
    expect(text).toContain('2 viikkoa');
  });
});

describe('parties', () => {
  it('shows each joint controller’s own DPO under its own name', () => {
    const dpo = sectionOf(fi, 'dpo');
    const headings = dpo.blocks.map((block) => (block.kind === 'group' ? block.heading?.value : undefined));
    expect(headings).toEqual(['Esimerkkilän kaupunki (esimerkki)', 'Esimerkkikirjastot-kimppa (esimerkki)']);
    expect(noticeText({ ...fi, sections: [dpo] })).toContain('Kimpan tietosuojatiimi');
  });

  it('shows a controller’s validity and its role per phase, and the arrangement in the controller section', () => {
    const controller = sectionOf(fi, 'controller');
    const text = noticeText({ ...fi, sections: [controller] });
    expect(text).toContain('31.12.2025 asti');
    expect(text).toContain('tietojen säilyttäminen');
    expect(text).toContain('Yhteisrekisterinpitäjien järjestely');
    expect(fi.sections.findIndex((section) => section.key === 'controller')).toBe(0);
  });

  it('shows a processor’s contact, the controller it acts for and its sub-processors', () => {
    const text = noticeText({ ...fi, sections: [sectionOf(fi, 'disclosures')] });
    expect(text).toContain('Rekisterinpitäjän lukuun');
    expect(text).toContain('tuki@example.com');
    expect(text).toContain('Esimerkkipilvi Oy');
  });
});

describe('contacts as people write them', () => {
  it('shows a team’s shared mailbox, labelled numbers and an obfuscated address as written, unlinked', () => {
    const rows = rowsOf(sectionOf(fi, 'responsible').blocks);
    expect(rows).toContainEqual(expect.objectContaining({ label: 'Puhelin', value: '(09) 1911', href: 'tel:091911' }));
    expect(rows).toContainEqual(expect.objectContaining({ label: 'Puhelin (vaihde)', value: '09 310 1691' }));
    expect(rows).toContainEqual({ label: 'Sähköposti (kirjastonjohtaja)', value: 'kirjastonjohtaja(at)example.com', href: undefined });
    expect(pdfText).toContain('kirjastonjohtaja(at)example.com');
  });
});
