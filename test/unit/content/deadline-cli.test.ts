import { describe, expect, it } from 'vitest';
import { seloste } from '../../support/cli.ts';

describe('seloste deadline', () => {
  it('prints received, due, extendedDue and the explanation as JSON, dates in ISO form', () => {
    const result = seloste(['deadline', '--received', '2026-01-31', '--json', '--lang', 'en']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      received: '2026-01-31',
      type: 'access',
      due: '2026-03-02',
      extendedDue: '2026-04-30',
      explanation: {
        due: 'received 31.1.2026; one month ends 28.2.2026, a Saturday; next working day 2.3.2026',
        extendedDue: 'received 31.1.2026; three months end 30.4.2026',
      },
    });
  });

  it('explains in Finnish and Swedish too', () => {
    expect(seloste(['deadline', '--received', '2026-01-31', '--lang', 'fi']).stdout).toContain(
      'vastaanotettu 31.1.2026; kuukauden määräaika päättyy 28.2.2026, joka on lauantai; seuraava arkipäivä on 2.3.2026',
    );
    expect(seloste(['deadline', '--received', '2026-01-31', '--lang', 'sv']).stdout).toContain(
      'mottagen 31.1.2026; en månad löper ut 28.2.2026, som är en lördag; närmaste vardag är 2.3.2026',
    );
  });

  it('uses the Openness Act timeline for an own-data request', () => {
    const result = JSON.parse(
      seloste(['deadline', '--received', '2026-06-05', '--type', 'own-data', '--json', '--lang', 'en']).stdout,
    ) as Record<string, unknown>;
    expect(result).toMatchObject({ due: '2026-06-22', extendedDue: '2026-07-06' });
    expect((result.explanation as { due: string }).due).toBe(
      'received 5.6.2026; two weeks end 19.6.2026, Midsummer Eve; next working day 22.6.2026',
    );
  });

  it('refuses an impossible date or an unknown type with exit 2', () => {
    const date = seloste(['deadline', '--received', '2026-02-30', '--lang', 'en']);
    expect(date.status).toBe(2);
    expect(date.stderr).toContain('Give the date received as YYYY-MM-DD');
    expect(seloste(['deadline', '--received', '2026-02-03', '--type', 'complaint', '--lang', 'en']).status).toBe(2);
  });
});
