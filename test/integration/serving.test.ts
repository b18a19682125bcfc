// The front server: whole public pages from memory with validators and compression, the Host header kept out of
// pages, PDFs and the cache, security headers on every kind of answer, and a shutdown that finishes what it started.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.ts';
import { copyContent, seloste } from '../support/cli.ts';
import { readPdf } from '../support/pdf.ts';
import { rawRequest } from '../support/raw-http.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let content: string;
let dataDir: string;

beforeAll(async () => {
  content = copyContent();
  dataDir = mkdtempSync(path.join(tmpdir(), 'seloste-data-'));
  server = await startServer({ CONTENT_DIR: content, DATA_DIR: dataDir, LOG_REQUESTS: '0', CHANGE_POLL_SECONDS: '1' });
});
afterAll(() => server?.stop());

const get = (pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}${pathname}`, { headers, redirect: 'manual' });
/** The second answer: the first after start renders, and is kept only if content did not change meanwhile. */
const warm = async (pathname: string, headers: Record<string, string> = {}) => {
  await (await get(pathname, headers)).arrayBuffer();
  return get(pathname, headers);
};

function expectSecurityHeaders(headers: Headers, label: string): void {
  expect(headers.get('content-security-policy'), label).toBe(CONTENT_SECURITY_POLICY);
  expect(headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(headers.get('x-frame-options'), label).toBe('DENY');
  expect(headers.get('referrer-policy'), label).toBe('same-origin');
  expect(headers.get('permissions-policy'), label).toContain('camera=()');
}

describe('public pages from the cache', () => {
  it('carry a strong ETag, Last-Modified and five minutes of public caching', async () => {
    const response = await warm('/sv/register/helsinki-atj');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/u);
    expect(Date.parse(response.headers.get('last-modified') ?? '')).toBeGreaterThan(0);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.text()).toContain('Socialvårdens klientdatasystem ATJ');
  });

  it('answer a conditional GET with 304, no body and the security headers', async () => {
    const first = await warm('/fi/rekisterit/helsinki-atj');
    const etag = first.headers.get('etag')!;
    const byTag = await get('/fi/rekisterit/helsinki-atj', { 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe('');
    expect(byTag.headers.get('etag')).toBe(etag);
    expectSecurityHeaders(byTag.headers, '304');
    const byDate = await get('/fi/rekisterit/helsinki-atj', { 'if-modified-since': first.headers.get('last-modified')! });
    expect(byDate.status).toBe(304);
    expect((await get('/fi/rekisterit/helsinki-atj', { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('come compressed with brotli or gzip when asked, each with its own ETag', async () => {
    const plain = await (await warm('/en/registers/example-youth-services')).text();
    const path = '/en/registers/example-youth-services';
    for (const [coding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const response = await rawRequest(server.baseUrl, { method: 'GET', path, headers: { 'accept-encoding': coding } });
      expect(response.headers['content-encoding']).toBe(coding);
      expect(response.headers.vary).toBe('accept-encoding');
      expect(response.headers.etag).toMatch(new RegExp(`-${coding}"$`, 'u'));
      expect(Number(response.headers['content-length'])).toBeLessThan(plain.length / 2);
      const raw = await new Promise<Buffer>((resolve) => {
        request(`${server.baseUrl}${path}`, { headers: { 'accept-encoding': coding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        }).end();
      });
      expect(decode(raw).toString()).toBe(plain);
    }
  });

  it('serve a catalogue search from the cache per query, but never a query that is not a public filter', async () => {
    expect((await warm('/fi/?q=lastensuojelu&format=information-system')).headers.get('etag')).toBeTruthy();
    for (const pathname of ['/fi/?utm_source=newsletter', '/fi/rekisterit/helsinki-atj?q=x', '/fi/?q=a&q=b']) {
      const response = await warm(pathname);
      expect(response.headers.get('etag'), pathname).toBeNull();
      expect(response.headers.get('cache-control'), pathname).toBe('no-store');
    }
  });

  it('keep the login page, staff pages and anything sent with a cookie out of every cache', async () => {
    for (const [pathname, headers] of [
      ['/fi/login', {}],
      ['/fi/staff/', {}],
      ['/fi/rekisterit/helsinki-atj', { cookie: 'seloste_session=whatever' }],
    ] as const) {
      const response = await warm(pathname, headers);
      expect(response.headers.get('cache-control'), pathname).toBe('no-store');
      expect(response.headers.get('etag'), pathname).toBeNull();
    }
  });

  it('are dropped from the cache when a version is published, also by another process', async () => {
    const before = await warm('/sv/');
    const file = path.join(content, 'registers/helsinki-atj.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Socialvårdens klientdatasystem ATJ', 'Socialvårdens klientdatasystem ATJ (ny)'),
    );
    const published = seloste(['publish', 'helsinki-atj', '--note', 'Ny rubrik'], { CONTENT_DIR: content, DATA_DIR: dataDir });
    expect(published.status).toBe(0);
    let html = '';
    for (let attempt = 0; attempt < 50 && !html.includes('ATJ (ny)'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      html = await (await get('/sv/')).text();
    }
    expect(html).toContain('Socialvårdens klientdatasystem ATJ (ny)');
    const after = await warm('/sv/');
    expect(after.headers.get('etag')).toBeTruthy();
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });
});

describe('the Host header', () => {
  const PHISH = 'phish.example';

  it.each(['/en/registers/helsinki-atj', '/registers.json', '/sv/egna-uppgifter'])(
    'never reaches %s, rendered or cached, and does not change its ETag',
    async (pathname) => {
      const forged = await rawRequest(server.baseUrl, { method: 'GET', path: pathname, host: PHISH });
      expect(forged.status).toBe(200);
      expect(forged.body).not.toContain(PHISH);
      const honest = await rawRequest(server.baseUrl, { method: 'GET', path: pathname });
      const again = await rawRequest(server.baseUrl, { method: 'GET', path: pathname, host: `${PHISH}:8080` });
      expect(again.body).toBe(honest.body);
      expect(again.headers.etag).toBeTruthy();
      expect(again.headers.etag).toBe(honest.headers.etag);
    },
  );

  it('never reaches a PDF: its address comes from configuration', async () => {
    const forged = await new Promise<Buffer>((resolve) => {
      const url = new URL(server.baseUrl);
      request({ host: url.hostname, port: url.port, path: '/sv/register/example-youth-services.pdf', headers: { host: PHISH } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      }).end();
    });
    const { text } = await readPdf(new Uint8Array(forged));
    expect(text).not.toContain(PHISH);
    expect(text).toContain(`${server.baseUrl}/sv/register/example-youth-services`);
  });
});

describe('static files', () => {
  it('serve the favicon in SVG, ICO and PNG, linked from every page', async () => {
    const html = await (await get('/fi/')).text();
    for (const [pathname, type] of [
      ['/favicon.svg', 'image/svg+xml'],
      ['/favicon.ico', 'image/x-icon'],
      ['/apple-touch-icon.png', 'image/png'],
    ] as const) {
      expect(html).toContain(`href="${pathname}"`);
      const response = await get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type'), pathname).toBe(type);
      expectSecurityHeaders(response.headers, pathname);
    }
  });

  it('serve the stylesheet as immutable, with 304 for a current copy', async () => {
    const html = await (await get('/fi/')).text();
    const stylesheet = /<link rel="stylesheet" href="(\/_astro\/[^"]+)"/u.exec(html)![1]!;
    const response = await get(stylesheet);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get(stylesheet, { 'if-none-match': response.headers.get('etag')! })).status).toBe(304);
  });
});

describe('security headers', () => {
  it('are on every kind of answer: page, redirect, 404, origin-check 403, 405, 413, 415', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const answers: [string, Response, number][] = [
      ['page', await get('/fi/'), 200],
      ['redirect', await get('/'), 302],
      ['404 page', await get('/sv/no-such-page'), 404],
      [
        'origin check',
        await fetch(`${server.baseUrl}/fi/login`, { method: 'POST', headers: { ...form, origin: 'https://evil.example' }, body: 'a=1' }),
        403,
      ],
      ['405', await fetch(`${server.baseUrl}/fi/`, { method: 'DELETE' }), 405],
      [
        '413',
        await fetch(`${server.baseUrl}/fi/login`, {
          method: 'POST',
          headers: { ...form, origin: server.baseUrl },
          body: 'a='.repeat(10_000),
        }),
        413,
      ],
      [
        '415',
        await fetch(`${server.baseUrl}/fi/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.baseUrl },
          body: '{}',
        }),
        415,
      ],
      ['health', await get('/api/health'), 200],
    ];
    for (const [label, response, status] of answers) {
      expect(response.status, label).toBe(status);
      expectSecurityHeaders(response.headers, label);
    }
  });

  it('refuse in the reader’s language, naming the limit', async () => {
    const response = await fetch(`${server.baseUrl}/sv/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl },
      body: 'a='.repeat(10_000),
    });
    const html = await response.text();
    expect(html).toContain('<html lang="sv"');
    expect(html).toContain('överskrider gränsen för den här adressen, 8 kB');
    const json = await fetch(`${server.baseUrl}/en/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await json.text()).toContain('accepts only form data');
  });

  it('answer 413 to an announced oversize body before it is sent (Expect: 100-continue)', async () => {
    const url = new URL(server.baseUrl);
    const outcome = await new Promise<string>((resolve) => {
      const req = request({
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/fi/login',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(20 * 1024 * 1024),
          expect: '100-continue',
        },
      });
      req.on('continue', () => resolve('continue'));
      req.on('response', (res) => resolve(String(res.statusCode)));
      req.on('error', () => resolve('error'));
      req.flushHeaders();
    });
    expect(outcome).toBe('413');
  });
});

describe('configuration', () => {
  it('takes every printed address from PUBLIC_ORIGIN, and sends HSTS when it is https', async () => {
    const configured = await startServer({ CONTENT_DIR: copyContent(), LOG_REQUESTS: '0', PUBLIC_ORIGIN: 'https://seloste.example.fi' });
    try {
      const page = await (await fetch(`${configured.baseUrl}/sv/register/helsinki-atj`)).text();
      expect(page).toContain('<meta property="og:url" content="https://seloste.example.fi/sv/register/helsinki-atj">');
      expect(page).toContain('<link rel="alternate" hreflang="fi" href="https://seloste.example.fi/fi/rekisterit/helsinki-atj">');
      const list = (await (await fetch(`${configured.baseUrl}/registers.json`)).json()) as { registers: { json: string }[] };
      expect(list.registers[0]!.json).toMatch(/^https:\/\/seloste\.example\.fi\/registers\//u);
      const pdf = await readPdf(new Uint8Array(await (await fetch(`${configured.baseUrl}/fi/rekisterit/helsinki-atj.pdf`)).arrayBuffer()));
      expect(pdf.text).toContain('https://seloste.example.fi/fi/rekisterit/helsinki-atj');
      expect((await fetch(`${configured.baseUrl}/fi/`)).headers.get('strict-transport-security')).toBe('max-age=31536000');
    } finally {
      await configured.stop();
    }
  });

  it('refuses to start with a PUBLIC_ORIGIN that is not an origin, and says which variable', async () => {
    await expect(startServer({ PUBLIC_ORIGIN: 'seloste.example.fi/path' })).rejects.toThrow(/PUBLIC_ORIGIN/u);
  });
});

describe('shutting down', () => {
  it('finishes a request under way on SIGTERM, then lets the store close the database cleanly', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'seloste-data-'));
    const running = await startServer({ DATA_DIR: dataDir, LOG_REQUESTS: '0' });
    // The open database keeps its write-ahead log beside it; a clean close checkpoints it and removes it.
    expect(existsSync(path.join(dataDir, 'seloste.db-wal'))).toBe(true);
    const url = new URL(running.baseUrl);
    const body = 'username=nobody&password=not-the-right-one';
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/fi/login',
          headers: { origin: running.baseUrl, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      // Half the form now, the signal, then the rest: the request is under way when the server is told to stop.
      req.write(body.slice(0, 10));
      setTimeout(() => {
        process.kill(running.pid, 'SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    expect(await answer).toBe(401);
    // The server ends by itself once its hooks have run; a second signal would cut them short.
    const alive = () => {
      try {
        process.kill(running.pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let tries = 0; tries < 200 && alive(); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive()).toBe(false);
    expect(existsSync(path.join(dataDir, 'seloste.db-wal'))).toBe(false);
  });
});
