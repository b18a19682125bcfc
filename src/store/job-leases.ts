import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

/**
 * Leases on jobs that one instance of many must run (the daily reminders): a row per job naming who holds it until
 * when. Taking one is a conditional update, so it works alike on SQLite and PostgreSQL, and a crashed holder's lease
 * simply runs out.
 */
export class JobLeases {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.db = db;
  }

  /** Takes the job's lease for `ms` if it is free or expired (or already ours); true when taken. */
  async acquire(name: string, holder: string, ms: number, now = new Date()): Promise<boolean> {
    const until = new Date(now.getTime() + ms).toISOString();
    await this.db
      .insertInto('job_leases')
      .values({ name, holder: '', expires_at: new Date(0).toISOString() })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .execute();
    const result = await this.db
      .updateTable('job_leases')
      .set({ holder, expires_at: until })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('expires_at', '<', now.toISOString()), eb('holder', '=', holder)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db
      .updateTable('job_leases')
      .set({ expires_at: new Date(0).toISOString() })
      .where('name', '=', name)
      .where('holder', '=', holder)
      .execute();
  }
}
