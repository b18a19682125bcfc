import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../src/domain/password-policy.ts';
import { hashPassword, verifyPassword } from '../../../src/services/password.ts';

describe('the password policy', () => {
  it.each([
    ['lyhyt-sana', 'tooShort'],
    ['salasana123456', 'common'],
    ['Password2026!!', 'common'],
    ['qwertyuiop1234', 'common'],
    ['aino.admin-2026-x', 'containsUsername'],
    ['aaaaaaaaaaaaaaaa', 'repetitive'],
  ])('refuses %s (%s)', (password, problem) => {
    expect(passwordProblem(password, 'aino.admin')).toBe(problem);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('Vihreä-Kettu-Juoksee-42', 'aino.admin')).toBeUndefined();
  });

  it('hashes with scrypt and a salt, and verifies only the right password', async () => {
    process.env.SELOSTE_SCRYPT_LOG_N = '14';
    const [first, second] = await Promise.all([hashPassword('Vihreä-Kettu-Juoksee-42'), hashPassword('Vihreä-Kettu-Juoksee-42')]);
    expect(first).toMatch(/^scrypt\$14\$8\$1\$/u);
    expect(first).not.toBe(second);
    expect(await verifyPassword('Vihreä-Kettu-Juoksee-42', first)).toBe(true);
    expect(await verifyPassword('vihreä-kettu-juoksee-42', first)).toBe(false);
  });
});
