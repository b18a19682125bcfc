import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { ByteLru } from '../services/lru.ts';
import { CACHE_UNTIL_HEADER } from '../services/response-hints.ts';
import type { Target } from './request-guard.ts';
import { StoredResponse } from './stored-response.ts';

/**
 * Routes whose 200 answers are the same for every reader, by Astro's route pattern, with the query parameters
 * that are pure public filters there. Any other route, and any other query, is never kept.
 */
const CACHEABLE_ROUTES: ReadonlyMap<string, readonly string[]> = new Map([
  // The catalogue, and its search and filters.
  ['/[lang]', ['q', 'organisation', 'format', 'sort']],
  ['/[lang]/[collection]/[id]', []],
  ['/[lang]/[collection]/[id].pdf', []],
  // The fixed pages: how to ask for your data, the accessibility statement.
  ['/[lang]/[page]', []],
  ['/registers.json', []],
  ['/registers/[id].json', []],
  ['/schema/[name].json', []],
  // Organisations' accent colours and logos: they change only with the content, like the pages that use them.
  ['/theme.css', []],
  ['/logos/[file]', []],
]);
const FILTERS = new Set([...CACHEABLE_ROUTES.values()].flat());
/** A longer query is not a search a reader typed (the search box takes 200 characters). */
const MAX_QUERY = 512;
const MAX_AGE = 300;
/** Headers of the representation that a kept page keeps; everything else is made anew. */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'content-language'];

interface Entry {
  response: StoredResponse;
  route: string;
  /** When a scheduled change makes the page stale (ms since 1970); Infinity when none is known. */
  expiresAt: number;
}

/** A request that may be answered from the cache: its key, and the generation of public content when it came. */
export interface Cacheable {
  key: string;
  /** The names of the query's parameters, all of them public filters. */
  filters: string[];
  generation: number;
}

/**
 * Whole public pages, PDFs and JSON, kept after their first render and sent again without rendering, until public
 * content changes (the generation moves on) or an entry's own expiry passes. Keyed by path and query only: the Host
 * header is never part of a key or of a kept page. Bounded in bytes: searches, whose keys a reader chooses, have a
 * quarter of the budget of their own, so they can never push the notices out.
 */
export class PageCache {
  readonly #pages: ByteLru<Entry>;
  readonly #searches: ByteLru<Entry>;
  readonly #securityHeaders: readonly string[];
  #generation = -1;

  constructor(maxBytes: number, securityHeaders: readonly string[]) {
    this.#pages = new ByteLru(Math.floor(maxBytes * 0.75));
    this.#searches = new ByteLru(Math.floor(maxBytes * 0.25));
    this.#securityHeaders = securityHeaders;
  }

  get bytes(): number {
    return this.#pages.bytes + this.#searches.bytes;
  }

  /**
   * Whether a request may be answered from the cache: a GET or HEAD with no cookie and no credentials (a staff
   * member's requests always reach the page), and no query other than public filters, each at most once.
   */
  cacheable(req: IncomingMessage, target: Target, generation: number): Cacheable | undefined {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.cookie || req.headers.authorization) return undefined;
    if (!target.search) return { key: target.pathname, filters: [], generation };
    if (target.search.length > MAX_QUERY) return undefined;
    const filters = [...new URLSearchParams(target.search).keys()];
    if (filters.some((name) => !FILTERS.has(name)) || new Set(filters).size !== filters.length) return undefined;
    return { key: target.pathname + target.search, filters, generation };
  }

  /** Whether answers of this route are ever kept (the page is then held whole until it is rendered). */
  mayKeep(route: string): boolean {
    return CACHEABLE_ROUTES.has(route);
  }

  /** The kept answer, unless public content has changed since it was kept or its expiry has passed. */
  lookup(request: Cacheable, now: number): Entry | undefined {
    this.#moveTo(request.generation);
    const lru = this.#lru(request);
    const entry = lru.get(request.key);
    if (entry && entry.expiresAt <= now) {
      lru.delete(request.key);
      return undefined;
    }
    return entry;
  }

  /**
   * Keeps a rendered 200 of a cacheable route and returns it, or returns undefined when it must not be kept: a
   * route not listed, a query that is not that route's filters, a cookie being set, the route's own no-store, an
   * expiry already past, or content that changed while the page was being rendered.
   */
  keep(request: Cacheable, current: number, route: string, headers: OutgoingHttpHeaders, body: Buffer, now: number): Entry | undefined {
    const filters = CACHEABLE_ROUTES.get(route);
    if (!filters || request.generation !== current) return undefined;
    this.#moveTo(current);
    if (!request.filters.every((name) => filters.includes(name))) return undefined;
    if (headers['set-cookie'] || /no-store|private/u.test(String(headers['cache-control'] ?? ''))) return undefined;
    const expiresAt = Number(headers[CACHE_UNTIL_HEADER] ?? Number.POSITIVE_INFINITY);
    if (!(expiresAt > now)) return undefined;
    const response = new StoredResponse({
      body,
      headers: Object.fromEntries(KEPT_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, String(headers[name])])),
      cacheControl: `public, max-age=${MAX_AGE}`,
      lastModified: new Date(now),
      securityHeaders: this.#securityHeaders,
    });
    const entry: Entry = { response, route, expiresAt };
    const lru = this.#lru(request);
    lru.set(request.key, entry, response.bytes);
    response.onGrow = () => lru.resize(request.key, entry, response.bytes);
    return entry;
  }

  /** Answers from a kept entry: 304 when the reader's copy is current, else the page in the best coding asked for. */
  send(entry: Entry, req: IncomingMessage, res: ServerResponse, now: number): void | Promise<void> {
    // A reader may keep the page for five minutes, but never past its scheduled change.
    const cacheControl = Number.isFinite(entry.expiresAt)
      ? `public, max-age=${Math.max(0, Math.min(MAX_AGE, Math.floor((entry.expiresAt - now) / 1000)))}`
      : undefined;
    return entry.response.send(req, res, cacheControl);
  }

  #lru(request: Cacheable): ByteLru<Entry> {
    return request.filters.length > 0 ? this.#searches : this.#pages;
  }

  /** Entries kept under another generation of public content are dropped, all at once. */
  #moveTo(generation: number): void {
    if (generation === this.#generation) return;
    this.#pages.clear();
    this.#searches.clear();
    this.#generation = generation;
  }
}
