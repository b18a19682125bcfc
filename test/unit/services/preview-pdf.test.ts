import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/user.ts';
import { tFor } from '../../../src/i18n/index.ts';
import { renderPdf } from '../../../src/services/notice-pdf.ts';
import { previewNotice, previewPdf } from '../../../src/services/register-workspace.ts';
import { copyContent } from '../../support/cli.ts';
import { expectValidTaggedPdf, pdfTool } from '../../support/pdf.ts';

const previous = process.env.CONTENT_DIR;
const dora: Actor = { username: 'dora.dpo', roles: { helsinki: ['dpo'] } };
const dir = mkdtempSync(path.join(tmpdir(), 'seloste-preview-pdf-'));

beforeAll(() => {
  process.env.CONTENT_DIR = copyContent();
});
afterAll(() => {
  process.env.CONTENT_DIR = previous;
});

async function preview(lang: 'fi' | 'sv'): Promise<string> {
  const pdf = await previewPdf(dora, 'helsinki-atj', lang, tFor(lang)('workspace.preview.mark'));
  const file = path.join(dir, `atj-${lang}-draft.pdf`);
  writeFileSync(file, pdf!);
  return file;
}

/** The text of each page, as pdftotext gives it (pages end with a form feed). */
const pages = (file: string) => pdfTool('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);

describe('the draft preview PDF', () => {
  it.each([
    ['fi', 'Luonnos – ei julkaistu', 'Sosiaalihuollon asiakastietojärjestelmä ATJ'],
    ['sv', 'Utkast – inte publicerat', 'Socialvårdens klientdatasystem ATJ'],
  ] as const)('in %s marks every page “%s”, and stays tagged', async (lang, mark, title) => {
    const file = await preview(lang);
    const text = pages(file);
    expect(text.length).toBeGreaterThan(1);
    text.forEach((page, index) => expect(page, `page ${index + 1}`).toContain(mark));
    // The document's title says it too, for whoever hears rather than sees the page; the heading stays as published.
    expect(pdfTool('pdfinfo', [file])).toMatch(new RegExp(`Title:\\s+${mark}: ${title}`, 'u'));
    expect(text[0]).toMatch(new RegExp(`^\\s*${title}\\s*$`, 'mu'));
    expectValidTaggedPdf(file);
  });

  it('leaves the published PDF unmarked', async () => {
    const notice = await previewNotice(dora, 'helsinki-atj', 'fi');
    const file = path.join(dir, 'atj-fi.pdf');
    writeFileSync(file, await renderPdf(notice!, 'fi', { origin: 'https://seloste.example.com' }));
    expect(pdfTool('pdftotext', [file, '-'])).not.toContain('Luonnos – ei julkaistu');
  });
});
