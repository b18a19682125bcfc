import { createHash } from 'node:crypto';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { addDays } from '../domain/calendar.ts';
import { pageWindow } from '../domain/paging.ts';
import { auditEventSchema, canonicalEvent, GENESIS_HASH, type AuditEvent } from '../domain/audit.ts';
import type { Engine } from './migrations.ts';
import { containsText, inTransaction, parseJson, readRow, toCount } from './rows.ts';
import type { Tables } from './tables.ts';

export function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(canonicalEvent(event)).digest('hex');
}

export type NewAuditEvent = Pick<AuditEvent, 'actor' | 'action' | 'entity' | 'details' | 'organisation'>;

/** An arbitrary constant naming the audit-chain lock among PostgreSQL advisory locks. */
const AUDIT_LOCK = 7_260_003;

export interface AuditFilter {
  action?: string;
  /** Part of the actor's name. */
  actor?: string;
  /** Days (UTC), inclusive. */
  from?: string;
  to?: string;
  /** Only events of these organisations, plus the events of `alsoActor`; undefined means every event. */
  organisations?: readonly string[];
  alsoActor?: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  /** The first break in the chain: the event's position, and what is wrong there. */
  problem?: { line: number; reason: 'unreadable' | 'edited' | 'missing' | 'reordered' | 'broken' };
}

type AuditRow = Tables['audit_events'];

function toEvent(row: AuditRow): AuditEvent {
  const where = `audit_events ${row.seq}`;
  return readRow(
    auditEventSchema,
    {
      seq: Number(row.seq),
      at: row.at,
      actor: row.actor,
      action: row.action,
      ...(row.entity !== null ? { entity: row.entity } : {}),
      ...(row.organisation !== null ? { organisation: row.organisation } : {}),
      ...(row.details !== null ? { details: parseJson(row.details, where) } : {}),
      prev: row.prev,
      hash: row.hash,
    },
    where,
  );
}

/**
 * The append-only, hash-chained audit log. Appends are serialised across every instance (SQLite's write lock, or a
 * PostgreSQL advisory lock to the end of the transaction), so there is one chain however many servers write.
 */
export class AuditRepository {
  private readonly db: Kysely<Tables>;
  private readonly engine: Engine;

  constructor(db: Kysely<Tables>, engine: Engine) {
    this.db = db;
    this.engine = engine;
  }

  /** Appends an event after the newest one. Inside a caller's transaction it commits (or not) with that work. */
  append(event: NewAuditEvent, at = new Date()): Promise<AuditEvent> {
    return inTransaction(this.db, async (trx) => {
      if (this.engine === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
      const last = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const unsigned = {
        seq: last ? Number(last.seq) + 1 : 1,
        at: at.toISOString(),
        ...event,
        prev: last?.hash ?? GENESIS_HASH,
      };
      const full = auditEventSchema.parse({ ...unsigned, hash: hashEvent(unsigned) });
      await trx.insertInto('audit_events').values(this.toRow(full)).execute();
      return full;
    });
  }

  /** Writes events exactly as given (an import from audit.jsonl); the chain is checked afterwards by `verify`. */
  async insertAsIs(events: readonly AuditEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += 500)
      await this.db
        .insertInto('audit_events')
        .values(events.slice(start, start + 500).map((event) => this.toRow(event)))
        .execute();
  }

  private toRow(event: AuditEvent): AuditRow {
    return {
      seq: event.seq,
      at: event.at,
      actor: event.actor,
      action: event.action,
      entity: event.entity ?? null,
      organisation: event.organisation ?? null,
      details: event.details ? JSON.stringify(event.details) : null,
      prev: event.prev,
      hash: event.hash,
    };
  }

  private filtered(filter: AuditFilter): SelectQueryBuilder<Tables, 'audit_events', object> {
    let query = this.db.selectFrom('audit_events');
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.actor) query = query.where(containsText('actor', filter.actor));
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<', addDays(filter.to, 1));
    if (filter.organisations) {
      const organisations = filter.organisations;
      query = query.where((eb) =>
        eb.or([
          ...(organisations.length ? [eb('organisation', 'in', organisations)] : []),
          ...(filter.alsoActor ? [eb('actor', '=', filter.alsoActor)] : []),
          eb.lit(false),
        ]),
      );
    }
    return query;
  }

  /** A page of events, newest first, with how many match in all. */
  async query(filter: AuditFilter, requestedPage: string | undefined, size: number) {
    const count = await this.filtered(filter)
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    const total = toCount(count.count);
    const { page, pages, offset, limit } = pageWindow(requestedPage, total, size);
    const rows = await this.filtered(filter).selectAll().orderBy('seq', 'desc').offset(offset).limit(limit).execute();
    return { events: rows.map(toEvent), total, page, pages };
  }

  /** Every event, oldest first, in batches (the whole log need not fit in memory). */
  /** Every event about one entity (`request:TS-2026-000001`), oldest first: the entity's timeline. */
  async forEntity(entity: string): Promise<AuditEvent[]> {
    const rows = await this.db.selectFrom('audit_events').selectAll().where('entity', '=', entity).orderBy('seq').execute();
    return rows.map(toEvent);
  }

  async *all(batch = 2000): AsyncGenerator<AuditEvent> {
    for (let after = 0; ;) {
      const rows = await this.db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
      for (const row of rows) yield toEvent(row);
      if (rows.length < batch) return;
      after = Number(rows.at(-1)!.seq);
    }
  }

  async count(): Promise<number> {
    return toCount(
      (
        await this.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    );
  }

  /** Walks the chain: every event parses, every hash matches its event, and every event links to the one before. */
  async verify(): Promise<VerifyResult> {
    let previous = { seq: 0, hash: GENESIS_HASH };
    let index = 0;
    for (let after = -Infinity; ;) {
      const rows = await this.db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>', Number.isFinite(after) ? after : -1)
        .orderBy('seq')
        .limit(2000)
        .execute();
      for (const row of rows) {
        index++;
        let event: AuditEvent;
        try {
          event = toEvent(row);
        } catch {
          return { ok: false, events: index - 1, problem: { line: index, reason: 'unreadable' } };
        }
        const { hash, ...unsigned } = event;
        if (hashEvent(unsigned) !== hash) return { ok: false, events: index - 1, problem: { line: index, reason: 'edited' } };
        if (event.seq !== previous.seq + 1)
          return { ok: false, events: index - 1, problem: { line: index, reason: event.seq > previous.seq + 1 ? 'missing' : 'reordered' } };
        // Numbered right and hashed right, but not linked to the event before: that one was replaced or removed.
        if (event.prev !== previous.hash) return { ok: false, events: index - 1, problem: { line: index, reason: 'broken' } };
        previous = { seq: event.seq, hash };
      }
      if (rows.length < 2000) return { ok: true, events: index };
      after = Number(rows.at(-1)!.seq);
    }
  }
}
