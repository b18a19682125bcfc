import { createHmac } from 'node:crypto';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { maskHetu } from '../domain/hetu.ts';
import { pageWindow } from '../domain/paging.ts';
import {
  identityMethodSchema,
  OPEN_STATUSES,
  requestSchema,
  type DataSubjectRequest,
  type IdentificationFilter,
  type IdentityMethod,
} from '../domain/request.ts';
import type { Engine } from './migrations.ts';
import { checkRow, containsText, parseJson, readRow, toCount } from './rows.ts';
import type { Tables } from './tables.ts';

type RequestRow = Tables['requests'];
type Letter = DataSubjectRequest['letters'][number];
type HistoryEntry = DataSubjectRequest['history'][number];

/** Which organisations' requests a query may see: every one, or those listed. */
export type OrganisationScope = { every: true } | { every: false; ids: readonly string[] };

export interface RequestListFilter {
  scope: OrganisationScope;
  /** Part of the reference, name, e-mail or case number. */
  q?: string;
  /** A whole identity code, matched through its keyed hash. */
  hetu?: string;
  status?: string;
  type?: string;
  assignee?: string;
  /** How the requester was identified: strongly, by any method, or not yet. */
  identification?: IdentificationFilter;
  due?: 'overdue' | 'soon' | 'open';
  /** Today, and the last day that counts as due soon. */
  today: string;
  soonUntil: string;
}

export type RequestSort = 'due' | 'received' | 'reference';

/** What a list needs of a request, read from indexed columns without assembling the whole request. */
export interface RequestSummary {
  id: string;
  organisation: string;
  reference: string;
  type: string;
  status: string;
  received: string;
  due: string;
  requesterName: string;
  maskedHetu?: string;
  assignee?: string;
  /** How the requester's identity was verified; absent while it is not. */
  identityMethod?: IdentityMethod;
}

/**
 * "The request is open", with the statuses written into the SQL as literals, so that both engines see the same
 * predicate as the partial index `requests_open_due` (migration 7) and use it.
 */
export const OPEN = sql<boolean>`status in (${sql.join(OPEN_STATUSES.map((status) => sql.lit(status)))})`;

const SUMMARY_COLUMNS = [
  'id',
  'organisation',
  'reference',
  'type',
  'status',
  'received',
  'due_date',
  'requester_name',
  'hetu_masked',
  'assignee',
  'identity_method',
] as const;

const storedIdentityMethod = identityMethodSchema.nullable();

function toSummary(row: Pick<RequestRow, (typeof SUMMARY_COLUMNS)[number]>): RequestSummary {
  const identityMethod = readRow(storedIdentityMethod, row.identity_method, `requests ${row.reference}: identity_method`);
  return {
    id: row.id,
    organisation: row.organisation,
    reference: row.reference,
    type: row.type,
    status: row.status,
    received: row.received,
    due: row.due_date,
    requesterName: row.requester_name,
    ...(row.hetu_masked ? { maskedHetu: row.hetu_masked } : {}),
    ...(row.assignee ? { assignee: row.assignee } : {}),
    ...(identityMethod ? { identityMethod } : {}),
  };
}

/**
 * The keyed hash an identity code is searched by: HMAC-SHA256 under the deployment's secret, so the column cannot be
 * reversed by hashing every possible code (there are few enough) without the key. Without a key there is no index.
 */
export function hetuHash(key: Uint8Array | undefined, hetu: string | undefined): string | null {
  return key && hetu ? createHmac('sha256', key).update(hetu.trim().toUpperCase()).digest('hex') : null;
}

/** The columns a request is found and listed by, derived from the request itself. */
function columnsOf(request: DataSubjectRequest, key: Uint8Array | undefined): Omit<RequestRow, 'id' | 'body'> {
  return {
    organisation: request.organisation,
    reference: request.reference,
    type: request.type,
    status: request.status,
    received: request.received,
    due_date: request.extension?.due.date ?? request.due.date,
    assignee: request.assignee ?? null,
    requester_name: request.requester.name,
    search_text: [request.reference, request.requester.name, request.requester.email, request.caseNumber]
      .filter(Boolean)
      .join('\n')
      .toLowerCase(),
    hetu_masked: request.requester.hetu ? maskHetu(request.requester.hetu) : null,
    hetu_hash: hetuHash(key, request.requester.hetu),
    identity_method: request.identity?.method ?? null,
    case_number: request.caseNumber ?? null,
    decided_on: request.decidedOn ?? null,
    outcome: request.outcome ?? null,
    extended: request.extension ? 1 : 0,
    created_at: request.createdAt,
    updated_at: new Date().toISOString(),
    purged_at: request.purgedAt ?? null,
  };
}

/** How many times this process has changed requests: what figures computed from them are cached against. */
export interface WriteCount {
  requests: number;
}

/**
 * Data-subject requests with their letters and history. A request's own fields are one JSON row with its indexed
 * columns beside it; letters and history are rows of their own that only grow, so a change writes what changed.
 */
export class RequestRepository {
  private readonly db: Kysely<Tables>;
  private readonly engine: Engine;
  private readonly hetuKey: Uint8Array | undefined;
  private readonly writes: WriteCount;

  constructor(db: Kysely<Tables>, engine: Engine, hetuKey?: Uint8Array, writes: WriteCount = { requests: 0 }) {
    this.db = db;
    this.engine = engine;
    this.hetuKey = hetuKey;
    this.writes = writes;
  }

  /** Whether identity codes can be searched for (a key is configured). */
  get searchesHetu(): boolean {
    return this.hetuKey !== undefined;
  }

  /** Fills the keyed hash of requests stored before it existed (or before a key was set); returns how many. */
  async indexHetus(): Promise<number> {
    if (!this.hetuKey) return 0;
    const rows = await this.db
      .selectFrom('requests')
      .select(['id', 'reference', 'body'])
      .where('hetu_masked', 'is not', null)
      .where('hetu_hash', 'is', null)
      .execute();
    for (const row of rows) {
      const hetu = (parseJson(row.body, `requests ${row.reference}`) as { requester?: { hetu?: string } }).requester?.hetu;
      await this.db
        .updateTable('requests')
        .set({ hetu_hash: hetuHash(this.hetuKey, hetu) })
        .where('id', '=', row.id)
        .execute();
      this.writes.requests++;
    }
    return rows.length;
  }

  /** The next reference number of a year, unique across every instance (an atomic upsert on the year's counter). */
  async nextSequence(year: number): Promise<number> {
    const row = await this.db
      .insertInto('reference_counters')
      .values({ year, last: 1 })
      .onConflict((conflict) => conflict.column('year').doUpdateSet({ last: sql`reference_counters.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    return Number(row.last);
  }

  /** Raises a year's counter to at least `last` (after an import of existing references). */
  async raiseSequence(year: number, last: number): Promise<void> {
    await this.db
      .insertInto('reference_counters')
      .values({ year, last })
      .onConflict((conflict) =>
        // The larger of two values is greatest() in PostgreSQL and the two-argument max() in SQLite.
        conflict.column('year').doUpdateSet({
          last:
            this.engine === 'postgres'
              ? sql`greatest(reference_counters.last, excluded.last)`
              : sql`max(reference_counters.last, excluded.last)`,
        }),
      )
      .execute();
  }

  /** Stores a new request, or the new state of one, after validating the whole of it. Call inside a transaction. */
  async save(request: DataSubjectRequest): Promise<DataSubjectRequest> {
    const valid = checkRow(requestSchema, request, `requests ${request.reference}`);
    const { letters, history, ...own } = valid;
    const columns = columnsOf(valid, this.hetuKey);
    await this.db
      .insertInto('requests')
      .values({ id: valid.id, body: JSON.stringify(own), ...columns })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ body: JSON.stringify(own), ...columns }))
      .execute();
    await this.appendChildren(valid.id, letters, history);
    this.writes.requests++;
    return valid;
  }

  /** Inserts the letters and history entries beyond those already stored (both only ever grow). */
  private async appendChildren(id: string, letters: readonly Letter[], history: readonly HistoryEntry[]): Promise<void> {
    const [storedLetters, storedEvents] = await Promise.all([
      this.db
        .selectFrom('request_letters')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('request_id', '=', id)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('request_events')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('request_id', '=', id)
        .executeTakeFirstOrThrow(),
    ]);
    const newLetters = letters.slice(toCount(storedLetters.count));
    const newEvents = history.slice(toCount(storedEvents.count));
    const letterOffset = letters.length - newLetters.length;
    const eventOffset = history.length - newEvents.length;
    if (newLetters.length)
      await this.db
        .insertInto('request_letters')
        .values(
          newLetters.map((letter, index) => ({
            request_id: id,
            position: letterOffset + index,
            kind: letter.kind,
            lang: letter.lang,
            sent_at: letter.sentAt,
            sha256: letter.sha256,
            template: letter.template,
            text: letter.text,
            meta: JSON.stringify({
              ...(letter.signer ? { signer: letter.signer } : {}),
              ...(letter.sentBy ? { sentBy: letter.sentBy } : {}),
              ...(letter.approvedBy ? { approvedBy: letter.approvedBy } : {}),
            }),
          })),
        )
        .execute();
    if (newEvents.length)
      await this.db
        .insertInto('request_events')
        .values(
          newEvents.map((entry, index) => ({
            request_id: id,
            position: eventOffset + index,
            at: entry.at,
            actor: entry.by,
            from_status: entry.from ?? null,
            to_status: entry.to,
            note: entry.note ?? null,
          })),
        )
        .execute();
  }

  private async assemble(rows: Pick<RequestRow, 'id' | 'reference' | 'body'>[]): Promise<DataSubjectRequest[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [letters, events] = await Promise.all([
      this.db.selectFrom('request_letters').selectAll().where('request_id', 'in', ids).orderBy('position').execute(),
      this.db.selectFrom('request_events').selectAll().where('request_id', 'in', ids).orderBy('position').execute(),
    ]);
    return rows.map((row) => {
      const where = `requests ${row.reference}`;
      return readRow(
        requestSchema,
        {
          ...(parseJson(row.body, where) as object),
          letters: letters
            .filter((letter) => letter.request_id === row.id)
            .map((letter) => ({
              kind: letter.kind,
              lang: letter.lang,
              sentAt: letter.sent_at,
              sha256: letter.sha256,
              template: letter.template,
              text: letter.text,
              ...(letter.meta ? (parseJson(letter.meta, where) as object) : {}),
            })),
          history: events
            .filter((entry) => entry.request_id === row.id)
            .map((entry) => ({
              at: entry.at,
              by: entry.actor,
              ...(entry.from_status !== null ? { from: entry.from_status } : {}),
              to: entry.to_status,
              ...(entry.note !== null ? { note: entry.note } : {}),
            })),
        },
        where,
      );
    });
  }

  async byId(id: string): Promise<DataSubjectRequest | undefined> {
    return (
      await this.assemble(await this.db.selectFrom('requests').select(['id', 'reference', 'body']).where('id', '=', id).execute())
    )[0];
  }

  async byReference(reference: string): Promise<DataSubjectRequest | undefined> {
    const rows = await this.db.selectFrom('requests').select(['id', 'reference', 'body']).where('reference', '=', reference).execute();
    return (await this.assemble(rows))[0];
  }

  private scoped(scope: OrganisationScope): SelectQueryBuilder<Tables, 'requests', object> {
    const query = this.db.selectFrom('requests');
    if (scope.every) return query;
    return scope.ids.length ? query.where('organisation', 'in', scope.ids) : query.where(sql<boolean>`1 = 0`);
  }

  private filtered(filter: RequestListFilter): SelectQueryBuilder<Tables, 'requests', object> {
    let query = this.scoped(filter.scope);
    if (filter.q) query = query.where(containsText('search_text', filter.q));
    if (filter.hetu) query = query.where('hetu_hash', '=', hetuHash(this.hetuKey, filter.hetu) ?? '');
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.type) query = query.where('type', '=', filter.type);
    if (filter.assignee) query = query.where('assignee', '=', filter.assignee);
    if (filter.identification === 'strong') query = query.where('identity_method', '=', 'strong-electronic' satisfies IdentityMethod);
    if (filter.identification === 'verified') query = query.where('identity_method', 'is not', null);
    if (filter.identification === 'unverified') query = query.where('identity_method', 'is', null);
    if (filter.due) {
      query = query.where(OPEN);
      if (filter.due === 'overdue') query = query.where('due_date', '<', filter.today);
      if (filter.due === 'soon') query = query.where('due_date', '>=', filter.today).where('due_date', '<=', filter.soonUntil);
    }
    return query;
  }

  /** One page of matching requests, sorted, with how many match in all. */
  async list(filter: RequestListFilter, sort: RequestSort, requestedPage: string | undefined, size: number) {
    const count = await this.filtered(filter)
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    const total = toCount(count.count);
    const { page, pages, offset, limit } = pageWindow(requestedPage, total, size);
    let query = this.filtered(filter).select(SUMMARY_COLUMNS);
    query =
      sort === 'due'
        ? query.orderBy('due_date').orderBy('reference')
        : sort === 'received'
          ? query.orderBy('received', 'desc').orderBy('reference')
          : query.orderBy('reference', 'desc');
    const rows = await query.offset(offset).limit(limit).execute();
    return { rows: rows.map(toSummary), total, page, pages };
  }

  /** Open requests per status. */
  async openCounts(scope: OrganisationScope): Promise<Record<string, number>> {
    const rows = await this.scoped(scope)
      .select(['status', (eb) => eb.fn.countAll().as('count')])
      .where(OPEN)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, toCount(row.count)]));
  }

  /** Open requests due before (overdue) or within a range of days, soonest first. */
  async openDue(
    scope: OrganisationScope,
    range: { before?: string; from?: string; to?: string },
    limit: number,
  ): Promise<{ rows: RequestSummary[]; total: number }> {
    const base = () => {
      let query = this.scoped(scope).where(OPEN);
      if (range.before) query = query.where('due_date', '<', range.before);
      if (range.from) query = query.where('due_date', '>=', range.from);
      if (range.to) query = query.where('due_date', '<=', range.to);
      return query;
    };
    const [rows, count] = await Promise.all([
      base().select(SUMMARY_COLUMNS).orderBy('due_date').orderBy('reference').limit(limit).execute(),
      base()
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map(toSummary), total: toCount(count.count) };
  }

  /** Requests received per month (YYYY-MM) from a day on. */
  async receivedPerMonth(scope: OrganisationScope, fromDay: string): Promise<Map<string, number>> {
    const month = sql<string>`substr(received, 1, 7)`;
    const rows = await this.scoped(scope)
      .select([month.as('month'), (eb) => eb.fn.countAll().as('count')])
      .where('received', '>=', fromDay)
      .groupBy(month)
      .execute();
    return new Map(rows.map((row) => [row.month, toCount(row.count)]));
  }

  /** The figures statistics are made of, for requests received in a period. */
  async periodFacts(scope: OrganisationScope, from: string, to: string) {
    const rows = await this.scoped(scope)
      .select(['type', 'received', 'decided_on', 'due_date', 'outcome', 'extended'])
      .where('received', '>=', from)
      .where('received', '<=', to)
      .execute();
    return rows.map((row) => ({
      type: row.type,
      received: row.received,
      decidedOn: row.decided_on ?? undefined,
      due: row.due_date,
      outcome: row.outcome ?? undefined,
      extended: Boolean(Number(row.extended)),
    }));
  }

  /** Every request in scope, whole, oldest reference first, in batches. */
  async *all(scope: OrganisationScope, batch = 500): AsyncGenerator<DataSubjectRequest> {
    for (let after = ''; ;) {
      const rows = await this.scoped(scope)
        .select(['id', 'reference', 'body'])
        .where('reference', '>', after)
        .orderBy('reference')
        .limit(batch)
        .execute();
      for (const request of await this.assemble(rows)) yield request;
      if (rows.length < batch) return;
      after = rows.at(-1)!.reference;
    }
  }

  async count(): Promise<number> {
    return toCount(
      (
        await this.db
          .selectFrom('requests')
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    );
  }

  /**
   * Anonymises one request for the retention purge: its own fields are replaced, and the texts of its letters and the
   * notes of its history are blanked (their hashes, dates and kinds stay).
   */
  async purge(request: DataSubjectRequest): Promise<void> {
    const { letters: _letters, history: _history, ...own } = checkRow(requestSchema, request, `requests ${request.reference}`);
    await this.db
      .updateTable('requests')
      .set({ body: JSON.stringify(own), ...columnsOf(request, this.hetuKey) })
      .where('id', '=', request.id)
      .execute();
    await this.db.updateTable('request_letters').set({ text: '' }).where('request_id', '=', request.id).execute();
    await this.db.deleteFrom('request_attachments').where('request_id', '=', request.id).execute();
    await this.db.deleteFrom('data_requests').where('request_id', '=', request.id).execute();
    await this.db.deleteFrom('request_status_links').where('request_id', '=', request.id).execute();
    await this.db.updateTable('request_events').set({ note: null }).where('request_id', '=', request.id).execute();
    this.writes.requests++;
  }
}
