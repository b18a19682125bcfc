import type { AstroCookies } from 'astro';
import { createSession, destroySession, SESSION_COOKIE } from './sessions.ts';

/**
 * Whether the session cookie gets the Secure flag: always behind HTTPS, and when COOKIE_SECURE=1 says a proxy in
 * front terminates TLS. Plain http on localhost keeps working for development and tests.
 */
function secure(url: URL): boolean {
  return url.protocol === 'https:' || process.env.COOKIE_SECURE === '1';
}

/** Starts a fresh session (dropping any the browser brought, against fixation) and sets its cookie. */
export function startSession(cookies: AstroCookies, url: URL, userId: string): void {
  destroySession(cookies.get(SESSION_COOKIE)?.value);
  cookies.set(SESSION_COOKIE, createSession(userId), { path: '/', httpOnly: true, sameSite: 'strict', secure: secure(url) });
}

export function endSession(cookies: AstroCookies): void {
  destroySession(cookies.get(SESSION_COOKIE)?.value);
  cookies.delete(SESSION_COOKIE, { path: '/' });
}

/** A same-site path to return to after login; anything else (another host, a scheme, //) goes to the dashboard. */
export function safeNext(next: string | null, fallback: string): string {
  return next && /^\/(?:fi|sv|en)\/staff(?:\/[\w/.-]*)?$/u.test(next) ? next : fallback;
}
