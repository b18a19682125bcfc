import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkRequest, parseTarget } from '../../../src/server/request-guard.ts';
import { ruleFor } from '../../../src/server/route-rules.ts';

const req = (url: string, headers: Record<string, string> = { host: 'seloste.example.fi' }, method = 'GET') =>
  ({ url, headers, method }) as unknown as IncomingMessage;

describe('the request target', () => {
  it.each([
    '/fi/',
    '/sv/register/helsinki-atj',
    '/fi/?q=lasten%20suojelu&format=information-system',
    '/fi/?',
    '/fi/./rekisterit/../omat-tiedot',
    '/fi/..',
    '/fi/%C3%A4',
    '/fi/?q="ä"',
    '/fi/x?y=1#fragment',
    '/_astro/Base.DXUUBIke.css',
  ])('is read as the URL parser reads it: %s', (url) => {
    const parsed = new URL(url, 'http://localhost');
    expect(parseTarget(req(url))).toEqual({ pathname: decodeURI(parsed.pathname), search: parsed.search });
  });

  it.each(['//evil.example/', '/fi\\staff', '/fi/%00', '/fi/%0a', '/fi/%ff', 'http://evil.example/fi/', '*'])(
    'refuses %s with 400',
    (url) => {
      expect(parseTarget(req(url))).toMatchObject({ status: 400, key: 'http.badPath' });
    },
  );

  it.each(['', 'evil example', 'evil.example/x', '[::1', 'a'.repeat(300), 'host:123456'])(
    'refuses the Host header “%s” with 400',
    (host) => {
      expect(parseTarget(req('/fi/', { host }))).toMatchObject({ status: 400, key: 'http.badHost' });
    },
  );

  it.each(['localhost', 'seloste.example.fi:8443', '127.0.0.1:4321', '[::1]:4321'])('accepts the Host header %s', (host) => {
    expect(parseTarget(req('/fi/', { host }))).toEqual({ pathname: '/fi/', search: '' });
  });
});

describe('the method, type and size check', () => {
  it('gives 405 with the route’s Allow to a method it does not take', () => {
    expect(checkRequest(req('/fi/', {}, 'TRACE'), ruleFor('/fi/'))).toMatchObject({ status: 405, allow: 'GET, HEAD' });
    expect(checkRequest(req('/fi/logout', {}, 'GET'), ruleFor('/fi/logout'))).toMatchObject({ status: 405, allow: 'POST' });
    expect(checkRequest(req('/fi/login', {}, 'POST'), ruleFor('/fi/'))).toMatchObject({ status: 405 });
  });

  it('gives 415 to a form route posted anything but a form, naming what came', () => {
    const json = req('/fi/login', { 'content-type': 'application/json', 'content-length': '2' }, 'POST');
    expect(checkRequest(json, ruleFor('/fi/login'))).toMatchObject({ status: 415, params: { type: 'application/json' } });
    expect(checkRequest(req('/fi/login', {}, 'POST'), ruleFor('/fi/login'))).toMatchObject({ status: 415 });
    const form = req('/fi/login', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '100' }, 'POST');
    expect(checkRequest(form, ruleFor('/fi/login'))).toBeUndefined();
  });

  it('gives 413 by the declared length, before a byte is read, and to any body where none belongs', () => {
    const big = req('/fi/login', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(8 * 1024 + 1) }, 'POST');
    expect(checkRequest(big, ruleFor('/fi/login'))).toMatchObject({ status: 413, params: { limit: 8 * 1024 } });
    const staff = req(
      '/fi/staff/users',
      { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(60 * 1024) },
      'POST',
    );
    expect(checkRequest(staff, ruleFor('/fi/staff/users'))).toBeUndefined();
    expect(checkRequest(req('/fi/', { 'transfer-encoding': 'chunked' }), ruleFor('/fi/'))).toMatchObject({
      status: 413,
      params: { limit: 0 },
    });
  });
});
