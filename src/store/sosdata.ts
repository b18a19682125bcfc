import { sql, type Kysely } from 'kysely';
import { sosdataRecordSchema, sosdataRoundSchema, type SosdataRecord, type SosdataRound } from '../domain/sosdata.ts';
import type { OrganisationScope } from './requests.ts';
import { checkRow, parseJson, readRow } from './rows.ts';
import type { Tables } from './tables.ts';

type NotificationRow = Tables['sosdata_notifications'] & { round_body: string };

/**
 * Sosdata notifications as the browser edits them, and their rounds. A notification is one JSON row without its
 * round; the round row gives every notification of the round the same submission date and monitoring period.
 */
export class SosdataRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.db = db;
  }

  async saveRound(round: SosdataRound): Promise<SosdataRound> {
    const valid = checkRow(sosdataRoundSchema, round, `sosdata_rounds ${round.id}`);
    const columns = { deadline: valid.deadline, body: JSON.stringify(valid) };
    await this.db
      .insertInto('sosdata_rounds')
      .values({ id: valid.id, ...columns })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(columns))
      .execute();
    return valid;
  }

  /** Stores a round unless one with its id exists (which is kept as it is). */
  async insertRoundIfAbsent(round: SosdataRound): Promise<void> {
    const valid = checkRow(sosdataRoundSchema, round, `sosdata_rounds ${round.id}`);
    await this.db
      .insertInto('sosdata_rounds')
      .values({ id: valid.id, deadline: valid.deadline, body: JSON.stringify(valid) })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }

  /** Every round, the latest submission date first. */
  async rounds(): Promise<SosdataRound[]> {
    const rows = await this.db.selectFrom('sosdata_rounds').select(['id', 'body']).orderBy('deadline', 'desc').orderBy('id').execute();
    return rows.map((row) => readRow(sosdataRoundSchema, parseJson(row.body, `sosdata_rounds ${row.id}`), `sosdata_rounds ${row.id}`));
  }

  /**
   * Stores a notification that is not stored yet (the seed from a content file): true when it was written, false
   * when one with its id already exists, which is then left as it is, however many instances seed at once.
   */
  async insertIfAbsent(record: SosdataRecord): Promise<boolean> {
    const valid = this.check(record);
    const result = await this.db
      .insertInto('sosdata_notifications')
      .values({ id: valid.notification.id, ...this.columns(valid) })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /**
   * Writes a changed notification if it is still at `expectedVersion`, as the next version; undefined when someone
   * else changed it in between (optimistic locking), and then nothing is written.
   */
  async update(record: SosdataRecord, expectedVersion: number): Promise<SosdataRecord | undefined> {
    const valid = this.check({ ...record, version: expectedVersion + 1 });
    const result = await this.db
      .updateTable('sosdata_notifications')
      .set(this.columns(valid))
      .where('id', '=', valid.notification.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? valid : undefined;
  }

  async byId(id: string): Promise<SosdataRecord | undefined> {
    const row = await this.select().where('n.id', '=', id).executeTakeFirst();
    return row ? this.read(row) : undefined;
  }

  /** The notifications of the organisations in a scope, by organisation and id. */
  async list(scope: OrganisationScope): Promise<SosdataRecord[]> {
    let query = this.select().orderBy('n.organisation').orderBy('n.id');
    if (!scope.every) query = scope.ids.length ? query.where('n.organisation', 'in', scope.ids) : query.where(sql<boolean>`1 = 0`);
    return (await query.execute()).map((row) => this.read(row));
  }

  private select() {
    return this.db
      .selectFrom('sosdata_notifications as n')
      .innerJoin('sosdata_rounds as r', 'r.id', 'n.round_id')
      .selectAll('n')
      .select('r.body as round_body');
  }

  private check(record: SosdataRecord): SosdataRecord {
    return checkRow(sosdataRecordSchema, record, `sosdata_notifications ${record.notification.id}`);
  }

  private columns(record: SosdataRecord) {
    const { round: _round, ...body } = record.notification;
    return {
      organisation: record.notification.organisation,
      round_id: record.roundId,
      status: record.notification.status,
      version: record.version,
      updated_at: record.updatedAt,
      updated_by: record.updatedBy,
      body: JSON.stringify(body),
    };
  }

  private read(row: NotificationRow): SosdataRecord {
    const where = `sosdata_notifications ${row.id}`;
    const round = readRow(
      sosdataRoundSchema,
      parseJson(row.round_body, `sosdata_rounds ${row.round_id}`),
      `sosdata_rounds ${row.round_id}`,
    );
    const body = parseJson(row.body, where) as Record<string, unknown>;
    return readRow(
      sosdataRecordSchema,
      {
        notification: {
          ...body,
          round: { deadline: round.deadline, periodStart: round.periodStart, periodEnd: round.periodEnd },
        },
        roundId: row.round_id,
        version: Number(row.version),
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      },
      where,
    );
  }
}
