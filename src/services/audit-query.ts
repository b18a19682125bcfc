import { AUDIT_ACTIONS, type AuditEvent } from '../domain/audit.ts';
import { isRealIsoDate } from '../domain/date.ts';
import type { Runtime } from '../store/runtime.ts';
import { paginate } from './paging.ts';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditQuery {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page?: string;
}

export interface AuditPage {
  events: AuditEvent[];
  total: number;
  page: number;
  pages: number;
  /** The query as understood: unknown actions and impossible dates are dropped. */
  query: { action?: string; actor: string; from?: string; to?: string };
}

/** The audit log, newest first, filtered by action, actor and date range (days in UTC), one page at a time. */
export async function queryAudit(runtime: Runtime, query: AuditQuery): Promise<AuditPage> {
  const action = (AUDIT_ACTIONS as readonly string[]).includes(query.action ?? '') ? query.action : undefined;
  const actor = (query.actor ?? '').trim().toLowerCase().slice(0, 100);
  const from = query.from && isRealIsoDate(query.from) ? query.from : undefined;
  const to = query.to && isRealIsoDate(query.to) ? query.to : undefined;
  const matching = (await runtime.audit.events())
    .filter((event) => (!action || event.action === action) && (!actor || event.actor.toLowerCase().includes(actor)))
    .filter((event) => (!from || event.at.slice(0, 10) >= from) && (!to || event.at.slice(0, 10) <= to))
    .reverse();
  const { items, total, page, pages } = paginate(matching, query.page, AUDIT_PAGE_SIZE);
  return {
    events: items,
    total,
    page,
    pages,
    query: { action, actor, from, to },
  };
}
