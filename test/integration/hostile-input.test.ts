// No input makes any route answer 500: a table of hostile requests is fired at every route in src/pages, and each
// must get a 4xx that carries the security headers.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMITS, ruleFor } from '../../src/server/route-rules.ts';
import { copyContent } from '../support/cli.ts';
import { rawRequest, type RawRequest, type RawResponse } from '../support/raw-http.ts';
import { examplePath, pageRoutes } from '../support/routes.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ CONTENT_DIR: copyContent() });
});
afterAll(() => server?.stop());

const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy'];

function expectRefused(response: RawResponse, label: string): void {
  expect(response.status, label).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  for (const name of SECURITY_HEADERS) expect(response.headers[name], `${label}: ${name}`).toBeTruthy();
  expect(response.headers['content-security-policy'], label).toMatch(/^default-src 'none'/u);
}

const form = 'application/x-www-form-urlencoded';
const brokenMultipart = Buffer.from('--xyz\r\nContent-Disposition: form-data; name="username"\r\n\r\naino\r\n--xy');

type Kind = 'form' | 'signOut' | 'readOnly';

/** Hostile requests, each with what a route must answer: one that reads a form, sign-out (POST, no body), and the rest. */
const HOSTILE: { name: string; request: Omit<RawRequest, 'path'>; expect: Record<Kind, number> }[] = [
  { name: 'TRACE', request: { method: 'TRACE' }, expect: { form: 405, signOut: 405, readOnly: 405 } },
  { name: 'PUT with a body', request: { method: 'PUT', body: Buffer.from('x=1') }, expect: { form: 405, signOut: 405, readOnly: 405 } },
  { name: 'DELETE', request: { method: 'DELETE' }, expect: { form: 405, signOut: 405, readOnly: 405 } },
  { name: 'OPTIONS', request: { method: 'OPTIONS' }, expect: { form: 405, signOut: 405, readOnly: 405 } },
  { name: 'PROPFIND', request: { method: 'PROPFIND' }, expect: { form: 405, signOut: 405, readOnly: 405 } },
  {
    name: 'POST of JSON',
    request: { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from('{"username":"aino"}') },
    expect: { form: 415, signOut: 413, readOnly: 405 },
  },
  {
    name: 'POST without a content type',
    request: { method: 'POST', body: Buffer.from('username=aino') },
    expect: { form: 415, signOut: 413, readOnly: 405 },
  },
  {
    name: 'POST without a content type or a body',
    request: { method: 'POST' },
    expect: { form: 415, signOut: 403, readOnly: 405 },
  },
  {
    name: 'POST of plain text',
    request: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: Buffer.from('hello') },
    expect: { form: 415, signOut: 413, readOnly: 405 },
  },
  {
    name: 'POST of a broken multipart body',
    request: { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: brokenMultipart },
    expect: { form: 400, signOut: 413, readOnly: 405 },
  },
  {
    name: 'POST of multipart without a boundary',
    request: { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: Buffer.from('username=aino') },
    expect: { form: 400, signOut: 413, readOnly: 405 },
  },
  {
    name: 'POST declaring 64 MB',
    request: { method: 'POST', headers: { 'content-type': form, 'content-length': String(64 * 1024 * 1024) }, body: Buffer.from('a=') },
    expect: { form: 413, signOut: 413, readOnly: 405 },
  },
  {
    name: 'POST of an endless chunked body',
    request: { method: 'POST', headers: { 'content-type': form }, body: 'endless' },
    expect: { form: 413, signOut: 413, readOnly: 405 },
  },
  {
    name: 'a form POST without Origin',
    request: { method: 'POST', headers: { 'content-type': form }, body: Buffer.from('a=1') },
    expect: { form: 403, signOut: 413, readOnly: 405 },
  },
  {
    name: 'GET with a body',
    request: { method: 'GET', headers: { 'content-type': form }, body: Buffer.from('a=1') },
    expect: { form: 413, signOut: 405, readOnly: 413 },
  },
  { name: 'an empty Host', request: { method: 'GET', host: '' }, expect: { form: 400, signOut: 400, readOnly: 400 } },
  { name: 'a Host with a space', request: { method: 'GET', host: 'evil example' }, expect: { form: 400, signOut: 400, readOnly: 400 } },
  { name: 'a Host with a path', request: { method: 'GET', host: 'evil.example/x' }, expect: { form: 400, signOut: 400, readOnly: 400 } },
  { name: 'a Host of 300 letters', request: { method: 'GET', host: 'a'.repeat(300) }, expect: { form: 400, signOut: 400, readOnly: 400 } },
  { name: 'an unclosed IPv6 Host', request: { method: 'GET', host: '[::1' }, expect: { form: 400, signOut: 400, readOnly: 400 } },
];

function kindOf(path: string): Kind {
  const rule = ruleFor(path);
  if (!rule.methods.includes('POST')) return 'readOnly';
  return BODY_LIMITS[rule.body] > 0 ? 'form' : 'signOut';
}

describe('hostile input at every route', () => {
  const routes = pageRoutes();

  it('covers every route in src/pages', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  for (const { route } of routes) {
    it(`${route} answers every hostile request with a 4xx and the security headers`, async () => {
      const path = examplePath(route);
      const kind = kindOf(path);
      for (const hostile of HOSTILE) {
        const response = await rawRequest(server.baseUrl, { ...hostile.request, path });
        const label = `${hostile.name} → ${path}`;
        expectRefused(response, label);
        expect(response.status, label).toBe(hostile.expect[kind]);
        if (response.status === 405) expect(response.headers.allow, label).toMatch(/^(GET, HEAD(, POST)?|POST)$/u);
      }
    });
  }

  const longPath = `/fi/${'a'.repeat(6000)}`;
  it.each(
    [
      '/fi/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/fi/rekisterit/..%2f..%2fstaff',
      '/fi/%00',
      '/fi/%ff',
      '/fi/rekisterit/%3Cscript%3E',
      '/fi\\staff',
      '//evil.example/',
      longPath,
      '/_image?href=https://evil.example/x.png&w=100',
      '/_server-islands/x',
      '/_astro/../../package.json',
      '/_astro/no-such-file.css',
    ].map((path) => ({ path, name: path === longPath ? 'a path of 6,000 letters' : path })),
  )('answers $name with a 4xx and the security headers', async ({ path, name }) => {
    expectRefused(await rawRequest(server.baseUrl, { method: 'GET', path }), name);
  });

  /** What the server writes back to bytes sent on a bare socket, for requests that never become a request object. */
  const onSocket = (bytes: string) =>
    new Promise<string>((resolve, reject) => {
      const url = new URL(server.baseUrl);
      let answer = '';
      const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes));
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });

  it.each([
    ['CONNECT', 'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n', 405],
    ['a request line Node cannot parse', 'GET /fi/ HTTP/1.1 extra\r\nHost: x\r\n\r\n', 400],
    ['a header of 40 KB', `GET /fi/ HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(40_000)}\r\n\r\n`, 431],
  ])('answers %s with a 4xx and the security headers', async (_name, bytes, status) => {
    const answer = await onSocket(bytes);
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `, 'u'));
    for (const name of SECURITY_HEADERS) expect(answer.toLowerCase()).toContain(`\r\n${name}: `);
  });

  it('never answered 500, and logged no failure', () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(lines.filter((line) => (JSON.parse(line) as { status?: number }).status! >= 500)).toEqual([]);
    expect(server.output()).not.toMatch(/Could not render|request failed|Internal Server Error/u);
  });
});
