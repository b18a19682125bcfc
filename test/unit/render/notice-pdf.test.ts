import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/domain/language.ts';
import { loadContent } from '../../../src/content/load.ts';
import { registerSchema } from '../../../src/domain/register.ts';
import { tFor } from '../../../src/i18n/index.ts';
import { buildNoticeView } from '../../../src/render/notice-view.ts';
import { getPublishedNotice, type Notice } from '../../../src/services/notice.ts';
import { renderPdf } from '../../../src/services/notice-pdf.ts';
import { usePublishedStore } from '../../../src/services/published.ts';
import { publishOnFirstStart } from '../../../src/services/publishing.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { freshDatabase } from '../../support/databases.ts';
import { expectValidTaggedPdf, pdfTool, readPdf, type ReadPdf } from '../../support/pdf.ts';

const FIXED = new Date('2026-01-15T12:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'seloste-pdf-'));

async function pdfOf(id: string, lang: Lang): Promise<{ bytes: Uint8Array; file: string; read: ReadPdf }> {
  const notice = await getPublishedNotice(id, lang);
  if (!notice) throw new Error(`${id} is not published`);
  const bytes = await renderPdf(notice, lang, { origin: 'https://seloste.example.com', creationDate: FIXED });
  const file = path.join(dir, `${id}-${lang}.pdf`);
  writeFileSync(file, bytes);
  return { bytes, file, read: await readPdf(bytes) };
}

let atjFi: Awaited<ReturnType<typeof pdfOf>>;
let atjSv: Awaited<ReturnType<typeof pdfOf>>;

let store: Store;

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve('content');
  // Notices are served from published versions: publish the demo as the server's first start does.
  store = await openStore(await freshDatabase('sqlite'));
  await publishOnFirstStart(store);
  usePublishedStore(store);
  [atjFi, atjSv] = await Promise.all([pdfOf('helsinki-atj', 'fi'), pdfOf('helsinki-atj', 'sv')]);
});

afterAll(async () => {
  usePublishedStore(undefined);
  await store?.close();
});

describe('the PDF notice of ATJ', () => {
  it('declares its title, its language, PDF/UA and that it is tagged', () => {
    expect(atjFi.read).toMatchObject({
      title: 'Sosiaalihuollon asiakastietojärjestelmä ATJ',
      language: 'fi-FI',
      pdfUaPart: '1',
      marked: true,
    });
    expect(atjSv.read).toMatchObject({ title: 'Socialvårdens klientdatasystem ATJ', language: 'sv-FI', pdfUaPart: '1', marked: true });
  });

  it('has every section heading of the web page’s view model, and key values, in its language', async () => {
    for (const lang of ['fi', 'sv'] as const) {
      const { view } = (await getPublishedNotice('helsinki-atj', lang))!;
      const read = lang === 'fi' ? atjFi.read : atjSv.read;
      expect(view.sections.length).toBeGreaterThan(10);
      for (const section of view.sections) expect(read.text, section.heading).toContain(section.heading);
    }
    expect(atjFi.read.text).toContain('alkaen vuodesta 1988');
    expect(atjFi.read.text).toContain('Tietojärjestelmäseloste');
    expect(atjFi.read.text).toContain('https://seloste.example.com/fi/rekisterit/helsinki-atj');
    expect(atjSv.read.text).toContain('Datasystemets namn');
    expect(atjSv.read.text).toContain('från och med år 1988');
    expect(atjSv.read.text).toContain('Logguppgifter');
    expect(atjSv.read.text).toContain('Dataombudsmannens byrå');
    expect(atjSv.read.text).not.toContain('Tietojärjestelmän nimi');
  });

  it('has a structure tree of headings, paragraphs, lists and tables', () => {
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD'])
      expect(atjFi.read.roles.get(role), role).toBeGreaterThan(0);
    expect(atjFi.read.roles.get('H1')).toBe(1);
  });

  it('has a bookmark for each section', () => {
    expect(atjSv.read.outline).toEqual(
      expect.arrayContaining(['Datasystemets namn', 'Sekretessbelagda uppgifter', 'Den registrerades rättigheter']),
    );
  });

  it('passes qpdf --check, embeds every font, and pdfinfo calls it tagged', () => {
    for (const { file } of [atjFi, atjSv]) expectValidTaggedPdf(file);
  });

  it('gives the title with pdftotext', () => {
    expect(pdfTool('pdftotext', [atjFi.file, '-'])).toContain('Sosiaalihuollon asiakastietojärjestelmä ATJ');
    expect(pdfTool('pdftotext', [atjSv.file, '-'])).toContain('Socialvårdens klientdatasystem ATJ');
  });

  it('is byte-for-byte the same when rendered twice with a fixed date', async () => {
    const again = await pdfOf('helsinki-atj', 'fi');
    expect(Buffer.from(again.bytes).equals(Buffer.from(atjFi.bytes))).toBe(true);
  });
});

describe('fallbacks and languages in the PDF', () => {
  it('tags Finnish text inside an English notice with its own language, and says it is a fallback', async () => {
    const { read } = await pdfOf('helsinki-atj', 'en');
    expect(read.language).toBe('en-GB');
    expect(read.langs).toContain('fi-FI');
    expect(read.text).toContain('This notice is not fully available in English. What is missing is shown in: Finnish.');
  });

  it('prints Finnish and Swedish letters, the section sign and dashes from the embedded font', async () => {
    const { read } = await pdfOf('example-youth-services', 'sv');
    expect(read.text).toMatch(/[åäöÅÄÖ]/u);
    expect(read.text).toContain('§');
    expect(read.text).toMatch(/[–—]/u);
  });
});

describe('long content', () => {
  it('breaks long tables and long words across pages without losing text', async () => {
    const word = `Pitkä${'sanaketju'.repeat(40)}loppu`;
    const register = registerSchema.parse({
      id: 'long-tables',
      format: 'gdpr-notice',
      status: 'published',
      organisation: 'example-municipality',
      version: 1,
      updated: '2026-11-01',
      title: { fi: 'Pitkien taulukoiden rekisteri' },
      purposes: { description: { fi: `Alku ${word} ja loppu.` } },
      retention: {
        rules: Array.from({ length: 120 }, (_, index) => ({
          data: { fi: `Tietoryhmä ${index + 1} ${index % 10 === 0 ? word : 'asiakirjat ja niiden liitteet'}` },
          period: 'P10Y',
          trigger: { fi: `rivi-${index + 1}-loppu` },
        })),
      },
    });
    const organisations = (await loadContent(path.resolve('content'))).organisations;
    const view = buildNoticeView({
      register,
      organisations,
      lang: 'fi',
      t: tFor('fi'),
      templates: { rights: 'Oikeudet.', complaint: 'Valitus.' },
      yourDataUrl: '/fi/omat-tiedot',
    });
    const bytes = await renderPdf({ view } as Notice, 'fi', { origin: 'https://seloste.example.com', creationDate: FIXED });
    const read = await readPdf(bytes);
    expect(read.pages).toBeGreaterThan(3);
    for (let row = 1; row <= 120; row++) expect(read.text, `row ${row}`).toContain(`rivi-${row}-loppu`);
    expect(read.text.replace(/\s+/gu, '')).toContain(word);
    expect(read.roles.get('TR')).toBeGreaterThanOrEqual(121);
  });
});
