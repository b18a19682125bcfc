import { daysBetween } from '../domain/calendar.ts';
import { REQUEST_TYPES } from '../domain/deadline.ts';
import { OUTCOMES, type DataSubjectRequest } from '../domain/request.ts';
import type { Role } from '../domain/user.ts';
import { csvDocument } from '../render/csv.ts';
import type { Runtime } from '../store/runtime.ts';
import { currentDue } from './request-query.ts';
import { RequestError } from './requests.ts';

const CSV_COLUMNS = [
  'reference',
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
 * The requests as CSV (RFC 4180, UTF-8 with a byte-order mark for spreadsheets). Identity codes are left out unless an
 * administrator asks for them, and that export is audited.
 */
export async function requestsCsv(
  runtime: Runtime,
  options: { includeHetu: boolean; actor: { username: string; role: Role } },
): Promise<string> {
  if (options.includeHetu && options.actor.role !== 'admin') throw new RequestError('request.hetu.forbidden');
  const columns = [...CSV_COLUMNS, 'requester', ...(options.includeHetu ? ['hetu'] : [])];
  const rows = runtime.store.data.requests.map((request) => [
    request.reference,
    request.type,
    request.status,
    request.received,
    request.due.date,
    request.extension?.due.date,
    request.decidedOn,
    request.outcome,
    request.channel,
    request.requester.language,
    request.assignee,
    request.registers.join(' '),
    request.caseNumber,
    request.requester.name,
    ...(options.includeHetu ? [request.requester.hetu] : []),
  ]);
  await runtime.audit.append({
    actor: options.actor.username,
    action: 'request.exported',
    details: { rows: rows.length, hetu: options.includeHetu },
  });
  return csvDocument([columns, ...rows], ',');
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
export function requestStatistics(requests: readonly DataSubjectRequest[], from: string, to: string): RequestStatistics {
  const inPeriod = requests.filter((request) => request.received >= from && request.received <= to);
  const decided = inPeriod.filter((request) => request.decidedOn);
  const days = decided.map((request) => daysBetween(request.received, request.decidedOn!)).sort((a, b) => a - b);
  const middle = Math.floor(days.length / 2);
  const median = days.length === 0 ? undefined : days.length % 2 ? days[middle] : (days[middle - 1]! + days[middle]!) / 2;
  const count = <T extends string>(
    keys: readonly T[],
    of: (request: DataSubjectRequest) => string | undefined,
    list: readonly DataSubjectRequest[],
  ) => Object.fromEntries(keys.map((key) => [key, list.filter((request) => of(request) === key).length]));
  return {
    from,
    to,
    received: inPeriod.length,
    byType: count(REQUEST_TYPES, (request) => request.type, inPeriod),
    byOutcome: count(OUTCOMES, (request) => request.outcome, decided),
    decided: decided.length,
    medianDays: median,
    withinDeadline: decided.length
      ? decided.filter((request) => request.decidedOn! <= currentDue(request)).length / decided.length
      : undefined,
    extensions: inPeriod.filter((request) => request.extension).length,
  };
}

/**
 * Anonymises closed requests older than the retention period: the requester's details, the representative, free text
 * and letter texts go; the reference, type, dates, outcome and letter hashes stay for statistics and the audit trail.
 */
export async function purgeRequests(
  runtime: Runtime,
  options: { retentionMonths: number; dryRun: boolean; actor: string; now?: Date },
): Promise<string[]> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - options.retentionMonths);
  const closedBefore = (request: DataSubjectRequest) => {
    const closed = [...request.history].reverse().find((entry) => entry.to === 'closed');
    return request.status === 'closed' && !request.purgedAt && closed !== undefined && new Date(closed.at) < cutoff;
  };
  const due = runtime.store.data.requests.filter(closedBefore).map((request) => request.reference);
  if (options.dryRun || due.length === 0) return due;
  await runtime.store.mutate((data) => {
    for (const request of data.requests.filter(closedBefore)) {
      request.requester = { name: '–', language: request.requester.language };
      delete request.representative;
      delete request.details;
      delete request.recipientsNotified;
      request.letters = request.letters.map((letter) => ({ ...letter, text: '' }));
      request.history = request.history.map(({ note: _note, ...entry }) => entry);
      request.purgedAt = now.toISOString();
    }
  });
  await runtime.audit.append({
    actor: options.actor,
    action: 'request.purged',
    details: { count: due.length, retentionMonths: options.retentionMonths },
  });
  return due;
}
