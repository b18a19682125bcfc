import { defineMiddleware } from 'astro:middleware';
import { isLang } from './domain/language.ts';
import { isStoreUnavailable, storeHealthy, StoreUnavailableError } from './services/health.ts';
import { ROUTE_HEADER } from './services/response-hints.ts';
import { appStore } from './services/runtime.ts';
import { SESSION_COOKIE } from './services/sessions.ts';
import { signedInUser } from './services/staff-session.ts';

/** Routes that need a signed-in staff member, by their pattern (never by the raw path, which has many spellings). */
const STAFF_ROUTE = /^\/\[lang\]\/staff(?:\/|$)/u;
/** Routes that need the database: the staff area, signing in and out. */
const PRIVATE_ROUTE = /^\/\[lang\]\/(?:staff(?:\/|$)|login$|logout$)/u;

// Open the store when the server starts, so migrations run before the first request and a problem shows at once.
appStore().catch((error: Error) => console.error(JSON.stringify({ level: 'error', message: `data store unavailable: ${error.message}` })));

/**
 * Signs the staff member in from the session cookie (a disabled or removed user is signed out here, on their next
 * request), guards staff routes, shows staff a clear 503 page while the database cannot be used, and names the
 * matched route to the front server (src/server), which logs each request, decides what may be cached and sets the
 * security headers of every response.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const lang = isLang(context.params.lang) ? context.params.lang : 'fi';
  const privateRoute = PRIVATE_ROUTE.test(context.routePattern);
  // Without the front server (astro dev), the socket's peer is all there is.
  context.locals.clientAddress ??= context.clientAddress;
  let response: Response;
  try {
    const token = context.cookies.get(SESSION_COOKIE)?.value;
    if (token) {
      try {
        const user = await signedInUser(await appStore(), token);
        if (user) context.locals.user = user;
        else context.cookies.delete(SESSION_COOKIE, { path: '/' });
      } catch (error) {
        // Public notices do not need the database: without it, their readers go on as anyone would.
        if (privateRoute || !isStoreUnavailable(error)) throw error;
      }
    }
    if (STAFF_ROUTE.test(context.routePattern) && !context.locals.user)
      response = context.redirect(`/${lang}/login?next=${encodeURIComponent(context.url.pathname)}`, 303);
    else response = await next();
    // A page that failed on its own (Astro has already made a 500 of it) because the database is gone.
    if (privateRoute && response.status === 500 && !(await storeHealthy())) throw new StoreUnavailableError();
  } catch (error) {
    // While the database cannot be used, staff get a clear page in their language with 503, never a bare 500.
    if (!privateRoute || !isStoreUnavailable(error)) throw error;
    console.error(JSON.stringify({ level: 'error', message: 'database unavailable', route: context.routePattern }));
    // A fresh GET: the original request's body may already have been read.
    response = await context.rewrite(new Request(new URL(`/${lang}/unavailable`, context.url)));
  }
  response.headers.set(ROUTE_HEADER, context.routePattern);
  return response;
});
