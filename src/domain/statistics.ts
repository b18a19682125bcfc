import { REQUEST_TYPES, type RequestType } from './deadline.ts';

/** A cell counting fewer people than this is not published, so that no one can be singled out. */
export const SUPPRESS_BELOW = 5;

/** A published count, or null where it is suppressed. */
export type Cell = number | null;

const cell = (count: number): Cell => (count < SUPPRESS_BELOW ? null : count);

/** What the statistics need of a request: no name, no identity code, nothing typed. */
export interface RequestFacts {
  type: RequestType;
  received: string;
  decidedOn?: string;
  /** The due date in force: the extended one after an extension. */
  due: string;
  extended: boolean;
}

export interface YearStatistics {
  organisation: string;
  year: number;
  total: Cell;
  byType: Record<RequestType, Cell>;
  /** January to December. */
  byMonth: Cell[];
  decided: Cell;
  /** Calendar days from receipt to decision, the median of those decided; null when fewer than five were decided. */
  medianDaysToDecide: number | null;
  /** The share decided by their due date, 0 to 1; null when fewer than five were decided. */
  withinDeadlineShare: number | null;
  extensions: Cell;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * One organisation's requests received in a year, counted by type and by month, with the time to decide, the share
 * within the deadline and the extensions. Every count under five is suppressed, and so are the median and the share
 * when fewer than five requests were decided.
 */
export function yearStatistics(organisation: string, year: number, requests: readonly RequestFacts[]): YearStatistics {
  const inYear = requests.filter((request) => request.received.startsWith(`${year}-`));
  const decided = inYear.filter((request): request is RequestFacts & { decidedOn: string } => request.decidedOn !== undefined);
  const enough = decided.length >= SUPPRESS_BELOW;
  return {
    organisation,
    year,
    total: cell(inYear.length),
    byType: Object.fromEntries(
      REQUEST_TYPES.map((type) => [type, cell(inYear.filter((request) => request.type === type).length)]),
    ) as Record<RequestType, Cell>,
    byMonth: Array.from({ length: 12 }, (_, month) =>
      cell(inYear.filter((request) => Number(request.received.slice(5, 7)) === month + 1).length),
    ),
    decided: cell(decided.length),
    medianDaysToDecide: enough ? median(decided.map((request) => days(request.received, request.decidedOn))) : null,
    withinDeadlineShare: enough ? decided.filter((request) => request.decidedOn <= request.due).length / decided.length : null,
    extensions: cell(inYear.filter((request) => request.extended).length),
  };
}
