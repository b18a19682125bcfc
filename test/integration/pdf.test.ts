import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent, seloste } from '../support/cli.ts';
import { readPdf } from '../support/pdf.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let content: string;
let dataDir: string;
const freshData = () => mkdtempSync(path.join(tmpdir(), 'seloste-data-'));

beforeAll(async () => {
  content = copyContent();
  dataDir = freshData();
  server = await startServer({
    CONTENT_DIR: content,
    DATA_DIR: dataDir,
    LOG_REQUESTS: '0',
    SOURCE_DATE_EPOCH: '1767225600',
    CHANGE_POLL_SECONDS: '1',
  });
});
afterAll(() => server?.stop());

const get = (pathname: string) => fetch(`${server.baseUrl}${pathname}`);

describe('the PDF route', () => {
  it('serves a tagged PDF of a published register in each language, linked from its page', async () => {
    const page = await (await get('/sv/register/helsinki-atj')).text();
    expect(page).toContain('href="/sv/register/helsinki-atj.pdf"');
    const response = await get('/sv/register/helsinki-atj.pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 8)).toString()).toBe('%PDF-1.7');
    const read = await readPdf(bytes);
    expect(read).toMatchObject({ title: 'Socialvårdens klientdatasystem ATJ', language: 'sv-FI', marked: true });
    expect(read.text).toContain(`${server.baseUrl}/sv/register/helsinki-atj`);
  });

  it('answers 404 for drafts, unknown registers and the wrong language’s path', async () => {
    expect((await get('/sv/register/helsinki-reception-clients.pdf')).status).toBe(404);
    expect((await get('/fi/rekisterit/no-such-register.pdf')).status).toBe(404);
    expect((await get('/fi/register/helsinki-atj.pdf')).status).toBe(404);
  });

  it('serves the cached file until a new version is published', async () => {
    const first = Buffer.from(await (await get('/fi/rekisterit/helsinki-atj.pdf')).arrayBuffer());
    const second = Buffer.from(await (await get('/fi/rekisterit/helsinki-atj.pdf')).arrayBuffer());
    expect(second.equals(first)).toBe(true);
    const file = path.join(content, 'registers/helsinki-atj.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'Sosiaalihuollon asiakastietojärjestelmä ATJ',
        'Sosiaalihuollon asiakastietojärjestelmä ATJ (muutettu)',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const unpublished = Buffer.from(await (await get('/fi/rekisterit/helsinki-atj.pdf')).arrayBuffer());
    expect(unpublished.equals(first)).toBe(true);
    expect(seloste(['publish', 'helsinki-atj', '--note', 'Otsikko muutettu'], { CONTENT_DIR: content, DATA_DIR: dataDir }).status).toBe(0);
    let title: unknown;
    for (let attempt = 0; attempt < 50 && title !== 'Sosiaalihuollon asiakastietojärjestelmä ATJ (muutettu)'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      title = (await readPdf(new Uint8Array(await (await get('/fi/rekisterit/helsinki-atj.pdf')).arrayBuffer()))).title;
    }
    expect(title).toBe('Sosiaalihuollon asiakastietojärjestelmä ATJ (muutettu)');
  });
});

describe('seloste pdf', () => {
  it('writes every published register in the languages asked, with plain progress lines off a terminal', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'seloste-pdf-out-'));
    const result = seloste(['pdf', '--lang', 'fi,sv', '--out', out, '--content', copyContent()], {
      SELOSTE_LANG: 'en',
      DATA_DIR: freshData(),
    });
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'example-library-customers-fi.pdf',
      'example-library-customers-sv.pdf',
      'example-youth-services-fi.pdf',
      'example-youth-services-sv.pdf',
      'helsinki-atj-fi.pdf',
      'helsinki-atj-sv.pdf',
    ]);
    expect(result.stdout).toMatch(/^1\/6 example-library-customers-fi\.pdf$/mu);
    expect(result.stdout).toMatch(/^6\/6 helsinki-atj-sv\.pdf$/mu);
    expect(result.stdout).toContain('Wrote 6 PDF files');
  });

  it('names an unknown register and exits 1', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'seloste-pdf-out-'));
    const result = seloste(['pdf', '--lang', 'en', '--out', out, 'helsinki-atj', 'atlantis'], { DATA_DIR: freshData() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('There is no published register “atlantis”.');
    expect(readdirSync(out)).toEqual(['helsinki-atj-en.pdf']);
  });
});
