import type { AstroCookies } from 'astro';
import { config } from '../domain/config.ts';
import type { Actor } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { createSession, destroySession, resolveSession, SESSION_COOKIE } from './sessions.ts';

/**
 * Whether the session cookie gets the Secure flag: always behind HTTPS, and when COOKIE_SECURE=1 says a proxy in
 * front terminates TLS. Plain http on localhost keeps working for development and tests.
 */
function secure(url: URL): boolean {
  return url.protocol === 'https:' || config().COOKIE_SECURE === true;
}

/** Starts a fresh session (dropping any the browser brought, against fixation) and sets its cookie. */
export async function startSession(store: Store, cookies: AstroCookies, url: URL, userId: string): Promise<void> {
  await destroySession(store, cookies.get(SESSION_COOKIE)?.value);
  cookies.set(SESSION_COOKIE, await createSession(store, userId), { path: '/', httpOnly: true, sameSite: 'strict', secure: secure(url) });
}

export async function endSession(store: Store, cookies: AstroCookies): Promise<void> {
  await destroySession(store, cookies.get(SESSION_COOKIE)?.value);
  cookies.delete(SESSION_COOKIE, { path: '/' });
}

export type SignedInUser = Actor & { id: string; name: string };

/**
 * The staff member of a session cookie, or undefined. A disabled or removed user's session ends here, on their next
 * request; so does an expired one.
 */
export async function signedInUser(store: Store, token: string | undefined): Promise<SignedInUser | undefined> {
  const state = await resolveSession(store, token);
  if (!state || state === 'expired') return undefined;
  const user = await store.users.byId(state.userId);
  if (user && !user.disabled) return { id: user.id, username: user.username, name: user.name, roles: user.roles };
  await destroySession(store, token);
  return undefined;
}

/** A same-site path to return to after login; anything else (another host, a scheme, //) goes to the dashboard. */
export function safeNext(next: string | null, fallback: string): string {
  return next && /^\/(?:fi|sv|en)\/staff(?:\/[\w/.-]*)?$/u.test(next) ? next : fallback;
}
