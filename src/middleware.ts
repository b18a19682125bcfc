import { defineMiddleware } from 'astro:middleware';
import { isLang } from './domain/language.ts';
import { ROUTE_HEADER } from './services/response-hints.ts';
import { destroySession, resolveSession, SESSION_COOKIE } from './services/sessions.ts';
import { runtime } from './store/runtime.ts';

/** Routes that need a signed-in staff member, by their pattern (never by the raw path, which has many spellings). */
const STAFF_ROUTE = /^\/\[lang\]\/staff(?:\/|$)/u;

// Open the store when the server starts, so it holds the writer's lock from the beginning.
runtime().catch((error: Error) => console.error(JSON.stringify({ level: 'error', message: `data store unavailable: ${error.message}` })));

/**
 * Signs the staff member in from the session cookie (a disabled or removed user is signed out here, on their next
 * request), guards staff routes, and names the matched route to the front server (src/server), which logs each
 * request, decides what may be cached and sets the security headers of every response.
 */
export const onRequest = defineMiddleware(async (context, next) => {
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

  response.headers.set(ROUTE_HEADER, context.routePattern);
  return response;
});
