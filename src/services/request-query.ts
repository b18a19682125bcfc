import { maskHetu } from '../domain/hetu.ts';
import { OPEN_STATUSES, REQUEST_STATUSES, type DataSubjectRequest, type RequestStatus } from '../domain/request.ts';
import { REQUEST_TYPES, type RequestType } from '../domain/deadline.ts';
import type { Runtime } from '../store/runtime.ts';
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

/** Requests matching a search (reference or name), status, type, assignee and due state, sorted and paged. */
export function queryRequests(runtime: Runtime, query: RequestQuery, now = new Date()) {
  const today = todayInFinland(now);
  const q = (query.q ?? '').trim().toLocaleLowerCase('fi').slice(0, 100);
  const status = (REQUEST_STATUSES as readonly string[]).includes(query.status ?? '') ? (query.status as RequestStatus) : undefined;
  const type = (REQUEST_TYPES as readonly string[]).includes(query.type ?? '') ? (query.type as RequestType) : undefined;
  const assignee = query.assignee?.trim() || undefined;
  const due = query.due === 'overdue' || query.due === 'soon' || query.due === 'open' ? query.due : undefined;
  const sort = (REQUEST_SORTS as readonly string[]).includes(query.sort ?? '') ? (query.sort as (typeof REQUEST_SORTS)[number]) : 'due';
  const rows = runtime.store.data.requests
    .map((request) => toRow(request, today))
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
  const pages = Math.max(1, Math.ceil(rows.length / REQUEST_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1));
  return {
    rows: rows.slice((page - 1) * REQUEST_PAGE_SIZE, page * REQUEST_PAGE_SIZE),
    total: rows.length,
    page,
    pages,
    query: { q, status, type, assignee, due, sort },
  };
}

/** The dashboard's figures: open requests by status, overdue and due within a week, and requests per month. */
export function requestDashboard(runtime: Runtime, now = new Date(), months = 12) {
  const today = todayInFinland(now);
  const rows = runtime.store.data.requests.map((request) => toRow(request, today));
  const byStatus = Object.fromEntries(
    OPEN_STATUSES.map((status) => [status, rows.filter((row) => row.status === status).length]),
  ) as Record<RequestStatus, number>;
  const [year, month] = today.split('-').map(Number) as [number, number];
  const perMonth = Array.from({ length: months }, (_, index) => {
    const offset = year * 12 + (month - 1) - (months - 1 - index);
    const key = `${Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, '0')}`;
    return { month: key, count: rows.filter((row) => row.received.startsWith(key)).length };
  });
  return {
    open: rows.filter((row) => OPEN_STATUSES.includes(row.status)).length,
    byStatus,
    overdue: rows.filter((row) => row.overdue).sort((a, b) => a.due.localeCompare(b.due)),
    dueSoon: rows.filter((row) => row.dueSoon).sort((a, b) => a.due.localeCompare(b.due)),
    perMonth,
  };
}
