import { describe, expect, it } from 'vitest';
import { yearStatistics, type RequestFacts } from '../../../src/domain/statistics.ts';

const request = (fields: Partial<RequestFacts>): RequestFacts => ({
  type: 'access',
  received: '2026-03-02',
  due: '2026-04-02',
  extended: false,
  ...fields,
});

describe('public request statistics', () => {
  it('suppress every cell under five, so that no one can be singled out', () => {
    const requests = [
      ...Array.from({ length: 7 }, () => request({ type: 'access', received: '2026-03-02' })),
      ...Array.from({ length: 4 }, () => request({ type: 'erasure', received: '2026-05-04' })),
      request({ type: 'objection', received: '2026-05-05', extended: true }),
    ];
    const statistics = yearStatistics('helsinki', 2026, requests);
    expect(statistics.total).toBe(12);
    expect(statistics.byType.access).toBe(7);
    expect(statistics.byType.erasure).toBeNull();
    expect(statistics.byType.objection).toBeNull();
    expect(statistics.byType.portability).toBeNull();
    expect(statistics.byMonth[2]).toBe(7);
    expect(statistics.byMonth[4]).toBe(5);
    expect(statistics.byMonth[0]).toBeNull();
    expect(statistics.extensions).toBeNull();
    // Nothing decided yet: no median, no share.
    expect(statistics.medianDaysToDecide).toBeNull();
    expect(statistics.withinDeadlineShare).toBeNull();
  });

  it('give the median days to decide and the share within the deadline once five are decided', () => {
    const decided = ['2026-03-05', '2026-03-10', '2026-03-20', '2026-04-01', '2026-04-15'].map((decidedOn) =>
      request({ decidedOn, extended: decidedOn === '2026-04-15' }),
    );
    const statistics = yearStatistics('helsinki', 2026, [...decided, request({ received: '2025-12-30' })]);
    expect(statistics.total).toBe(5);
    expect(statistics.decided).toBe(5);
    expect(statistics.medianDaysToDecide).toBe(18);
    expect(statistics.withinDeadlineShare).toBe(0.8);
    expect(yearStatistics('helsinki', 2026, decided.slice(0, 4)).medianDaysToDecide).toBeNull();
  });
});
