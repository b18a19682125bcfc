import { maskHetu } from '../domain/hetu.ts';
import { OPEN_STATUSES, REQUEST_STATUSES, type DataSubjectRequest, type RequestStatus } from '../domain/request.ts';
import { REQUEST_TYPES, type RequestType } from '../domain/deadline.ts';
import type { Runtime } from '../store/runtime.ts';
import { paginate } from './paging.ts';
import { todayInFinland } from './requests.ts';
import { addDays } from '../domain/calendar.ts';

export const REQUEST_PAGE_SIZE = 25;
export const REQUEST_SORTS = ['due', 'received', 'reference'] as const;

export interface RequestQuery {
  q?: string;
  status?: string;
  type?: string;
  assignee?: string;
  due?: string;
  sort?: string;
  page?: string;
}

/** A row of the request list: what a handler needs to pick the next one, with the identity code masked. */
export interface RequestRow {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  received: string;
  due: string;
  overdue: boolean;
  dueSoon: boolean;
  requesterName: string;
  maskedHetu?: string;
  assignee?: string;
}

/** The current due date: the extended one once extended. */
export function currentDue(request: DataSubjectRequest): string {
  return request.extension?.due.date ?? request.due.date;
}

export function toRow(request: DataSubjectRequest, today: string): RequestRow {
  const due = currentDue(request);
  const open = OPEN_STATUSES.includes(request.status);
  return {
    id: request.id,
    reference: request.reference,
    type: request.type,
    status: request.status,
    received: request.received,
    due,
    overdue: open && due < today,
    dueSoon: open && due >= today && due <= addDays(today, 7),
    requesterName: request.requester.name,
    maskedHetu: request.requester.hetu ? maskHetu(request.requester.hetu) : undefined,
    assignee: request.assignee,
  };
}

/** Rows per data snapshot and day: the store replaces its data object on every write, so a cached list is never stale. */
const rowCache = new WeakMap<object, { today: string; rows: RequestRow[] }>();

function rowsOf(runtime: Runtime, today: string): RequestRow[] {
  const data = runtime.store.data;
  const cached = rowCache.get(data);
  if (cached?.today === today) return cached.rows;
  const rows = data.requests.map((request) => toRow(request, today));
  rowCache.set(data, { today, rows });
  return rows;
}

/** Requests matching a search (reference or name), status, type, assignee and due state, sorted and paged. */
export function queryRequests(runtime: Runtime, query: RequestQuery, now = new Date()) {
  const today = todayInFinland(now);
  const q = (query.q ?? '').trim().toLocaleLowerCase('fi').slice(0, 100);
  const status = (REQUEST_STATUSES as readonly string[]).includes(query.status ?? '') ? (query.status as RequestStatus) : undefined;
  const type = (REQUEST_TYPES as readonly string[]).includes(query.type ?? '') ? (query.type as RequestType) : undefined;
  const assignee = query.assignee?.trim() || undefined;
  const due = query.due === 'overdue' || query.due === 'soon' || query.due === 'open' ? query.due : undefined;
  const sort = (REQUEST_SORTS as readonly string[]).includes(query.sort ?? '') ? (query.sort as (typeof REQUEST_SORTS)[number]) : 'due';
  const rows = rowsOf(runtime, today)
    .filter((row) => !q || row.reference.toLowerCase().includes(q) || row.requesterName.toLocaleLowerCase('fi').includes(q))
    .filter((row) => (!status || row.status === status) && (!type || row.type === type) && (!assignee || row.assignee === assignee))
    .filter((row) => !due || (due === 'overdue' ? row.overdue : due === 'soon' ? row.dueSoon : OPEN_STATUSES.includes(row.status)))
    .sort(
      (a, b) =>
        (sort === 'due'
          ? a.due.localeCompare(b.due)
          : sort === 'received'
            ? b.received.localeCompare(a.received)
            : b.reference.localeCompare(a.reference)) || a.reference.localeCompare(b.reference),
    );
  const { items, total, page, pages } = paginate(rows, query.page, REQUEST_PAGE_SIZE);
  return {
    rows: items,
    total,
    page,
    pages,
    query: { q, status, type, assignee, due, sort },
  };
}

/** ISO dates compare as strings; `localeCompare` would cost a collation per comparison. */
const byDue = (a: RequestRow, b: RequestRow) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);

/** The dashboard's figures: open requests by status, overdue and due within a week, and requests per month. One pass over the rows. */
export function requestDashboard(runtime: Runtime, now = new Date(), months = 12) {
  const today = todayInFinland(now);
  const byStatus = Object.fromEntries(OPEN_STATUSES.map((status) => [status, 0])) as Record<RequestStatus, number>;
  const perMonthCount = new Map<string, number>();
  const overdue: RequestRow[] = [];
  const dueSoon: RequestRow[] = [];
  let open = 0;
  for (const row of rowsOf(runtime, today)) {
    if (row.status in byStatus) {
      byStatus[row.status]++;
      open++;
    }
    if (row.overdue) overdue.push(row);
    if (row.dueSoon) dueSoon.push(row);
    const month = row.received.slice(0, 7);
    perMonthCount.set(month, (perMonthCount.get(month) ?? 0) + 1);
  }
  const [year, month] = today.split('-').map(Number) as [number, number];
  const perMonth = Array.from({ length: months }, (_, index) => {
    const offset = year * 12 + (month - 1) - (months - 1 - index);
    const key = `${Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, '0')}`;
    return { month: key, count: perMonthCount.get(key) ?? 0 };
  });
  return { open, byStatus, overdue: overdue.sort(byDue), dueSoon: dueSoon.sort(byDue), perMonth };
}
