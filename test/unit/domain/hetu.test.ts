import { describe, expect, it } from 'vitest';
import { maskHetu, validateHetu } from '../../../src/domain/hetu.ts';

describe('the personal identity code (HETU)', () => {
  it.each([
    ['131052-308T', '1952-10-13', false],
    ['010594Y9032', '1994-05-01', true],
    ['020516C903K', '2016-05-02', true],
    ['290200A002C', '2000-02-29', false],
  ])('accepts %s (born %s, temporary %s)', (code, birthDate, temporary) => {
    expect(validateHetu(code)).toEqual({ valid: true, birthDate, temporary, normalised: code });
  });

  it('accepts every century sign of the 2023 reform, with the same check character, each in its own century', () => {
    for (const sign of ['-', 'Y', 'X', 'W', 'V', 'U'])
      expect(validateHetu(`131052${sign}308T`), sign).toMatchObject({ valid: true, birthDate: '1952-10-13' });
    for (const sign of ['A', 'B', 'C', 'D', 'E', 'F'])
      expect(validateHetu(`020516${sign}903K`), sign).toMatchObject({ valid: true, birthDate: '2016-05-02' });
    expect(validateHetu('131052+308T')).toMatchObject({ valid: true, birthDate: '1852-10-13' });
  });

  it.each([
    ['290200-002C', 'date'],
    ['310452-308T', 'date'],
    ['131352-308T', 'date'],
    ['131052-308U', 'checkCharacter'],
    ['131052-001T', 'individualNumber'],
    ['131052G308T', 'format'],
    ['131052-308', 'format'],
    ['13105-2308T', 'format'],
    ['', 'format'],
  ])('refuses %s (%s)', (code, reason) => {
    expect(validateHetu(code)).toEqual({ valid: false, reason });
  });

  it('tells issued numbers (002–899) from temporary ones (900–999) at the boundary', () => {
    expect(validateHetu('131052-899V')).toMatchObject({ valid: true, temporary: false });
    expect(validateHetu('131052-900W')).toMatchObject({ valid: true, temporary: true });
    expect(validateHetu('010594Y899X')).toMatchObject({ valid: true, temporary: false });
    expect(validateHetu('010594Y900Y')).toMatchObject({ valid: true, temporary: true });
  });

  it('masks the code for lists, keeping only the date part and the century sign', () => {
    expect(maskHetu('131052-308T')).toBe('131052-****');
    expect(maskHetu('010594y9032')).toBe('010594Y****');
  });
});
