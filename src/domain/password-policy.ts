/** The shortest password accepted: NCSC-FI and NIST SP 800-63B favour length over composition rules. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Passwords that appear at the top of every breach corpus, and Finnish and Swedish favourites. A password that is
 * one of these, or one of these with digits or punctuation added, is refused.
 */
const COMMON = new Set(
  `password passw0rd password1 qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm 123456 1234567 12345678 123456789 1234567890
  111111 000000 123123 654321 abc123 iloveyou admin administrator welcome letmein monkey dragon sunshine princess
  football baseball master shadow superman trustno1 login starwars whatever secret changeme default guest root
  salasana salasana1 kissa koira perkele suomi suomi100 helsinki tampere turku espoo vantaa oulu kesäkuu talvi
  kevät syksy rakkaus aurinko hyvää lösenord hemligt sommar vinter sverige finland kärlek välkommen
  seloste rekisteri tietosuoja kirjaamo`.split(/\s+/u),
);

export type PasswordProblem = 'tooShort' | 'common' | 'containsUsername' | 'repetitive';

/** What is wrong with a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): PasswordProblem | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  const lower = password.toLocaleLowerCase('fi');
  const core = lower.replace(/[^\p{L}]+/gu, '');
  if (COMMON.has(lower) || COMMON.has(core) || COMMON.has(lower.replace(/[\d\W_]+$/u, ''))) return 'common';
  if (username.length >= 3 && lower.includes(username.toLocaleLowerCase('fi'))) return 'containsUsername';
  if (new Set(lower).size <= 3) return 'repetitive';
  return undefined;
}
