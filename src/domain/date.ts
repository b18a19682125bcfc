import * as z from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a YYYY-MM-DD date that exists in the Gregorian calendar (so 2019-02-31 is not). */
export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date written YYYY-MM-DD. Quote it in YAML only if your editor insists; Seloste reads YAML 1.2, where it stays text. */
export const isoDateSchema = z
  .string()
  .refine(isRealIsoDate, { error: 'errors.date.invalid' })
  .meta({ description: 'A real calendar date, YYYY-MM-DD.', pattern: ISO_DATE.source });

/** A year (YYYY) or a full date (YYYY-MM-DD), for "data from the year" in information-system descriptions. */
export const yearOrDateSchema = z
  .string()
  .refine((value) => /^\d{4}$/.test(value) || isRealIsoDate(value), { error: 'errors.date.yearOrDate' })
  .meta({ description: 'A year (YYYY) or a real calendar date (YYYY-MM-DD).' });

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A month's name in a language ('long' tammikuu, 'short' tammik.), from a zero-based index. The formatter is made once
 * per language and width: making one costs far more than using it, and pages print many.
 */
export function monthName(monthIndex: number, lang: 'fi' | 'sv' | 'en', width: 'long' | 'short' = 'long'): string {
  const key = `${lang}:${width}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : `${lang}-FI`, { month: width, timeZone: 'UTC' });
    monthFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(2026, monthIndex, 1)));
}

/** Formats an ISO date the Finnish and Swedish way (31.1.2026) or the British way (31 January 2026). */
export function formatDate(isoDate: string, lang: 'fi' | 'sv' | 'en'): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (lang === 'en') {
    return `${day} ${monthName(month! - 1, 'en')} ${year}`;
  }
  return `${day}.${month}.${year}`;
}
