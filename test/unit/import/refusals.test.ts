import { describe, expect, it } from 'vitest';
import { ImportRefusal } from '../../../src/content/import/errors.ts';
import { importDocuments } from '../../../src/content/import/import-documents.ts';
import { loadContent } from '../../../src/content/load.ts';
import { describeRefusal } from '../../../src/services/import-register.ts';
import { tFor } from '../../../src/i18n/index.ts';
import { asPdf, encryptedPdf, imageOnlyPdf, plainZip } from '../../support/import-fixtures.ts';
import { CONTENT } from '../../support/cli.ts';

const content = await loadContent(CONTENT);
const organisation = content.organisations.get('example-municipality')!;

/** Imports through the worker, as the CLI and the upload form do, and returns the refusal. */
async function refusal(files: { name: string; bytes: Uint8Array }[], options: Parameters<typeof importDocuments>[1] = { organisation }) {
  const error = await importDocuments(files, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportRefusal);
  return error as ImportRefusal;
}

const text = (value: string) => new TextEncoder().encode(value);
const SHORT = [{ heading: 'Rekisterin nimi', paragraphs: ['Testirekisteri'] }];

describe('files an import refuses, each with a clear message in the user’s language', () => {
  it('a 50 MB file, before reading it', async () => {
    const error = await refusal([{ name: 'iso.txt', bytes: new Uint8Array(50 * 1024 * 1024).fill(0x61) }]);
    expect(error).toMatchObject({ code: 'tooLarge', params: { file: 'iso.txt', megabytes: 10 } });
    expect(describeRefusal(error, tFor('fi'))).toBe('iso.txt on liian suuri: tiedosto saa olla enintään 10 Mt.');
    expect(describeRefusal(error, tFor('sv'))).toBe('iso.txt är för stor: filen får vara högst 10 MB.');
    expect(describeRefusal(error, tFor('en'))).toBe('iso.txt is too large: a file may be at most 10 MB.');
  });

  it('an encrypted PDF', async () => {
    const error = await refusal([{ name: 'salattu.pdf', bytes: await encryptedPdf() }]);
    expect(error.code).toBe('encrypted');
    expect(describeRefusal(error, tFor('en'))).toContain('salattu.pdf is encrypted or password-protected');
  });

  it('an image-only (scanned) PDF', async () => {
    const error = await refusal([{ name: 'skannattu.pdf', bytes: await imageOnlyPdf() }]);
    expect(error.code).toBe('scanned');
    expect(describeRefusal(error, tFor('fi'))).toContain('skannattu.pdf sisältää vain kuvia');
  });

  it('a zip archive renamed .docx', async () => {
    const error = await refusal([{ name: 'seloste.docx', bytes: await plainZip() }]);
    expect(error.code).toBe('docxInvalid');
    expect(describeRefusal(error, tFor('sv'))).toContain('seloste.docx är inte ett Word-dokument');
  });

  it('an old binary Word file, a broken PDF and an unknown format', async () => {
    expect(
      (await refusal([{ name: 'vanha.doc', bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }])).code,
    ).toBe('legacyWord');
    expect((await refusal([{ name: 'rikki.pdf', bytes: text('%PDF-1.7\nthis is not a PDF at all') }])).code).toBe('broken');
    expect((await refusal([{ name: 'taulukko.xlsx', bytes: await plainZip() }])).code).toBe('unsupportedType');
  });

  it('a file that takes longer than the time limit, whatever it holds', async () => {
    const error = await refusal([{ name: 'hidas.pdf', bytes: await asPdf('Tietosuojaseloste', SHORT) }], {
      organisation,
      limits: { timeoutMs: 1 },
    });
    expect(error).toMatchObject({ code: 'timeout', params: { file: 'hidas.pdf' } });
  });

  it('more pages than the limit', async () => {
    const error = await refusal([{ name: 'pitka.pdf', bytes: await imageOnlyPdf(3) }], { organisation, limits: { maxPages: 2 } });
    expect(error).toMatchObject({ code: 'tooManyPages', params: { file: 'pitka.pdf', pages: 3, max: 2 } });
  });

  it('two files in the same language, which cannot be one bilingual description', async () => {
    const finnish = text('Rekisterin nimi\n\nAsiakasrekisteri, joka on kunnan asiakkaiden rekisteri ja jota käytetään palveluihin.\n');
    const error = await refusal([
      { name: 'a.txt', bytes: finnish },
      { name: 'b.txt', bytes: finnish },
    ]);
    expect(error).toMatchObject({ code: 'sameLanguage', params: { file: 'b.txt', other: 'a.txt', lang: 'fi' } });
  });

  it('an empty file', async () => {
    expect((await refusal([{ name: 'tyhja.txt', bytes: text('\n\n  \n') }])).code).toBe('empty');
  });
});
