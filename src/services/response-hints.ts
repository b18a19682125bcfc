/**
 * Headers by which the Astro side tells the front server (src/server) about a response. The front server reads
 * them and never sends them on.
 */

/** The route pattern Astro matched (`/[lang]/[collection]/[id]`): for the request log, and to know which answers may be cached. */
export const ROUTE_HEADER = 'x-seloste-route';

/**
 * A time (ms since 1970) after which the page must not be served from a cache: the earliest effective date of a
 * scheduled version that the page shows or lists, since the notice and the catalogue change at that moment. A page
 * sets it with `Astro.response.headers.set(CACHE_UNTIL_HEADER, String(date.getTime()))`.
 */
export const CACHE_UNTIL_HEADER = 'x-seloste-cache-until';

export const INTERNAL_HEADERS = [ROUTE_HEADER, CACHE_UNTIL_HEADER] as const;
