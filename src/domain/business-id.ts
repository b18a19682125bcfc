import * as z from 'zod';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/**
 * Checks a Finnish business ID (Y-tunnus, FO-nummer): seven digits, a hyphen and a check digit. The digits are
 * weighted 7, 9, 10, 5, 8, 4, 2; a remainder of 0 gives check digit 0, 1 is never issued, else 11 minus it.
 */
export function isValidBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return false;
  const sum = [...match[1]!].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index]!, 0);
  const remainder = sum % 11;
  if (remainder === 1) return false;
  return Number(match[2]) === (remainder === 0 ? 0 : 11 - remainder);
}

/** A Finnish business ID (Y-tunnus), `NNNNNNN-C`, with a correct check digit. */
export const businessIdSchema = z
  .string()
  .refine(isValidBusinessId, { error: 'errors.businessId.invalid' })
  .meta({ description: 'Business ID (Y-tunnus), NNNNNNN-C with a valid check digit, e.g. 0201256-6.', pattern: '^\\d{7}-\\d$' });
