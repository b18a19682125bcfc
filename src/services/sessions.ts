import { createHash, randomBytes } from 'node:crypto';
import { config } from '../domain/config.ts';
import type { Store } from '../store/index.ts';

export const SESSION_COOKIE = 'seloste_session';

/** Signed out after SESSION_IDLE_MINUTES without a request, and after SESSION_MAX_HOURS in any case. */
function limits() {
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = config();
  return { idleMs: SESSION_IDLE_MINUTES * 60_000, absoluteMs: SESSION_MAX_HOURS * 3_600_000 };
}

/** Sessions are stored by the SHA-256 of their token, so the token itself is nowhere but in the browser's cookie. */
const key = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new session with a fresh random token: never one the browser brought, so a planted id is useless. */
export async function createSession(store: Store, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store.sessions.create(key(token), userId, now);
  return token;
}

export type SessionState = { userId: string } | 'expired' | undefined;

/** The user of a session token; 'expired' once idle or too old (and then forgotten); undefined when unknown. */
export async function resolveSession(store: Store, token: string | undefined, now = new Date()): Promise<SessionState> {
  if (!token || token.length > 100) return undefined;
  return store.sessions.resolve(key(token), now, limits());
}

export async function destroySession(store: Store, token: string | undefined): Promise<void> {
  if (token) await store.sessions.destroy(key(token));
}

/** Forgets expired sessions; the server runs it now and then. */
export async function removeExpiredSessions(store: Store, now = new Date()): Promise<number> {
  return store.sessions.removeExpired(now, limits());
}

/**
 * A message for the page after a redirect (Post/Redirect/Get): kept with the session in the database, so it reaches
 * the next page on whichever instance serves it, and read once. A generated password travels this way, never in a URL.
 */
export async function setFlash(store: Store, token: string | undefined, value: Record<string, string>): Promise<void> {
  if (token) await store.sessions.setFlash(key(token), JSON.stringify(value));
}

export async function takeFlash(store: Store, token: string | undefined): Promise<Record<string, string> | undefined> {
  if (!token) return undefined;
  const text = await store.sessions.takeFlash(key(token));
  if (!text) return undefined;
  const value: unknown = JSON.parse(text);
  return value && typeof value === 'object' ? (value as Record<string, string>) : undefined;
}
