/**
 * Calendar arithmetic on plain dates (YYYY-MM-DD), without time zones: a deadline is a day in Finland, not an
 * instant. Months are 1-based throughout.
 */
export interface PlainDate {
  year: number;
  month: number;
  day: number;
}

export function parseDate(iso: string): PlainDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function formatIso({ year, month, day }: PlainDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  const { year, month, day } = parseDate(iso);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(iso: string, days: number): string {
  const { year, month, day } = parseDate(iso);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return formatIso({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/**
 * The same date `months` later, or that month's last day when it has no such date (Reg 1182/71 art 3(2)(c)):
 * 31 January plus one month is 28 February, or 29 February in a leap year.
 */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = parseDate(iso);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatIso({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** Swedish writes dates as YYYY-MM-DD; made once, because making a formatter costs far more than using it. */
const FINNISH_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' });

/** Today in Finland, as YYYY-MM-DD: deadlines are Finnish calendar days. */
export function todayInFinland(now = new Date()): string {
  // A Finnish day starts on a whole minute of UTC, so the answer holds for the rest of the minute asked about.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: FINNISH_DAY.format(now) };
  return lastDay.day;
}

let lastDay = { minute: Number.NaN, day: '' };
