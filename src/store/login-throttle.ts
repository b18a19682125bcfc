import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Engine } from './migrations.ts';
import { inTransaction } from './rows.ts';
import type { Tables } from './tables.ts';

/** An arbitrary constant naming the login-throttle lock among PostgreSQL advisory locks. */
const THROTTLE_LOCK = 7_260_002;

export interface ThrottleKey {
  key: string;
  /** How many attempts the key may have within the window. */
  limit: number;
}

/**
 * Login attempts per key (a username, an address) in a sliding window, in the database so that every instance counts
 * the same attempts. An attempt is taken before the password is checked, atomically with the count, so parallel
 * attempts cannot all slip under the limit; a successful one is given back.
 */
export class LoginThrottle {
  private readonly db: Kysely<Tables>;
  private readonly engine: Engine;

  constructor(db: Kysely<Tables>, engine: Engine) {
    this.db = db;
    this.engine = engine;
  }

  /** Takes one attempt for every key, or none when any key is at its limit. Returns the attempts' ids, or undefined. */
  take(keys: readonly ThrottleKey[], windowMs: number, now: Date): Promise<string[] | undefined> {
    const since = new Date(now.getTime() - windowMs).toISOString();
    return inTransaction(this.db, async (trx) => {
      if (this.engine === 'postgres') await sql`select pg_advisory_xact_lock(${THROTTLE_LOCK})`.execute(trx);
      for (const { key, limit } of keys) {
        const row = await trx
          .selectFrom('login_attempts')
          .select((eb) => eb.fn.countAll().as('count'))
          .where('key', '=', key)
          .where('at', '>', since)
          .executeTakeFirstOrThrow();
        if (Number(row.count) >= limit) return undefined;
      }
      const attempts = keys.map(({ key }) => ({ id: randomUUID(), key, at: now.toISOString() }));
      await trx.insertInto('login_attempts').values(attempts).execute();
      return attempts.map((attempt) => attempt.id);
    });
  }

  /** Gives back attempts that turned out to be successful, and clears the failures of the keys given. */
  async release(attemptIds: readonly string[], clearKeys: readonly string[] = []): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      if (attemptIds.length) await trx.deleteFrom('login_attempts').where('id', 'in', attemptIds).execute();
      if (clearKeys.length) await trx.deleteFrom('login_attempts').where('key', 'in', clearKeys).execute();
    });
  }

  /** Forgets attempts older than the window. */
  async removeOlderThan(cutoff: Date): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('at', '<', cutoff.toISOString()).execute();
  }
}
