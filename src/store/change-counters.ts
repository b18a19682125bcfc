import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.ts';

/**
 * Counters that go up whenever something another instance may have cached changes (published registers, for the
 * catalogue, pages and PDFs). Every instance polls them and drops its caches when one moves.
 */
export class ChangeCounters {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.db = db;
  }

  async bump(scope: string): Promise<void> {
    await this.db
      .insertInto('change_counters')
      .values({ scope, counter: 1 })
      .onConflict((conflict) => conflict.column('scope').doUpdateSet({ counter: sql`change_counters.counter + 1` }))
      .execute();
  }

  async current(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('change_counters').selectAll().execute();
    return new Map(rows.map((row) => [row.scope, Number(row.counter)]));
  }
}
