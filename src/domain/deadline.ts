import { addDays, addMonths, daysBetween } from './calendar.ts';
import { nonWorkingReason, type NonWorkingReason } from './holidays.ts';

/**
 * The kinds of request a data subject can make: GDPR Art 15–18, 20–22 and 7(3), the Openness Act's own-data
 * request (621/1999 §12), and anything else.
 */
export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'automated-decision',
  'consent-withdrawal',
  'own-data',
  'other',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Which time limits apply: GDPR Art 12(3), or the Openness Act 621/1999 §14 for an own-data request. */
export type Regime = 'gdpr' | 'openness';

export function regimeOf(type: RequestType): Regime {
  return type === 'own-data' ? 'openness' : 'gdpr';
}

/** A pause of the clock, for example while waiting for proof of identity or a clarification. */
export interface ClockStop {
  from: string;
  /** When the clock started again; absent while it is still stopped. */
  to?: string;
  reason: string;
}

export type Period = 'oneMonth' | 'threeMonths' | 'twoWeeks';

/** One step of the reasoning behind a date, so that every due date can say why it is that date. */
export type DeadlineStep =
  | { kind: 'received'; date: string }
  | { kind: 'period'; period: Period; end: string }
  | { kind: 'stopped'; days: number; end: string }
  | { kind: 'moved'; from: string; reason: NonWorkingReason; to: string };

export interface Deadline {
  /** The last day to answer (YYYY-MM-DD): always a working day. */
  date: string;
  steps: DeadlineStep[];
  /** True while the clock is stopped: the date assumes it starts again on `asOf`. */
  paused: boolean;
}

export interface DeadlineInput {
  /** The day the request arrived; it is not counted (Reg 1182/71 art 3(1)). */
  received: string;
  type: RequestType;
  stops?: ClockStop[];
  /** For a stop still open: the day up to which it counts (normally today). */
  asOf?: string;
}

/** The next working day on or after `date`, with the reason it moved (Act 150/1930 §5). */
export function nextWorkingDay(date: string): { date: string; reason?: NonWorkingReason } {
  const reason = nonWorkingReason(date);
  let next = date;
  while (nonWorkingReason(next)) next = addDays(next, 1);
  return { date: next, reason };
}

function deadlineFor(input: DeadlineInput, period: Period): Deadline {
  const steps: DeadlineStep[] = [{ kind: 'received', date: input.received }];
  let end = period === 'twoWeeks' ? addDays(input.received, 14) : addMonths(input.received, period === 'oneMonth' ? 1 : 3);
  steps.push({ kind: 'period', period, end });
  let paused = false;
  const stoppedDays = (input.stops ?? []).reduce((total, stop) => {
    const resumed = stop.to ?? input.asOf;
    if (!stop.to) paused = true;
    return total + (resumed ? Math.max(0, daysBetween(stop.from, resumed)) : 0);
  }, 0);
  if (stoppedDays > 0) {
    end = addDays(end, stoppedDays);
    steps.push({ kind: 'stopped', days: stoppedDays, end });
  }
  const working = nextWorkingDay(end);
  if (working.reason) steps.push({ kind: 'moved', from: end, reason: working.reason, to: working.date });
  return { date: working.date, steps, paused };
}

/**
 * The due date of a request and the latest date an extension can give, with the reasoning. GDPR: one month, extendable
 * to three months from receipt (Art 12(3)). Openness Act: two weeks, or one month when the matter is large or
 * secret (621/1999 §14(4)). Months count by Reg 1182/71 art 3; a last day that is not a working day moves to the
 * next working day; days the clock was stopped are added.
 */
export function computeDeadlines(input: DeadlineInput): { due: Deadline; extendedDue: Deadline } {
  const regime = regimeOf(input.type);
  return regime === 'gdpr'
    ? { due: deadlineFor(input, 'oneMonth'), extendedDue: deadlineFor(input, 'threeMonths') }
    : { due: deadlineFor(input, 'twoWeeks'), extendedDue: deadlineFor(input, 'oneMonth') };
}
