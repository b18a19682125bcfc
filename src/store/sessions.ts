import type { Kysely } from 'kysely';
import { inTransaction } from './rows.ts';
import type { Tables } from './tables.ts';

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/** How often a session's last-seen time is written: often enough for the idle limit, rarely enough to spare the disk. */
const TOUCH_MS = 15_000;

/**
 * Staff sessions, by the SHA-256 of their token (the token itself is only in the browser's cookie). In the database,
 * so a sign-in on one instance is valid on every other, and a restart signs nobody out.
 */
export class SessionRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.db = db;
  }

  async create(id: string, userId: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db.insertInto('sessions').values({ id, user_id: userId, created_at: at, last_seen: at, flash: null }).execute();
  }

  /** The user of a session; 'expired' once idle or too old (and then removed); undefined when unknown. */
  async resolve(id: string, now: Date, limits: SessionLimits): Promise<{ userId: string } | 'expired' | undefined> {
    const session = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!session) return undefined;
    const time = now.getTime();
    const lastSeen = Date.parse(session.last_seen);
    if (time - lastSeen > limits.idleMs || time - Date.parse(session.created_at) > limits.absoluteMs) {
      await this.destroy(id);
      return 'expired';
    }
    if (time - lastSeen > TOUCH_MS)
      await this.db.updateTable('sessions').set({ last_seen: now.toISOString() }).where('id', '=', id).execute();
    return { userId: session.user_id };
  }

  /** Leaves a message (JSON) for the session's next page. */
  async setFlash(id: string, flash: string): Promise<void> {
    await this.db.updateTable('sessions').set({ flash }).where('id', '=', id).execute();
  }

  /** The session's waiting message, removed as it is read. */
  async takeFlash(id: string): Promise<string | undefined> {
    // Most pages have no message waiting: look first, and take the write lock only to remove one.
    const waiting = await this.db.selectFrom('sessions').select('flash').where('id', '=', id).executeTakeFirst();
    if (!waiting?.flash) return undefined;
    return inTransaction(this.db, async (trx) => {
      const row = await trx.selectFrom('sessions').select('flash').where('id', '=', id).executeTakeFirst();
      if (!row?.flash) return undefined;
      await trx.updateTable('sessions').set({ flash: null }).where('id', '=', id).execute();
      return row.flash;
    });
  }

  async destroy(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async destroyForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** Forgets sessions past either limit; returns how many. */
  async removeExpired(now: Date, limits: SessionLimits): Promise<number> {
    const idle = new Date(now.getTime() - limits.idleMs).toISOString();
    const old = new Date(now.getTime() - limits.absoluteMs).toISOString();
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('last_seen', '<', idle), eb('created_at', '<', old)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
