import { describe, expect, it } from 'vitest';
import { isValidBusinessId } from '../../../src/domain/business-id.ts';

describe('business ID (Y-tunnus)', () => {
  it.each(['0201256-6', '0131156-4', '0000000-0', '0000001-9'])('accepts %s, whose check digit matches', (id) => {
    expect(isValidBusinessId(id)).toBe(true);
  });

  it.each([
    ['0201256-5', 'a wrong check digit'],
    ['0201256', 'no check digit'],
    ['201256-6', 'six digits'],
    ['0201256–6', 'an en dash'],
    ['02012566', 'no hyphen'],
    [' 0201256-6', 'a leading space'],
  ])('refuses %s (%s)', (id) => {
    expect(isValidBusinessId(id)).toBe(false);
  });

  it('refuses every ID whose weighted sum leaves remainder 1, because none is ever issued', () => {
    // 0000010: 4 × 2 = 8 … find digits giving remainder 1: 1000000 → 7 × 1 = 7; 0100000 → 9; 0000005 → 10; 0000100 → 8 × 1 = 8.
    // 1 × 7 + 0000003 → 7 + 6 = 13 ≡ 2; 0000006 → 12 ≡ 1.
    for (let check = 0; check <= 9; check++) expect(isValidBusinessId(`0000006-${check}`)).toBe(false);
  });
});
