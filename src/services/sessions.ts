import { createHash, randomBytes } from 'node:crypto';

/** Signed out after this long without a request, and after this long in any case. */
const IDLE_MS = Number(process.env.SESSION_IDLE_MINUTES ?? 30) * 60 * 1000;
const ABSOLUTE_MS = Number(process.env.SESSION_MAX_HOURS ?? 10) * 60 * 60 * 1000;

export const SESSION_COOKIE = 'seloste_session';

interface Session {
  userId: string;
  createdAt: number;
  lastSeen: number;
}

/**
 * Staff sessions, held in the server's memory by the SHA-256 of their token, so the token itself is nowhere but in
 * the browser's HttpOnly cookie. A restart signs everyone out.
 */
const sessions = new Map<string, Session>();

const key = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new session with a fresh random token: never one the browser brought, so a planted id is useless. */
export function createSession(userId: string, now = Date.now()): string {
  const token = randomBytes(32).toString('base64url');
  sessions.set(key(token), { userId, createdAt: now, lastSeen: now });
  return token;
}

export type SessionState = { userId: string } | 'expired' | undefined;

/** The user of a session token; 'expired' once idle or too old (and then forgotten); undefined when unknown. */
export function resolveSession(token: string | undefined, now = Date.now()): SessionState {
  if (!token || token.length > 100) return undefined;
  const id = key(token);
  const session = sessions.get(id);
  if (!session) return undefined;
  if (now - session.lastSeen > IDLE_MS || now - session.createdAt > ABSOLUTE_MS) {
    sessions.delete(id);
    return 'expired';
  }
  session.lastSeen = now;
  return { userId: session.userId };
}

export function destroySession(token: string | undefined): void {
  if (token) sessions.delete(key(token));
}

/** Ends every session of a user, after a password reset. */
export function destroyUserSessions(userId: string): void {
  for (const [id, session] of sessions) if (session.userId === userId) sessions.delete(id);
}
