import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/domain/config.ts';
import { seloste } from '../../support/cli.ts';

describe('the configuration', () => {
  it('has working defaults, so nothing needs to be set', () => {
    expect(parseConfig({})).toMatchObject({
      PORT: 4321,
      DATA_DIR: 'data',
      SESSION_IDLE_MINUTES: 30,
      SESSION_MAX_HOURS: 10,
      LOG_REQUESTS: true,
      SELOSTE_SCRYPT_LOG_N: 17,
    });
  });

  it.each([
    ['SESSION_IDLE_MINUTES', '0.05min'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_MAX_HOURS', '-1'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db.example.com/seloste'],
    ['PUBLIC_ORIGIN', 'javascript:alert(1)'],
    ['COOKIE_SECURE', 'yes'],
    ['SELOSTE_SCRYPT_LOG_N', '8'],
    ['ACCESSIBILITY_FEEDBACK_EMAIL', 'not-an-address'],
    ['LOG_REQUESTS', 'false'],
  ])('refuses %s=%s, naming the variable and what it should be', (variable, value) => {
    let error: unknown;
    try {
      parseConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((problem) => problem.variable)).toEqual([variable]);
    expect((error as ConfigError).message).toMatch(new RegExp(`${variable} should be \\S`, 'u'));
  });

  it('takes a public origin as scheme, host and port, and refuses one with a path', () => {
    expect(parseConfig({ PUBLIC_ORIGIN: 'https://tietosuoja.example.fi:8443/' }).PUBLIC_ORIGIN).toBe('https://tietosuoja.example.fi:8443');
    expect(() => parseConfig({ PUBLIC_ORIGIN: 'https://tietosuoja.example.fi/some/path' })).toThrow(
      /PUBLIC_ORIGIN should be an origin only/u,
    );
  });

  it('stops the command line with a message naming the variable', () => {
    const result = seloste(['user', 'list', '--lang', 'en'], { SESSION_IDLE_MINUTES: '0.05min' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('SESSION_IDLE_MINUTES should be a whole number from 1 to 1440');
  });
});
