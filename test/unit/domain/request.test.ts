import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../src/domain/deadline.ts';
import {
  canTransition,
  extensionProblem,
  nextReference,
  portabilityWarning,
  REQUEST_STATUSES,
  TRANSITIONS,
  type RequestStatus,
} from '../../../src/domain/request.ts';

const ALLOWED: [RequestStatus, RequestStatus][] = [
  ['received', 'identity-pending'],
  ['received', 'clarification-pending'],
  ['received', 'in-progress'],
  ['received', 'withdrawn'],
  ['identity-pending', 'in-progress'],
  ['identity-pending', 'decided'],
  ['identity-pending', 'withdrawn'],
  ['clarification-pending', 'in-progress'],
  ['clarification-pending', 'withdrawn'],
  ['in-progress', 'identity-pending'],
  ['in-progress', 'clarification-pending'],
  ['in-progress', 'extended'],
  ['in-progress', 'decided'],
  ['in-progress', 'withdrawn'],
  ['extended', 'clarification-pending'],
  ['extended', 'decided'],
  ['extended', 'withdrawn'],
  ['decided', 'closed'],
  ['withdrawn', 'closed'],
];

describe('the request state machine', () => {
  const allowed = new Set(ALLOWED.map(([from, to]) => `${from}→${to}`));
  const every = REQUEST_STATUSES.flatMap((from) => REQUEST_STATUSES.map((to) => [from, to] as const));

  it.each(every.filter(([from, to]) => allowed.has(`${from}→${to}`)))('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(every.filter(([from, to]) => !allowed.has(`${from}→${to}`)))('forbids %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('lists exactly these transitions', () => {
    expect(Object.values(TRANSITIONS).flat()).toHaveLength(ALLOWED.length);
    expect(TRANSITIONS.closed).toEqual([]);
  });
});

describe('references', () => {
  it('run in sequence per year', () => {
    expect(nextReference([], 2026)).toBe('TS-2026-000001');
    expect(nextReference(['TS-2026-000001', 'TS-2026-000123', 'TS-2025-000999'], 2026)).toBe('TS-2026-000124');
    expect(nextReference(['TS-2026-000123'], 2027)).toBe('TS-2027-000001');
  });
});

describe('extensions', () => {
  const request = {
    status: 'in-progress' as const,
    received: '2026-01-31',
    due: computeDeadlines({ received: '2026-01-31', type: 'access' }).due,
  };

  it('are allowed when the requester was told before the original due date', () => {
    expect(extensionProblem(request, '2026-02-20')).toBeUndefined();
    expect(extensionProblem(request, '2026-03-01')).toBeUndefined();
  });

  it('are refused when the requester was told on or after the due date, or before receipt', () => {
    expect(extensionProblem(request, '2026-03-02')).toBe('tooLate');
    expect(extensionProblem(request, '2026-01-30')).toBe('beforeReceipt');
    expect(extensionProblem({ ...request, status: 'decided' }, '2026-02-20')).toBe('notAllowed');
  });
});

describe('portability', () => {
  it('warns when every register concerned rests on a public task or a legal obligation', () => {
    expect(portabilityWarning('portability', [['c', 'e'], ['e']])).toBe(true);
    expect(portabilityWarning('portability', [['e'], ['a']])).toBe(false);
    expect(portabilityWarning('access', [['e']])).toBe(false);
    expect(portabilityWarning('portability', [undefined])).toBe(false);
  });
});
