import { can } from '../domain/access.ts';
import { daysBetween } from '../domain/calendar.ts';
import { REQUEST_TYPES } from '../domain/deadline.ts';
import { OUTCOMES, type DataSubjectRequest } from '../domain/request.ts';
import { EVERY_ORGANISATION, type Actor } from '../domain/user.ts';
import { csvDocument } from '../render/csv.ts';
import { formatDate } from '../domain/date.ts';
import type { Lang } from '../domain/language.ts';
import { tFor } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import { scopeFor } from './request-query.ts';
import { RequestError } from './requests.ts';

const CSV_COLUMNS = [
  'reference',
  'organisation',
  'type',
  'status',
  'received',
  'due',
  'extended',
  'decidedOn',
  'outcome',
  'channel',
  'language',
  'assignee',
  'registers',
  'caseNumber',
] as const;

/**
 * The requests the actor may read that were received in a period, as CSV for a Finnish spreadsheet: `;` between
 * fields, UTF-8 with a byte-order mark, the headings and values in the reader's language (never codes such as
 * `partly-granted`). Identity codes are left out unless an administrator asks for them, and every export is audited.
 */
export async function requestsCsv(
  store: Store,
  options: { includeHetu: boolean; actor: Actor; lang: Lang; from?: string; to?: string },
): Promise<string> {
  const { actor, includeHetu, lang, from, to } = options;
  if (!can(actor, 'reports.read')) throw new RequestError('request.forbidden');
  if (includeHetu && !can(actor, 'reports.exportHetu')) throw new RequestError('request.hetu.forbidden');
  const t = tFor(lang);
  const columns = [...CSV_COLUMNS, 'requester', ...(includeHetu ? ['hetu'] : [])].map((column) => t(`csv.column.${column}`));
  // The localized name of a code, e.g. `partly-granted` under request.outcome.
  const named = (noun: string, value: string | undefined) => (value === undefined ? undefined : t(['request', noun, value].join('.')));
  const day = (value: string | undefined) => (value === undefined ? undefined : formatDate(value, lang));
  const rows: (string | undefined)[][] = [];
  for await (const request of store.requests.all(scopeFor(actor, 'reports.read'))) {
    if ((from && request.received < from) || (to && request.received > to)) continue;
    const hetuAllowed = includeHetu && can(actor, 'reports.exportHetu', request.organisation);
    rows.push([
      request.reference,
      request.organisation,
      named('type', request.type),
      named('status', request.status),
      day(request.received),
      day(request.due.date),
      day(request.extension?.due.date),
      day(request.decidedOn),
      named('outcome', request.outcome),
      named('channel', request.channel),
      t(`lang.${request.requester.language}`),
      request.assignee,
      request.registers.join(' '),
      request.caseNumber,
      request.requester.name,
      ...(includeHetu ? [hetuAllowed ? request.requester.hetu : undefined] : []),
    ]);
  }
  await store.audit.append({
    actor: actor.username,
    action: 'request.exported',
    details: { rows: rows.length, hetu: includeHetu, ...(from ? { from } : {}), ...(to ? { to } : {}) },
  });
  return csvDocument([columns, ...rows], ';');
}

export interface RequestStatistics {
  from: string;
  to: string;
  received: number;
  byType: Record<string, number>;
  byOutcome: Record<string, number>;
  decided: number;
  /** Median calendar days from receipt to decision. */
  medianDays?: number;
  /** Share of decided requests answered by their due date (the extended one where extended). */
  withinDeadline?: number;
  extensions: number;
}

/** Figures for requests received in a period: counts by type and outcome, time to answer, deadlines met, extensions. */
export async function requestStatistics(store: Store, actor: Actor, from: string, to: string): Promise<RequestStatistics> {
  if (!can(actor, 'reports.read')) throw new RequestError('request.forbidden');
  const inPeriod = await store.requests.periodFacts(scopeFor(actor, 'reports.read'), from, to);
  const decided = inPeriod.filter((request) => request.decidedOn);
  const days = decided.map((request) => daysBetween(request.received, request.decidedOn!)).sort((a, b) => a - b);
  const middle = Math.floor(days.length / 2);
  const median = days.length === 0 ? undefined : days.length % 2 ? days[middle] : (days[middle - 1]! + days[middle]!) / 2;
  const count = (keys: readonly string[], of: (request: (typeof inPeriod)[number]) => string | undefined, list: typeof inPeriod) =>
    Object.fromEntries(keys.map((key) => [key, list.filter((request) => of(request) === key).length]));
  return {
    from,
    to,
    received: inPeriod.length,
    byType: count(REQUEST_TYPES, (request) => request.type, inPeriod),
    byOutcome: count(OUTCOMES, (request) => request.outcome, decided),
    decided: decided.length,
    medianDays: median,
    withinDeadline: decided.length ? decided.filter((request) => request.decidedOn! <= request.due).length / decided.length : undefined,
    extensions: inPeriod.filter((request) => request.extended).length,
  };
}

/**
 * Anonymises closed requests older than the retention period: the requester's details, the representative, free text
 * and letter texts go; the reference, type, dates, outcome and letter hashes stay for statistics and the audit trail.
 * Only the command line runs it (its actor holds every role).
 */
export async function purgeRequests(
  store: Store,
  options: { retentionMonths: number; dryRun: boolean; actor: Actor; now?: Date },
): Promise<string[]> {
  if (!can(options.actor, 'requests.act', EVERY_ORGANISATION)) throw new RequestError('request.forbidden');
  const now = options.now ?? new Date();
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - options.retentionMonths);
  const closedBefore = (request: DataSubjectRequest) => {
    const closed = [...request.history].reverse().find((entry) => entry.to === 'closed');
    return request.status === 'closed' && !request.purgedAt && closed !== undefined && new Date(closed.at) < cutoff;
  };
  const due: DataSubjectRequest[] = [];
  for await (const request of store.requests.all({ every: true })) if (closedBefore(request)) due.push(request);
  if (options.dryRun || due.length === 0) return due.map((request) => request.reference);
  await store.transaction(async (repositories) => {
    for (const request of due) {
      const { representative: _representative, details: _details, recipientsNotified: _recipients, ...kept } = request;
      await repositories.requests.purge({
        ...kept,
        requester: { name: '–', language: request.requester.language },
        letters: request.letters.map((letter) => ({ ...letter, text: '' })),
        history: request.history.map(({ note: _note, ...entry }) => entry),
        purgedAt: now.toISOString(),
      });
    }
    await repositories.audit.append({
      actor: options.actor.username,
      action: 'request.purged',
      details: { count: due.length, retentionMonths: options.retentionMonths },
    });
  });
  return due.map((request) => request.reference);
}
