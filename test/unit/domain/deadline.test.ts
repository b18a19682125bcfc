import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/domain/calendar.ts';
import { computeDeadlines, REQUEST_TYPES } from '../../../src/domain/deadline.ts';
import { easterSunday, isWorkingDay, nonWorkingReason } from '../../../src/domain/holidays.ts';

// Received, the plain one-month date, the due date, why the one-month date is not a working day, the extended due date.
// Each row was worked out by hand against the Finnish calendar and checked with an independent implementation.
const CASES: [string, string, string, string, string][] = [
  ['2024-01-31', '2024-02-29', '2024-02-29', '', '2024-04-30'],
  ['2024-02-29', '2024-03-29', '2024-04-02', 'goodFriday', '2024-05-29'],
  ['2024-03-29', '2024-04-29', '2024-04-29', '', '2024-07-01'],
  ['2024-05-10', '2024-06-10', '2024-06-10', '', '2024-08-12'],
  ['2024-05-31', '2024-06-30', '2024-07-01', 'sunday', '2024-09-02'],
  ['2024-11-30', '2024-12-30', '2024-12-30', '', '2025-02-28'],
  ['2024-12-24', '2025-01-24', '2025-01-24', '', '2025-03-24'],
  ['2025-01-31', '2025-02-28', '2025-02-28', '', '2025-04-30'],
  ['2025-03-31', '2025-04-30', '2025-04-30', '', '2025-06-30'],
  ['2025-04-17', '2025-05-17', '2025-05-19', 'saturday', '2025-07-17'],
  ['2025-05-29', '2025-06-29', '2025-06-30', 'sunday', '2025-08-29'],
  ['2025-05-31', '2025-06-30', '2025-06-30', '', '2025-09-01'],
  ['2025-10-01', '2025-11-01', '2025-11-03', 'allSaintsDay', '2026-01-02'],
  ['2025-11-05', '2025-12-05', '2025-12-05', '', '2026-02-05'],
  ['2025-11-24', '2025-12-24', '2025-12-29', 'christmasEve', '2026-02-24'],
  ['2026-01-06', '2026-02-06', '2026-02-06', '', '2026-04-07'],
  ['2026-01-31', '2026-02-28', '2026-03-02', 'saturday', '2026-04-30'],
  ['2026-02-28', '2026-03-28', '2026-03-30', 'saturday', '2026-05-28'],
  ['2026-03-06', '2026-04-06', '2026-04-07', 'easterMonday', '2026-06-08'],
  ['2026-04-03', '2026-05-03', '2026-05-04', 'sunday', '2026-07-03'],
  ['2026-04-30', '2026-05-30', '2026-06-01', 'saturday', '2026-07-30'],
  ['2026-05-19', '2026-06-19', '2026-06-22', 'midsummerEve', '2026-08-19'],
  ['2026-05-20', '2026-06-20', '2026-06-22', 'midsummerDay', '2026-08-20'],
  ['2026-06-19', '2026-07-19', '2026-07-20', 'sunday', '2026-09-21'],
  ['2026-10-31', '2026-11-30', '2026-11-30', '', '2027-02-01'],
  ['2026-11-06', '2026-12-06', '2026-12-07', 'independenceDay', '2027-02-08'],
  ['2026-11-26', '2026-12-26', '2026-12-28', 'boxingDay', '2027-02-26'],
  ['2027-01-31', '2027-02-28', '2027-03-01', 'sunday', '2027-04-30'],
  ['2027-02-28', '2027-03-28', '2027-03-30', 'easterSunday', '2027-05-28'],
  ['2027-03-26', '2027-04-26', '2027-04-26', '', '2027-06-28'],
  ['2027-05-06', '2027-06-06', '2027-06-07', 'sunday', '2027-08-06'],
  ['2027-06-25', '2027-07-25', '2027-07-26', 'sunday', '2027-09-27'],
  ['2027-10-06', '2027-11-06', '2027-11-08', 'allSaintsDay', '2028-01-07'],
  ['2027-12-31', '2028-01-31', '2028-01-31', '', '2028-03-31'],
  ['2028-01-29', '2028-02-29', '2028-02-29', '', '2028-05-02'],
  ['2028-02-29', '2028-03-29', '2028-03-29', '', '2028-05-29'],
  ['2028-04-14', '2028-05-14', '2028-05-15', 'sunday', '2028-07-14'],
  ['2028-05-24', '2028-06-24', '2028-06-26', 'midsummerDay', '2028-08-24'],
  ['2028-10-31', '2028-11-30', '2028-11-30', '', '2029-01-31'],
  ['2028-11-26', '2028-12-26', '2028-12-27', 'boxingDay', '2029-02-26'],
  ['2029-03-30', '2029-04-30', '2029-04-30', '', '2029-07-02'],
  ['2029-05-10', '2029-06-10', '2029-06-11', 'sunday', '2029-08-10'],
  ['2029-06-22', '2029-07-22', '2029-07-23', 'sunday', '2029-09-24'],
  ['2029-12-24', '2030-01-24', '2030-01-24', '', '2030-03-25'],
  ['2030-01-31', '2030-02-28', '2030-02-28', '', '2030-04-30'],
  ['2030-03-19', '2030-04-19', '2030-04-23', 'goodFriday', '2030-06-19'],
  ['2030-04-21', '2030-05-21', '2030-05-21', '', '2030-07-22'],
  ['2030-05-30', '2030-06-30', '2030-07-01', 'sunday', '2030-08-30'],
  ['2030-11-02', '2030-12-02', '2030-12-02', '', '2031-02-03'],
  ['2030-12-06', '2031-01-06', '2031-01-07', 'epiphany', '2031-03-06'],
  ['2026-04-14', '2026-05-14', '2026-05-15', 'ascensionDay', '2026-07-14'],
  ['2028-04-25', '2028-05-25', '2028-05-26', 'ascensionDay', '2028-07-25'],
  ['2027-11-06', '2027-12-06', '2027-12-07', 'independenceDay', '2028-02-07'],
  ['2028-04-01', '2028-05-01', '2028-05-02', 'mayDay', '2028-07-03'],
  ['2026-12-01', '2027-01-01', '2027-01-04', 'newYearsDay', '2027-03-01'],
  ['2024-04-09', '2024-05-09', '2024-05-10', 'ascensionDay', '2024-07-09'],
];

describe('the GDPR deadline (Art 12(3), Reg 1182/71 art 3, Act 150/1930 §5)', () => {
  it('has at least 40 hand-checked cases across 2024–2030', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map(([received]) => received.slice(0, 4)))).toEqual(
      new Set(['2024', '2025', '2026', '2027', '2028', '2029', '2030']),
    );
  });

  it.each(CASES)('received %s: one month is %s, due %s (%s), extended due %s', (received, plain, due, reason, extended) => {
    const result = computeDeadlines({ received, type: 'access' });
    expect(addMonths(received, 1)).toBe(plain);
    expect(result.due.date).toBe(due);
    expect(result.extendedDue.date).toBe(extended);
    const moved = result.due.steps.find((step) => step.kind === 'moved');
    if (reason) expect(moved).toEqual({ kind: 'moved', from: plain, reason, to: due });
    else expect(moved).toBeUndefined();
  });

  it('gives every date with its reasons: received, the month, and the move to the next working day', () => {
    expect(computeDeadlines({ received: '2026-01-31', type: 'erasure' }).due.steps).toEqual([
      { kind: 'received', date: '2026-01-31' },
      { kind: 'period', period: 'oneMonth', end: '2026-02-28' },
      { kind: 'moved', from: '2026-02-28', reason: 'saturday', to: '2026-03-02' },
    ]);
  });

  it('adds the days the clock was stopped, and says when it is still stopped', () => {
    const stops = [{ from: '2026-02-02', to: '2026-02-12', reason: 'identity' }];
    const stopped = computeDeadlines({ received: '2026-01-31', type: 'access', stops }).due;
    expect(stopped.date).toBe('2026-03-10');
    expect(stopped.steps).toContainEqual({ kind: 'stopped', days: 10, end: '2026-03-10' });
    const open = computeDeadlines({
      received: '2026-01-31',
      type: 'access',
      stops: [{ from: '2026-02-02', reason: 'clarification' }],
      asOf: '2026-02-05',
    }).due;
    expect(open.paused).toBe(true);
    expect(open.date).toBe('2026-03-03');
  });
});

describe('the Openness Act own-data deadline (621/1999 §14)', () => {
  it.each([
    ['2026-12-10', '2026-12-28', '2027-01-11'],
    ['2026-06-05', '2026-06-22', '2026-07-06'],
    ['2025-03-20', '2025-04-03', '2025-04-22'],
  ])('received %s: two weeks end %s, one month %s', (received, due, extended) => {
    const result = computeDeadlines({ received, type: 'own-data' });
    expect(result.due.date).toBe(due);
    expect(result.due.steps[1]).toMatchObject({ kind: 'period', period: 'twoWeeks' });
    expect(result.extendedDue.date).toBe(extended);
  });
});

describe('the new request types (Client Data Act 703/2023 and the Ombudsman)', () => {
  // Received, due, the extended due date: the GDPR month, checked by hand against the calendar.
  it.each([
    ['log-data', '2026-01-31', '2026-03-02', '2026-04-30'],
    ['log-data', '2026-05-19', '2026-06-22', '2026-08-19'],
    ['misuse-investigation', '2026-11-26', '2026-12-28', '2027-02-26'],
    ['misuse-investigation', '2027-02-28', '2027-03-30', '2027-05-28'],
  ] as const)('%s received %s is due %s, extended %s, and says why the month applies', (type, received, due, extended) => {
    const result = computeDeadlines({ received, type });
    expect([result.due.date, result.extendedDue.date]).toEqual([due, extended]);
    expect(result.due.steps[1]).toEqual({ kind: 'basis', basis: type === 'log-data' ? 'logData' : 'misuse' });
  });

  it('dates an Ombudsman inquiry on the day its letter sets, unmoved even on a Saturday, and never extended', () => {
    const result = computeDeadlines({ received: '2026-11-02', type: 'ombudsman-inquiry', setDate: '2026-11-21' });
    expect(result.due).toEqual({
      date: '2026-11-21',
      steps: [
        { kind: 'received', date: '2026-11-02' },
        { kind: 'set', by: 'ombudsman', date: '2026-11-21' },
      ],
      paused: false,
    });
    expect(result.extendedDue.date).toBe('2026-11-21');
    expect(() => computeDeadlines({ received: '2026-11-02', type: 'ombudsman-inquiry' })).toThrow();
  });
});

describe('Finnish non-working days', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [1818, '1818-03-22'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is on %s', (year, date) => expect(easterSunday(year)).toBe(date));

  it.each([
    ['2026-06-19', 'midsummerEve'],
    ['2026-06-20', 'midsummerDay'],
    ['2027-06-25', 'midsummerEve'],
    ['2026-10-31', 'allSaintsDay'],
    ['2027-11-06', 'allSaintsDay'],
    ['2026-05-14', 'ascensionDay'],
    ['2026-05-24', 'whitSunday'],
    ['2026-12-06', 'independenceDay'],
    ['2026-01-06', 'epiphany'],
    ['2026-05-01', 'mayDay'],
  ])('%s is %s', (date, reason) => expect(nonWorkingReason(date)).toBe(reason));

  it.each(['2026-06-18', '2026-06-22', '2026-11-02', '2026-12-31', '2026-04-08', '2026-05-13'])('%s is a working day', (date) =>
    expect(isWorkingDay(date)).toBe(true),
  );
});

describe('every deadline, for any receipt date (property)', () => {
  it('is a working day, never earlier than the plain one-month date, and the extension never earlier than the due date', () => {
    let seed = 20261123;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 3000; run++) {
      const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 365 * 7) * 86_400_000).toISOString().slice(0, 10);
      const type = REQUEST_TYPES.filter((candidate) => candidate !== 'ombudsman-inquiry')[
        Math.floor(random() * (REQUEST_TYPES.length - 1))
      ]!;
      const { due, extendedDue } = computeDeadlines({ received: day, type });
      expect(isWorkingDay(due.date), `${type} ${day}`).toBe(true);
      expect(isWorkingDay(extendedDue.date)).toBe(true);
      if (type !== 'own-data') expect(due.date >= addMonths(day, 1), `${type} ${day}`).toBe(true);
      expect(extendedDue.date >= due.date).toBe(true);
    }
  });
});
