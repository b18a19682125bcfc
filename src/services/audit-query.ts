import { can } from '../domain/access.ts';
import { AUDIT_ACTIONS, type AuditEvent } from '../domain/audit.ts';
import { isRealIsoDate } from '../domain/date.ts';
import { EVERY_ORGANISATION, type Actor } from '../domain/user.ts';
import type { Store, VerifyResult } from '../store/index.ts';

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

/**
 * The audit log, newest first, filtered by action, actor and date range (days in UTC), one page at a time. Someone who
 * reads the log for every organisation sees every event; someone who reads it for some sees those organisations'
 * events and their own.
 */
export async function queryAudit(store: Store, actor: Actor, query: AuditQuery): Promise<AuditPage | undefined> {
  if (!can(actor, 'audit.read')) return undefined;
  const action = (AUDIT_ACTIONS as readonly string[]).includes(query.action ?? '') ? query.action : undefined;
  const actorName = (query.actor ?? '').trim().toLowerCase().slice(0, 100);
  const from = query.from && isRealIsoDate(query.from) ? query.from : undefined;
  const to = query.to && isRealIsoDate(query.to) ? query.to : undefined;
  const everywhere = can(actor, 'audit.read', EVERY_ORGANISATION);
  const organisations = everywhere ? undefined : Object.keys(actor.roles).filter((organisation) => can(actor, 'audit.read', organisation));
  const result = await store.audit.query(
    { action, actor: actorName || undefined, from, to, organisations, alsoActor: everywhere ? undefined : actor.username },
    query.page,
    AUDIT_PAGE_SIZE,
  );
  return { ...result, query: { action, actor: actorName, from, to } };
}

/** Walks the whole hash chain (the command line's `seloste audit verify`). */
export function verifyAudit(store: Store): Promise<VerifyResult> {
  return store.audit.verify();
}
