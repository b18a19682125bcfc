import { addDays, formatIso, weekday } from './calendar.ts';

/** Why a day is not a working day under the Act on the Reckoning of Time Limits (150/1930 §5). */
export const NON_WORKING_REASONS = [
  'saturday',
  'sunday',
  'newYearsDay',
  'epiphany',
  'goodFriday',
  'easterSunday',
  'easterMonday',
  'mayDay',
  'ascensionDay',
  'whitSunday',
  'midsummerEve',
  'midsummerDay',
  'allSaintsDay',
  'independenceDay',
  'christmasEve',
  'christmasDay',
  'boxingDay',
] as const;
export type NonWorkingReason = (typeof NON_WORKING_REASONS)[number];

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm), for any year. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIso({ year, month, day });
}

/** The first day from `from` (inclusive) that falls on `dayOfWeek` (0 = Sunday). */
function firstWeekdayFrom(from: string, dayOfWeek: number): string {
  return addDays(from, (dayOfWeek - weekday(from) + 7) % 7);
}

const cache = new Map<number, Map<string, NonWorkingReason>>();

/** The public holidays of a year that are not working days, by date. */
export function holidays(year: number): Map<string, NonWorkingReason> {
  let days = cache.get(year);
  if (days) return days;
  const easter = easterSunday(year);
  const date = (month: number, day: number) => formatIso({ year, month, day });
  days = new Map<string, NonWorkingReason>([
    [date(1, 1), 'newYearsDay'],
    [date(1, 6), 'epiphany'],
    [addDays(easter, -2), 'goodFriday'],
    [easter, 'easterSunday'],
    [addDays(easter, 1), 'easterMonday'],
    [date(5, 1), 'mayDay'],
    [addDays(easter, 39), 'ascensionDay'],
    [addDays(easter, 49), 'whitSunday'],
    // Midsummer Eve is the Friday between 19 and 25 June; Midsummer Day the Saturday after it.
    [firstWeekdayFrom(date(6, 19), 5), 'midsummerEve'],
    [firstWeekdayFrom(date(6, 20), 6), 'midsummerDay'],
    // All Saints' Day is the Saturday between 31 October and 6 November.
    [firstWeekdayFrom(date(10, 31), 6), 'allSaintsDay'],
    [date(12, 6), 'independenceDay'],
    [date(12, 24), 'christmasEve'],
    [date(12, 25), 'christmasDay'],
    [date(12, 26), 'boxingDay'],
  ]);
  cache.set(year, days);
  return days;
}

/** Why `iso` is not a working day, or undefined when it is one. A holiday is named before the weekend it falls on. */
export function nonWorkingReason(iso: string): NonWorkingReason | undefined {
  const holiday = holidays(Number(iso.slice(0, 4))).get(iso);
  if (holiday) return holiday;
  const day = weekday(iso);
  return day === 6 ? 'saturday' : day === 0 ? 'sunday' : undefined;
}

export function isWorkingDay(iso: string): boolean {
  return nonWorkingReason(iso) === undefined;
}
