import { sql, type Kysely } from 'kysely';
import { dataRequestSchema, type DataRequest } from '../domain/data-request.ts';
import type { OrganisationScope } from './requests.ts';
import { checkRow, parseJson, readRow, toCount } from './rows.ts';
import type { Tables } from './tables.ts';

const read = (row: { id: string; body: string }) =>
  readRow(dataRequestSchema, parseJson(row.body, `data_requests ${row.id}`), `data_requests ${row.id}`);

/** Data requests to register owners: each one JSON row, with the columns the daily reminders and the dashboard use. */
export class DataRequestRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.db = db;
  }

  async save(request: DataRequest): Promise<DataRequest> {
    const valid = checkRow(dataRequestSchema, request, `data_requests ${request.id}`);
    const columns = {
      request_id: valid.requestId,
      organisation: valid.organisation,
      status: valid.status,
      due_date: valid.due,
      reminded_on: valid.remindedOn ?? null,
      body: JSON.stringify(valid),
    };
    await this.db
      .insertInto('data_requests')
      .values({ id: valid.id, ...columns })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(columns))
      .execute();
    return valid;
  }

  async byId(id: string): Promise<DataRequest | undefined> {
    const row = await this.db.selectFrom('data_requests').select(['id', 'body']).where('id', '=', id).executeTakeFirst();
    return row ? read(row) : undefined;
  }

  async forRequest(requestId: string): Promise<DataRequest[]> {
    const rows = await this.db
      .selectFrom('data_requests')
      .select(['id', 'body'])
      .where('request_id', '=', requestId)
      .orderBy('due_date')
      .orderBy('id')
      .execute();
    return rows.map(read);
  }

  /** Data requests still awaited (sent, not answered) in the organisations of a scope, soonest due first. */
  async awaited(scope: OrganisationScope, limit: number): Promise<{ rows: DataRequest[]; total: number }> {
    const base = () => {
      const query = this.db.selectFrom('data_requests').where('status', '=', 'sent');
      if (scope.every) return query;
      return scope.ids.length ? query.where('organisation', 'in', scope.ids) : query.where(sql<boolean>`1 = 0`);
    };
    const [rows, count] = await Promise.all([
      base().select(['id', 'body']).orderBy('due_date').orderBy('id').limit(limit).execute(),
      base()
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map(read), total: toCount(count.count) };
  }

  /** Awaited data requests past their due date that had no reminder today. */
  async dueForReminder(today: string): Promise<DataRequest[]> {
    const rows = await this.db
      .selectFrom('data_requests')
      .select(['id', 'body'])
      .where('status', '=', 'sent')
      .where('due_date', '<', today)
      .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
      .orderBy('due_date')
      .execute();
    return rows.map(read);
  }

  /**
   * Claims a data request for today's reminder: true for exactly one caller however many instances ask at once,
   * because the update is conditional on the reminder not having gone out today.
   */
  async claimReminder(id: string, today: string): Promise<boolean> {
    const result = await this.db
      .updateTable('data_requests')
      .set({ reminded_on: today })
      .where('id', '=', id)
      .where('status', '=', 'sent')
      .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
