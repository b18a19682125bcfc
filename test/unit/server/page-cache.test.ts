import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PageCache } from '../../../src/server/page-cache.ts';
import { addChangeSource, publicContentChanged, publicGeneration } from '../../../src/services/public-changes.ts';
import { CACHE_UNTIL_HEADER } from '../../../src/services/response-hints.ts';

const NOTICE = '/[lang]/[collection]/[id]';
const html = { 'content-type': 'text/html' };

function request(url: string, headers: Record<string, string> = {}, method = 'GET'): IncomingMessage {
  return { method, url, headers } as unknown as IncomingMessage;
}

function target(url: string) {
  const [pathname = '', query] = url.split('?');
  return { pathname, search: query ? `?${query}` : '' };
}

/** A response that records what the cache sent. */
function recorder() {
  const sent: { status?: number; headers?: string[]; body?: Buffer } = {};
  const res = {
    writeHead: (status: number, headers: string[]) => Object.assign(sent, { status, headers }),
    end: (body?: Buffer) => Object.assign(sent, { body }),
  } as unknown as ServerResponse;
  return { res, sent, header: (name: string) => sent.headers?.[sent.headers.indexOf(name) + 1] };
}

function keepPage(cache: PageCache, url: string, body = 'x'.repeat(1000), route = NOTICE, headers: Record<string, string> = html) {
  const key = cache.cacheable(request(url), target(url), publicGeneration())!;
  return cache.keep(key, publicGeneration(), route, headers, Buffer.from(body), Date.now());
}

function lookup(cache: PageCache, url: string, headers: Record<string, string> = {}, now = Date.now()) {
  const key = cache.cacheable(request(url, headers), target(url), publicGeneration());
  return key && cache.lookup(key, now);
}

describe('the page cache', () => {
  let removeSource: (() => void) | undefined;
  afterEach(() => removeSource?.());

  it('keeps a public page and finds it again by path alone', () => {
    const cache = new PageCache(1024 * 1024, []);
    expect(keepPage(cache, '/fi/rekisterit/helsinki-atj')).toBeDefined();
    expect(lookup(cache, '/fi/rekisterit/helsinki-atj')?.route).toBe(NOTICE);
    expect(lookup(cache, '/sv/register/helsinki-atj')).toBeUndefined();
  });

  it('never answers a request with a cookie, credentials, a method other than GET or HEAD, or a query that is not a filter', () => {
    const cache = new PageCache(1024 * 1024, []);
    keepPage(cache, '/fi/rekisterit/helsinki-atj');
    expect(lookup(cache, '/fi/rekisterit/helsinki-atj', { cookie: 'seloste_session=x' })).toBeUndefined();
    expect(lookup(cache, '/fi/rekisterit/helsinki-atj', { authorization: 'Basic eDp5' })).toBeUndefined();
    const post = request('/fi/rekisterit/helsinki-atj', {}, 'POST');
    expect(cache.cacheable(post, target('/fi/rekisterit/helsinki-atj'), publicGeneration())).toBeUndefined();
    for (const query of ['?utm_source=x', '?q=a&q=b', `?q=${'a'.repeat(600)}`]) {
      expect(cache.cacheable(request(`/fi/${query}`), target(`/fi/${query}`), publicGeneration()), query).toBeUndefined();
    }
  });

  it('keeps only the routes listed, only their own filters, and never an answer that sets a cookie or says no-store', () => {
    const cache = new PageCache(1024 * 1024, []);
    expect(keepPage(cache, '/fi/login', 'x', '/[lang]/login')).toBeUndefined();
    expect(keepPage(cache, '/fi/?q=verotus', 'x', '/[lang]')).toBeDefined();
    expect(keepPage(cache, '/fi/rekisterit/helsinki-atj?q=verotus')).toBeUndefined();
    expect(keepPage(cache, '/fi/rekisterit/a', 'x', NOTICE, { ...html, 'set-cookie': 'a=1' })).toBeUndefined();
    expect(keepPage(cache, '/fi/rekisterit/b', 'x', NOTICE, { ...html, 'cache-control': 'no-store' })).toBeUndefined();
  });

  it('drops everything when public content changes, here or in any added source', () => {
    const cache = new PageCache(1024 * 1024, []);
    keepPage(cache, '/fi/rekisterit/helsinki-atj');
    publicContentChanged();
    expect(lookup(cache, '/fi/rekisterit/helsinki-atj')).toBeUndefined();

    let counter = 0;
    removeSource = addChangeSource({ generation: () => counter });
    keepPage(cache, '/fi/rekisterit/helsinki-atj');
    expect(lookup(cache, '/fi/rekisterit/helsinki-atj')).toBeDefined();
    counter += 1;
    expect(lookup(cache, '/fi/rekisterit/helsinki-atj')).toBeUndefined();
  });

  it('does not keep a page rendered while the content changed', () => {
    const cache = new PageCache(1024 * 1024, []);
    const key = cache.cacheable(request('/fi/'), target('/fi/'), publicGeneration())!;
    publicContentChanged();
    expect(cache.keep(key, publicGeneration(), '/[lang]', html, Buffer.from('old'), Date.now())).toBeUndefined();
  });

  it('lets a route say when its page turns stale, and tells readers to keep it no longer', () => {
    const cache = new PageCache(1024 * 1024, []);
    const now = Date.now();
    keepPage(cache, '/fi/', 'x'.repeat(500), '/[lang]', { ...html, [CACHE_UNTIL_HEADER]: String(now + 60_000) });
    const entry = lookup(cache, '/fi/', {}, now)!;
    const { res, header } = recorder();
    void cache.send(entry, request('/fi/'), res, now);
    expect(header('cache-control')).toBe('public, max-age=60');
    expect(lookup(cache, '/fi/', {}, now + 60_000)).toBeUndefined();
    expect(keepPage(cache, '/sv/', 'x', '/[lang]', { ...html, [CACHE_UNTIL_HEADER]: String(now - 1) })).toBeUndefined();
  });

  it('stays within its bytes, and searches cannot push the notices out', () => {
    const cache = new PageCache(40_000, []);
    for (let index = 0; index < 10; index++) keepPage(cache, `/fi/rekisterit/r${index}`, 'n'.repeat(2_000 + index));
    for (let index = 0; index < 100; index++) keepPage(cache, `/fi/?q=search${index}`, 's'.repeat(2_000 + index), '/[lang]');
    expect(cache.bytes).toBeLessThanOrEqual(40_000);
    for (let index = 0; index < 10; index++) expect(lookup(cache, `/fi/rekisterit/r${index}`), `notice ${index}`).toBeDefined();
    expect(lookup(cache, '/fi/?q=search0')).toBeUndefined();
    expect(lookup(cache, '/fi/?q=search99')).toBeDefined();
  });

  it('answers with a strong ETag, and 304 to a client whose copy is current', () => {
    const cache = new PageCache(1024 * 1024, ['x-content-type-options', 'nosniff']);
    const entry = keepPage(cache, '/fi/rekisterit/helsinki-atj')!;
    const first = recorder();
    void cache.send(entry, request('/fi/rekisterit/helsinki-atj'), first.res, Date.now());
    expect(first.sent.status).toBe(200);
    expect(first.header('etag')).toMatch(/^"[\w-]{32}"$/u);
    expect(first.header('cache-control')).toBe('public, max-age=300');
    const second = recorder();
    void cache.send(
      entry,
      request('/fi/rekisterit/helsinki-atj', { 'if-none-match': `W/${first.header('etag')}` }),
      second.res,
      Date.now(),
    );
    expect(second.sent.status).toBe(304);
    expect(second.sent.body).toBeUndefined();
    expect(second.header('x-content-type-options')).toBe('nosniff');
  });
});
