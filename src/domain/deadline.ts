import { addDays, addMonths, daysBetween } from './calendar.ts';
import { nonWorkingReason, type NonWorkingReason } from './holidays.ts';

/**
 * The kinds of request a registry office works: GDPR Art 15–18, 20–22 and 7(3), the Openness Act's own-data request
 * (621/1999 §12), a log-data request and a request to investigate suspected misuse of client data under the Client
 * Data Act 703/2023, an inquiry from the Data Protection Ombudsman about an earlier request, and anything else.
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
  'log-data',
  'misuse-investigation',
  'ombudsman-inquiry',
  'other',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/**
 * Which time limits apply: GDPR Art 12(3); the Openness Act 621/1999 §14 for an own-data request; or the date an
 * authority set, as the Data Protection Ombudsman does in its letter asking for an account.
 */
export type Regime = 'gdpr' | 'openness' | 'set';

export function regimeOf(type: RequestType): Regime {
  return type === 'own-data' ? 'openness' : type === 'ombudsman-inquiry' ? 'set' : 'gdpr';
}

/**
 * Why the GDPR's month applies to a request that is not a plain GDPR request. The Client Data Act 703/2023 gives the
 * client the right to the log data of their client data (who used or received it, and on what basis) but sets no
 * time limit of its own, so a log-data request is an access request answered within Art 12(3)'s month; a request to
 * investigate suspected misuse rests on the same right and is answered on the same terms.
 */
const BASIS: Partial<Record<RequestType, 'logData' | 'misuse'>> = { 'log-data': 'logData', 'misuse-investigation': 'misuse' };

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
  | { kind: 'moved'; from: string; reason: NonWorkingReason; to: string }
  /** The law the month comes from, where it is not the GDPR itself. */
  | { kind: 'basis'; basis: 'logData' | 'misuse' }
  /** A date set by an authority: the Data Protection Ombudsman's letter names the day its account is due. */
  | { kind: 'set'; by: 'ombudsman'; date: string };

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
  /** The due date an authority set (an Ombudsman's inquiry): required for that type, ignored for the others. */
  setDate?: string;
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
  const basis = BASIS[input.type];
  if (basis) steps.push({ kind: 'basis', basis });
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
  if (regime === 'set') {
    // The authority's date is the date: it is neither counted nor moved, and no extension of ours changes it.
    if (!input.setDate) throw new Error('an Ombudsman inquiry needs the due date its letter sets');
    const due: Deadline = {
      date: input.setDate,
      steps: [
        { kind: 'received', date: input.received },
        { kind: 'set', by: 'ombudsman', date: input.setDate },
      ],
      paused: false,
    };
    return { due, extendedDue: due };
  }
  return regime === 'gdpr'
    ? { due: deadlineFor(input, 'oneMonth'), extendedDue: deadlineFor(input, 'threeMonths') }
    : { due: deadlineFor(input, 'twoWeeks'), extendedDue: deadlineFor(input, 'oneMonth') };
}
