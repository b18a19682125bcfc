import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRegister } from '../../../src/domain/catalogue-rules.ts';
import { loadContent } from '../../../src/content/load.ts';
import { getPublishedNotice } from '../../../src/services/notice.ts';
import { renderPdf } from '../../../src/services/notice-pdf.ts';
import { CONTENT } from '../../support/cli.ts';
import { readPdf } from '../../support/pdf.ts';

const content = await loadContent(CONTENT);

beforeAll(() => {
  process.env.CONTENT_DIR = path.resolve('content');
});

describe('a recorded language exception', () => {
  it('lets a register be published before its translation exists: the gaps are warnings', () => {
    const library = content.registers.get('example-library-customers')!.register;
    const missingEnglish = checkRegister(library, content.organisations).filter(
      (finding) => finding.key === 'errors.language.missing' && finding.params?.lang === 'en',
    );
    expect(missingEnglish.length).toBeGreaterThan(10);
    expect(missingEnglish.every((finding) => finding.severity === 'warning')).toBe(true);
    const { languageExceptions: _exceptions, ...without } = library;
    expect(checkRegister(without, content.organisations).some((finding) => finding.severity === 'error')).toBe(true);
  });

  it('is said once, at the top, in the missing language, with its reason and date, on the page and in the PDF', async () => {
    const notice = (await getPublishedNotice('example-library-customers', 'en'))!;
    expect(notice.view.fallback).toMatchObject({
      langs: ['fi'],
      exception: { reason: { value: 'The translation has been ordered from a translation agency.' }, until: '2027-03-31' },
    });
    expect(notice.view.sections.every((section) => section.fallbackLangs.length === 0)).toBe(true);
    const text = (await readPdf(await renderPdf(notice, 'en', { origin: 'https://seloste.example.com' }))).text;
    expect(text.match(/not yet ready/gu)).toHaveLength(1);
    expect(text).toContain('The translation has been ordered from a translation agency.');
    expect(text).toContain('31 March 2027');
  });
});

describe('a notice not in the reader’s language', () => {
  it('says so once, not in every section (ATJ in English)', async () => {
    const notice = (await getPublishedNotice('helsinki-atj', 'en'))!;
    expect(notice.view.fallback).toEqual({ langs: ['fi'] });
    expect(notice.view.sections.filter((section) => section.fallbackLangs.length > 0)).toEqual([]);
    const text = (await readPdf(await renderPdf(notice, 'en', { origin: 'https://seloste.example.com' }))).text;
    expect(text.match(/not fully available in English/gu)).toHaveLength(1);
  });
});
