import { defineMiddleware } from 'astro:middleware';
import { isLang } from './domain/language.ts';
import { destroySession, resolveSession, SESSION_COOKIE } from './services/sessions.ts';
import { runtime } from './store/runtime.ts';

/** Routes that need a signed-in staff member, by their pattern (never by the raw path, which has many spellings). */
const STAFF_ROUTE = /^\/\[lang\]\/staff(?:\/|$)/u;
const PRIVATE_ROUTE = /^\/\[lang\]\/(?:staff(?:\/|$)|login$|logout$)/u;

// Open the store when the server starts, so it holds the writer's lock from the beginning.
runtime().catch((error: Error) => console.error(JSON.stringify({ level: 'error', message: `data store unavailable: ${error.message}` })));

/**
 * Signs the staff member in from the session cookie (a disabled or removed user is signed out here, on their next
 * request), guards staff routes, adds security headers, and logs one line per request with only the method, the
 * matched route pattern, the status and the duration: never a path with ids, a query, a body or a user.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const started = performance.now();
  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const state = resolveSession(token);
    if (state && state !== 'expired') {
      const user = (await runtime()).store.data.users.find((candidate) => candidate.id === state.userId);
      if (user && !user.disabled) context.locals.user = { id: user.id, username: user.username, name: user.name, role: user.role };
      else destroySession(token);
    }
    if (!context.locals.user) context.cookies.delete(SESSION_COOKIE, { path: '/' });
  }

  let response: Response;
  if (STAFF_ROUTE.test(context.routePattern) && !context.locals.user) {
    const lang = isLang(context.params.lang) ? context.params.lang : 'fi';
    response = context.redirect(`/${lang}/login?next=${encodeURIComponent(context.url.pathname)}`, 303);
  } else {
    response = await next();
  }

  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  if (PRIVATE_ROUTE.test(context.routePattern)) response.headers.set('Cache-Control', 'no-store');
  if (process.env.LOG_REQUESTS !== '0') {
    const line = {
      method: context.request.method,
      route: context.routePattern,
      status: response.status,
      ms: Math.round(performance.now() - started),
    };
    console.log(JSON.stringify(line));
  }
  return response;
});
