import { scopeOf, type Permission } from '../domain/access.ts';
import { addDays, daysBetween, todayInFinland } from '../domain/calendar.ts';
import { REQUEST_TYPES, type RequestType } from '../domain/deadline.ts';
import { validateHetu } from '../domain/hetu.ts';
import { IDENTIFICATION_FILTERS, OPEN_STATUSES, REQUEST_STATUSES, type DataSubjectRequest, type RequestStatus } from '../domain/request.ts';
import type { Actor } from '../domain/user.ts';
import type { OrganisationScope, RequestSummary, Store } from '../store/index.ts';

export const REQUEST_PAGE_SIZE = 25;
export const REQUEST_SORTS = ['due', 'received', 'reference'] as const;

export interface RequestQuery {
  q?: string;
  /** `me`: the requests assigned to the one asking. */
  mine?: string;
  status?: string;
  type?: string;
  assignee?: string;
  /** `strong`, `verified` or `unverified`: how the requester was identified. */
  identification?: string;
  due?: string;
  sort?: string;
  page?: string;
}

/** A row of the request list: what a handler needs to pick the next one, with the identity code masked. */
export interface RequestRow extends RequestSummary {
  type: RequestType;
  status: RequestStatus;
  overdue: boolean;
  dueSoon: boolean;
  /** Days to the due date while open (negative when overdue). */
  daysLeft?: number;
}

/** Calendar days from today to the current due date of an open request (negative when overdue); undefined once answered. */
export function daysLeft(request: Pick<DataSubjectRequest, 'due' | 'extension' | 'status'>, now = new Date()): number | undefined {
  if (!(OPEN_STATUSES as readonly string[]).includes(request.status)) return undefined;
  return daysBetween(todayInFinland(now), currentDue(request));
}

/** The current due date: the extended one once extended. */
export function currentDue(request: Pick<DataSubjectRequest, 'due' | 'extension'>): string {
  return request.extension?.due.date ?? request.due.date;
}

/** The organisations whose requests an actor may see, as a query scope. */
export function scopeFor(actor: Actor, permission: Permission): OrganisationScope {
  const { every, ids } = scopeOf(actor, permission, Object.keys(actor.roles));
  return every ? { every: true } : { every: false, ids };
}

function toRow(summary: RequestSummary, today: string): RequestRow {
  const open = (OPEN_STATUSES as readonly string[]).includes(summary.status);
  return {
    ...summary,
    type: summary.type as RequestType,
    status: summary.status as RequestStatus,
    overdue: open && summary.due < today,
    dueSoon: open && summary.due >= today && summary.due <= addDays(today, 7),
    ...(open ? { daysLeft: daysBetween(today, summary.due) } : {}),
  };
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/**
 * Requests matching a search (reference, name, e-mail or case number; a whole identity code is matched through its
 * keyed hash, never a plain index), status, type, assignee ("my requests"), identification and due state, sorted and
 * paged.
 */
export async function queryRequests(store: Store, actor: Actor, query: RequestQuery, now = new Date()) {
  const today = todayInFinland(now);
  const typed = (query.q ?? '').trim().slice(0, 100);
  const hetu = validateHetu(typed.toUpperCase()).valid ? typed.toUpperCase() : undefined;
  const q = hetu ? '' : typed.toLocaleLowerCase('fi');
  const mine = query.mine === 'me';
  const status = oneOf(REQUEST_STATUSES, query.status);
  const type = oneOf(REQUEST_TYPES, query.type);
  const assignee = mine ? actor.username : query.assignee?.trim().slice(0, 64) || undefined;
  const identification = oneOf(IDENTIFICATION_FILTERS, query.identification);
  const due = oneOf(['overdue', 'soon', 'open'] as const, query.due);
  const sort = oneOf(REQUEST_SORTS, query.sort) ?? 'due';
  const result = await store.requests.list(
    {
      scope: scopeFor(actor, 'requests.read'),
      q: q || undefined,
      hetu,
      status,
      type,
      assignee,
      identification,
      due,
      today,
      soonUntil: addDays(today, 7),
    },
    sort,
    query.page,
    REQUEST_PAGE_SIZE,
  );
  return {
    ...result,
    rows: result.rows.map((row) => toRow(row, today)),
    query: { q: typed, status, type, assignee, identification, due, sort, mine },
    hetuSearch: store.requests.searchesHetu,
  };
}

/**
 * How long the dashboard's figures are reused when nothing changed in this process. A change made here is seen at
 * once (the store counts its writes); one made by another instance sharing the database within this time.
 */
export const DASHBOARD_REUSE_MS = 2000;
const DASHBOARD_CACHE_ENTRIES = 200;

type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;
const dashboards = new WeakMap<Store, Map<string, { writes: number; until: number; value: Promise<Dashboard> }>>();

/**
 * The dashboard's figures: open requests by status, overdue and due within a week, and requests per month, as indexed
 * queries. Everyone with the same reach sees the same figures, so they are computed once for all who look at them
 * within DASHBOARD_REUSE_MS, and again as soon as a request changes.
 */
export function requestDashboard(store: Store, actor: Actor, now = new Date(), months = 12): Promise<Dashboard> {
  const today = todayInFinland(now);
  const scope = scopeFor(actor, 'requests.read');
  const key = `${today}|${months}|${scope.every ? '*' : [...scope.ids].sort().join(',')}`;
  let cache = dashboards.get(store);
  if (!cache) dashboards.set(store, (cache = new Map()));
  const writes = store.requestWrites();
  const time = now.getTime();
  const kept = cache.get(key);
  if (kept && kept.writes === writes && time < kept.until) return kept.value;
  if (cache.size >= DASHBOARD_CACHE_ENTRIES) cache.clear();
  const value = computeDashboard(store, scope, today, months);
  cache.set(key, { writes, until: time + DASHBOARD_REUSE_MS, value });
  value.catch(() => cache.delete(key));
  return value;
}

async function computeDashboard(store: Store, scope: OrganisationScope, today: string, months: number) {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const monthKeys = Array.from({ length: months }, (_, index) => {
    const offset = year * 12 + (month - 1) - (months - 1 - index);
    return `${Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, '0')}`;
  });
  const [counts, overdue, dueSoon, perMonthCount] = await Promise.all([
    store.requests.openCounts(scope),
    store.requests.openDue(scope, { before: today }, 10),
    store.requests.openDue(scope, { from: today, to: addDays(today, 7) }, 10),
    store.requests.receivedPerMonth(scope, `${monthKeys[0]}-01`),
  ]);
  const byStatus = Object.fromEntries(OPEN_STATUSES.map((status) => [status, counts[status] ?? 0])) as Record<RequestStatus, number>;
  return {
    open: Object.values(byStatus).reduce((sum, count) => sum + count, 0),
    byStatus,
    overdue: overdue.rows.map((row) => toRow(row, today)),
    overdueTotal: overdue.total,
    dueSoon: dueSoon.rows.map((row) => toRow(row, today)),
    dueSoonTotal: dueSoon.total,
    perMonth: monthKeys.map((key) => ({ month: key, count: perMonthCount.get(key) ?? 0 })),
  };
}
