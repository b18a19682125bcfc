/** Check characters of the personal identity code, indexed by the remainder mod 31. */
const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};
const FORMAT = /^(\d{2})(\d{2})(\d{2})([-+ABCDEFYXWVU])(\d{3})([0-9A-Y])$/u;

export type HetuResult =
  | { valid: true; birthDate: string; temporary: boolean; normalised: string }
  | { valid: false; reason: 'format' | 'date' | 'individualNumber' | 'checkCharacter' };

/**
 * Validates a Finnish personal identity code (henkilötunnus), DDMMYYCZZZQ, with every century sign of the 2023 reform.
 * 002–899 are issued numbers; 900–999 are temporary ones, accepted but flagged. It never infers gender.
 */
export function validateHetu(input: string): HetuResult {
  const code = input.trim().toUpperCase();
  const match = FORMAT.exec(code);
  if (!match) return { valid: false, reason: 'format' };
  const [, dd, mm, yy, sign, individual, check] = match as unknown as [string, string, string, string, string, string, string];
  const year = CENTURY[sign]! + Number(yy);
  const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd))
    return { valid: false, reason: 'date' };
  const number = Number(individual);
  if (number < 2) return { valid: false, reason: 'individualNumber' };
  if (CHECK[Number(`${dd}${mm}${yy}${individual}`) % 31] !== check) return { valid: false, reason: 'checkCharacter' };
  return { valid: true, birthDate: `${year}-${mm}-${dd}`, temporary: number >= 900, normalised: code };
}

/** The code as staff may see it in lists: the birth date and century sign, nothing that identifies (131052-****). */
export function maskHetu(code: string): string {
  return `${code.trim().toUpperCase().slice(0, 7)}****`;
}
