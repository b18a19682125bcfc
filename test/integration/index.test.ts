import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let content: string;

beforeAll(async () => {
  content = copyContent();
  server = await startServer({ CONTENT_DIR: content });
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

  it('shows an edited content file without a restart', async () => {
    const file = path.join(content, 'registers/helsinki-atj.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Socialvårdens klientdatasystem ATJ', 'Socialvårdens klientdatasystem ATJ (ändrad)'),
    );
    let html = '';
    for (let attempt = 0; attempt < 50 && !html.includes('(ändrad)'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      html = await (await get('/sv/')).text();
    }
    expect(html).toContain('Socialvårdens klientdatasystem ATJ (ändrad)');
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
