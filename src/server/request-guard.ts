import type { IncomingMessage } from 'node:http';
import { BODY_LIMITS, type Method, type RouteRule } from './route-rules.ts';

/** Why a request is answered with a 4xx before any page sees it: an i18n key under `http.` and its values. */
export interface Refusal {
  status: 400 | 405 | 413 | 415;
  key: string;
  params?: Record<string, string | number>;
  /** The Allow header of a 405. */
  allow?: string;
}

export interface Target {
  /** The path as the router sees it: dot segments resolved, percent-escapes decoded. */
  pathname: string;
  /** The raw query string with its `?`, or empty. */
  search: string;
}

/** host, IPv4 or [IPv6], with an optional port: what RFC 9110 §7.2 allows in Host. */
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9._~-]+)(?::\d{1,5})?$/iu;
/** Control characters (NUL among them) and backslashes have no business in a decoded path. */
const BAD_PATH = /[\p{Cc}\\]/u;
/** A target that the URL parser would leave as it is: no escapes or dot segments in the path, a plain query. */
const PLAIN_TARGET = /^(?:\/(?!\.{1,2}(?:[/?]|$))[\w.~-]*)+(?:\?[\w.~%+=&-]*)?$/u;

/** The Host header and the request target, checked; a path or host that no page could serve gets 400. */
export function parseTarget(req: IncomingMessage): Target | Refusal {
  const host = req.headers.host;
  if (!host || host.length > 255 || !HOST.test(host)) return { status: 400, key: 'http.badHost' };
  const raw = req.url ?? '';
  // A backslash would become a slash in the URL parser: /fi\staff is no spelling of any page.
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return { status: 400, key: 'http.badPath' };
  // The common case costs no URL parsing.
  if (PLAIN_TARGET.test(raw)) {
    const query = raw.indexOf('?');
    return query < 0
      ? { pathname: raw, search: '' }
      : { pathname: raw.slice(0, query), search: query === raw.length - 1 ? '' : raw.slice(query) };
  }
  let pathname: string;
  let search: string;
  try {
    const url = new URL(raw, 'http://localhost');
    pathname = decodeURI(url.pathname);
    search = url.search;
  } catch {
    return { status: 400, key: 'http.badPath' };
  }
  if (BAD_PATH.test(pathname)) return { status: 400, key: 'http.badPath' };
  return { pathname, search };
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The method, content type and declared size, against the route's rule: all known before the body is read. */
export function checkRequest(req: IncomingMessage, rule: RouteRule): Refusal | undefined {
  if (!rule.methods.includes(req.method as Method)) {
    return {
      status: 405,
      key: 'http.methodNotAllowed',
      params: { method: req.method ?? '' },
      allow: rule.methods.join(', '),
    };
  }
  // Only a POST carries a body; a route that reads a form needs one, and one that takes none (sign-out) has nothing to misread.
  const limit = req.method === 'POST' ? BODY_LIMITS[rule.body] : 0;
  if (limit > 0) {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!FORM_TYPES.includes(type)) return { status: 415, key: 'http.unsupportedType', params: { type: type || '—' } };
  }
  if (Number(req.headers['content-length'] ?? 0) > limit || (limit === 0 && hasBody(req))) {
    return { status: 413, key: 'http.tooLarge', params: { limit } };
  }
  return undefined;
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** Reads a body of at most `limit` bytes; one that grows past it gets 413, and the rest is discarded unread. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | Refusal> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        resolve({ status: 413, key: 'http.tooLarge', params: { limit } });
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

/**
 * A multipart body that cannot be parsed would make the page's `formData()` throw: it is refused here with 400,
 * by the same parser the pages use. URL-encoded bodies always parse.
 */
export async function checkForm(req: IncomingMessage, body: Buffer): Promise<Refusal | undefined> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('multipart/')) return undefined;
  try {
    await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
    return undefined;
  } catch {
    return { status: 400, key: 'http.badForm' };
  }
}
