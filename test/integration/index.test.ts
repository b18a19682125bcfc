import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent, seloste } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let content: string;
let dataDir: string;

beforeAll(async () => {
  content = copyContent();
  dataDir = mkdtempSync(path.join(tmpdir(), 'seloste-data-'));
  server = await startServer({ CONTENT_DIR: content, DATA_DIR: dataDir, CHANGE_POLL_SECONDS: '1' });
});
afterAll(() => server?.stop());

const get = (pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}${pathname}`, { headers, redirect: 'manual' });

describe('the public index of registers', () => {
  it('sends / to the reader’s language, Finnish by default', async () => {
    expect((await get('/', { 'accept-language': 'sv-FI,sv;q=0.9' })).headers.get('location')).toBe('/sv/');
    expect((await get('/', { 'accept-language': 'en-GB' })).headers.get('location')).toBe('/en/');
    expect((await get('/')).headers.get('location')).toBe('/fi/');
  });

  it('lists the published ATJ register in Finnish and in Swedish, with the page language set', async () => {
    const fi = await get('/fi/');
    expect(fi.status).toBe(200);
    const fiHtml = await fi.text();
    expect(fiHtml).toContain('<html lang="fi"');
    expect(fiHtml).toContain('Sosiaalihuollon asiakastietojärjestelmä ATJ');
    expect(fiHtml).toContain('Helsingin kaupunki');
    const svHtml = await (await get('/sv/')).text();
    expect(svHtml).toContain('<html lang="sv"');
    expect(svHtml).toContain('Socialvårdens klientdatasystem ATJ');
    expect(svHtml).toContain('Beskrivning av datasystem');
  });

  it('keeps drafts off the public index', async () => {
    const html = await (await get('/sv/')).text();
    expect(html).not.toContain('Klientregister för mottagning av invandrare');
    expect(html).not.toContain('ProConsona');
  });

  it('marks an English reader’s fallback to Finnish with the right lang attribute', async () => {
    const html = await (await get('/en/')).text();
    expect(html).toMatch(/<a href="\/en\/registers\/helsinki-atj" lang="fi">\s*Sosiaalihuollon asiakastietojärjestelmä ATJ/u);
    expect(html).toContain('Not available in English');
  });

  it('answers unknown languages and paths with a localized 404', async () => {
    const unknownLanguage = await get('/de/');
    expect(unknownLanguage.status).toBe(404);
    expect(await unknownLanguage.text()).toContain('Sivua ei löytynyt');
    const unknownPath = await get('/sv/no-such-page');
    expect(unknownPath.status).toBe(404);
    expect(await unknownPath.text()).toContain('Sidan hittades inte');
  });

  it('sends a Content-Security-Policy and no-sniff headers', async () => {
    const response = await get('/fi/');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('shows an edited content file once it is published, without a restart, and never a file that fails the checks', async () => {
    const file = path.join(content, 'registers/helsinki-atj.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('Socialvårdens klientdatasystem ATJ', 'Socialvårdens klientdatasystem ATJ (ändrad)'));
    // An edited working copy is not public: only a published version is.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await (await get('/sv/')).text()).not.toContain('(ändrad)');
    const env = { CONTENT_DIR: content, DATA_DIR: dataDir, SELOSTE_LANG: 'en' };
    expect(seloste(['publish', 'helsinki-atj', '--note', 'Swedish title corrected'], env).status).toBe(0);
    let html = '';
    for (let attempt = 0; attempt < 50 && !html.includes('(ändrad)'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      html = await (await get('/sv/')).text();
    }
    expect(html).toContain('Socialvårdens klientdatasystem ATJ (ändrad)');
    const notice = await (await get('/sv/register/helsinki-atj')).text();
    expect(notice).toContain('Version 2, i kraft sedan');

    // A file broken by hand is refused at publishing, and the last good version is still served.
    writeFileSync(file, original.replace('format: information-system', 'format: no-such-format'));
    const refused = seloste(['publish', 'helsinki-atj', '--note', 'Broken'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('helsinki-atj: publishing refused because of errors:');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const still = await get('/sv/register/helsinki-atj');
    expect(still.status).toBe(200);
    expect(await still.text()).toContain('Socialvårdens klientdatasystem ATJ (ändrad)');
    // Version 1 keeps its own address.
    const first = await (await get('/sv/register/helsinki-atj/versions/1')).text();
    expect(first).toContain('Socialvårdens klientdatasystem ATJ<');
    expect(first).toContain('Version 1, i kraft sedan');
  });

  it('logs only the method, route pattern, status and duration of each request', () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(Object.keys(JSON.parse(line) as object).sort()).toEqual(['method', 'ms', 'route', 'status']);
    expect(server.output()).not.toContain('no-such-page');
  });
});
