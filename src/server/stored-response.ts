import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Content codings offered, best first. */
const CODINGS = ['br', 'gzip'] as const;
type Coding = (typeof CODINGS)[number];

/**
 * Pages are compressed on first demand after every content change, so quickly (brotli 5 is within 1 % of brotli 9
 * on a notice, at a quarter of the time); static files once at start, as small as possible.
 */
const COMPRESS: Record<Coding, (body: Buffer, best: boolean) => Promise<Buffer>> = {
  br: (body, best) =>
    promisify(brotliCompress)(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body, best) => promisify(gzip)(body, { level: best ? 9 : 6 }),
};

/** Text is worth compressing; PDFs and images already are compressed. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|schema\+json|xml)|image\/svg\+xml)/u;

interface Variant {
  body: Buffer;
  /** The whole header list of a 200 and of a 304, made once. */
  ok: string[];
  notModified: string[];
}

export interface StoredResponseInit {
  body: Buffer;
  /** Headers of the representation itself: content-type, content-disposition (lowercase names). */
  headers: Record<string, string>;
  cacheControl: string;
  lastModified: Date;
  /** The headers every response carries (see security-headers.ts). */
  securityHeaders: readonly string[];
}

/**
 * A response kept in memory with all it takes to answer from it: a strong ETag, Last-Modified, compressed copies made
 * on first demand, and 304 for a client whose copy is current. Used for cached pages and for static files alike.
 */
export class StoredResponse {
  readonly etag: string;
  readonly lastModified: string;
  readonly #init: StoredResponseInit;
  readonly #hash: string;
  readonly #variants = new Map<Coding | 'identity', Variant>();
  readonly #pending = new Map<Coding, Promise<Variant | undefined>>();
  readonly #useless = new Set<Coding>();
  readonly #compressible: boolean;
  #best = false;
  /** Told when a compressed copy is added, so an owner that counts bytes can count it. */
  onGrow?: () => void;

  constructor(init: StoredResponseInit) {
    this.#init = init;
    this.#hash = createHash('sha256').update(init.body).digest('base64url').slice(0, 32);
    this.etag = `"${this.#hash}"`;
    this.lastModified = new Date(Math.floor(init.lastModified.getTime() / 1000) * 1000).toUTCString();
    this.#compressible = COMPRESSIBLE.test(init.headers['content-type'] ?? '') && init.body.length > 256;
    this.#variants.set('identity', this.#variant(init.body));
  }

  /** Memory held, compressed copies included. */
  get bytes(): number {
    let total = 0;
    for (const variant of this.#variants.values()) total += variant.body.length;
    return total;
  }

  /** Makes every compressed copy now, as small as it gets (static files, at start-up), instead of on first demand. */
  async precompress(): Promise<void> {
    this.#best = true;
    if (this.#compressible) await Promise.all(CODINGS.map((coding) => this.#compressed(coding)));
  }

  /**
   * Answers a GET or HEAD: 304 when If-None-Match (or, without it, If-Modified-Since) shows the client's copy is
   * current, else 200 in the best coding the client accepts. `cacheControl` overrides the stored one (an entry that
   * expires sooner than its max-age). Synchronous unless a compressed copy is still being made.
   */
  send(req: IncomingMessage, res: ServerResponse, cacheControl?: string): void | Promise<void> {
    const coding = this.#compressible ? preferredCoding(req.headers['accept-encoding']) : undefined;
    const variant = coding ? this.#compressed(coding) : undefined;
    if (variant instanceof Promise) return variant.then((ready) => this.#write(req, res, ready, cacheControl));
    this.#write(req, res, variant, cacheControl);
  }

  #write(req: IncomingMessage, res: ServerResponse, variant: Variant | undefined, cacheControl: string | undefined): void {
    const chosen = variant ?? this.#variants.get('identity')!;
    const fresh = this.#isCurrent(req);
    const headers = fresh ? chosen.notModified : chosen.ok;
    res.writeHead(fresh ? 304 : 200, cacheControl ? withCacheControl(headers, cacheControl) : headers);
    res.end(fresh || req.method === 'HEAD' ? undefined : chosen.body);
  }

  #isCurrent(req: IncomingMessage): boolean {
    const match = req.headers['if-none-match'];
    if (match !== undefined) {
      // Weak comparison (RFC 9110 §13.1.2): a compressed copy's tag names the same content.
      return match
        .split(',')
        .map((tag) => tag.trim().replace(/^W\//u, ''))
        .some((tag) => tag === '*' || tag.replace(/-(?:br|gzip)"$/u, '"') === this.etag);
    }
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    return !Number.isNaN(since) && Date.parse(this.lastModified) <= since;
  }

  /** The copy in `coding`: at hand, being made, or undefined when compressing did not make it smaller. */
  #compressed(coding: Coding): Variant | Promise<Variant | undefined> | undefined {
    const done = this.#variants.get(coding);
    if (done || this.#useless.has(coding)) return done;
    let pending = this.#pending.get(coding);
    if (!pending) {
      pending = COMPRESS[coding](this.#init.body, this.#best).then((body) => {
        this.#pending.delete(coding);
        if (body.length >= this.#init.body.length) {
          this.#useless.add(coding);
          return undefined;
        }
        const variant = this.#variant(body, coding);
        this.#variants.set(coding, variant);
        this.onGrow?.();
        return variant;
      });
      this.#pending.set(coding, pending);
    }
    return pending;
  }

  #variant(body: Buffer, coding?: Coding): Variant {
    const { headers, cacheControl, securityHeaders } = this.#init;
    const etag = coding ? `"${this.#hash}-${coding}"` : this.etag;
    const validators = ['etag', etag, 'last-modified', this.lastModified, 'cache-control', cacheControl];
    const vary = this.#compressible ? ['vary', 'accept-encoding'] : [];
    return {
      body,
      ok: [
        ...securityHeaders,
        ...Object.entries(headers).flat(),
        ...(coding ? ['content-encoding', coding] : []),
        'content-length',
        String(body.length),
        ...validators,
        ...vary,
      ],
      notModified: [...securityHeaders, ...validators, ...vary],
    };
  }
}

/** Browsers send the same few Accept-Encoding values on every request: the last answer is kept. */
let lastAccepted: { header: string; coding: Coding | undefined } = { header: '', coding: undefined };

/** The best coding the client accepts (RFC 9110 §12.5.3), or none. */
export function preferredCoding(header: string | undefined): Coding | undefined {
  if (!header) return undefined;
  if (header !== lastAccepted.header) lastAccepted = { header, coding: parseAccepted(header) };
  return lastAccepted.coding;
}

function parseAccepted(header: string): Coding | undefined {
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/u.exec(param)?.[1]).find((value) => value !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*') ?? 0;
  return CODINGS.find((coding) => (accepted.get(coding) ?? wildcard) > 0);
}

function withCacheControl(headers: string[], cacheControl: string): string[] {
  const copy = [...headers];
  const index = copy.findIndex((name, position) => position % 2 === 0 && name === 'cache-control');
  copy[index + 1] = cacheControl;
  return copy;
}
