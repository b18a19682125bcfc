import { computeDeadlines, type RequestType } from '../domain/deadline.ts';
import { validateHetu } from '../domain/hetu.ts';
import type { Lang } from '../domain/language.ts';
import {
  canTransition,
  CLOCK_STOPPED,
  extensionProblem,
  nextReference,
  type DataSubjectRequest,
  type RequestStatus,
  OUTCOMES,
  REFUSAL_GROUNDS,
  IDENTITY_METHODS,
  CHANNELS,
} from '../domain/request.ts';
import { mayUse, type Role } from '../domain/user.ts';
import type { Runtime } from '../store/runtime.ts';

/** A refused request change, with a stable code that is also the i18n key of its message. */
export class RequestError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/** Today in Finland, as YYYY-MM-DD: deadlines are Finnish calendar days. */
export function todayInFinland(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(now);
}

export interface NewRequest {
  type: RequestType;
  received: string;
  channel: (typeof CHANNELS)[number];
  requester: { name: string; hetu?: string; email?: string; phone?: string; address?: string; language: Lang };
  representative?: { name: string; basis: string; contact?: string };
  registers: string[];
  details?: string;
  caseNumber?: string;
}

function find(runtime: Runtime, id: string): DataSubjectRequest {
  const request = runtime.store.data.requests.find((candidate) => candidate.id === id || candidate.reference === id);
  if (!request) throw new RequestError('request.unknown');
  return request;
}

/** Applies a change to one request inside the store's queue, validated and written durably with everything else. */
function update(runtime: Runtime, id: string, change: (request: DataSubjectRequest) => void): Promise<DataSubjectRequest> {
  return runtime.store.mutate((data) => {
    const request = data.requests.find((candidate) => candidate.id === id)!;
    change(request);
    return request;
  });
}

/** Recomputes the stored due dates from receipt and the clock stops, keeping the reasons. */
function recompute(request: DataSubjectRequest, today: string): void {
  const { due, extendedDue } = computeDeadlines({ received: request.received, type: request.type, stops: request.stops, asOf: today });
  request.due = due;
  if (request.extension) request.extension.due = extendedDue;
}

/**
 * Logs a new request: its reference in sequence for the year of receipt, its due date with the reasons, and an audit
 * event that names the request but not the requester.
 */
export async function createRequest(
  runtime: Runtime,
  input: NewRequest,
  actor: string,
  knownRegisters: ReadonlySet<string>,
  now = new Date(),
): Promise<DataSubjectRequest> {
  if (input.requester.hetu && !validateHetu(input.requester.hetu).valid) throw new RequestError('errors.hetu.invalid');
  const unknown = input.registers.find((id) => !knownRegisters.has(id));
  if (unknown) throw new RequestError('request.register.unknown');
  if (input.received > todayInFinland(now)) throw new RequestError('request.received.future');
  const created = await runtime.store.mutate((data) => {
    const reference = nextReference(
      data.requests.map((request) => request.reference),
      Number(input.received.slice(0, 4)),
    );
    const request: DataSubjectRequest = {
      id: crypto.randomUUID(),
      reference,
      type: input.type,
      received: input.received,
      channel: input.channel,
      requester: {
        ...input.requester,
        hetu: input.requester.hetu ? validateHetu(input.requester.hetu).valid && input.requester.hetu.trim().toUpperCase() : undefined,
      } as DataSubjectRequest['requester'],
      representative: input.representative,
      registers: input.registers,
      details: input.details,
      caseNumber: input.caseNumber,
      status: 'received',
      due: computeDeadlines({ received: input.received, type: input.type }).due,
      stops: [],
      letters: [],
      history: [{ at: now.toISOString(), by: actor, to: 'received' }],
      createdAt: now.toISOString(),
    };
    if (!request.requester.hetu) delete request.requester.hetu;
    data.requests.push(request);
    return request;
  });
  await runtime.audit.append({ actor, action: 'request.created', entity: `request:${created.reference}`, details: { type: created.type } });
  return created;
}

/** Moves a request to another status, if the state machine allows it; stops or restarts the clock as needed. */
export async function transition(
  runtime: Runtime,
  id: string,
  to: RequestStatus,
  actor: string,
  note?: string,
  now = new Date(),
): Promise<DataSubjectRequest> {
  const current = find(runtime, id);
  if (!canTransition(current.status, to)) throw new RequestError('request.transition.forbidden');
  const today = todayInFinland(now);
  const updated = await update(runtime, current.id, (request) => {
    const from = request.status;
    const open = request.stops.find((stop) => !stop.to);
    if (open && !CLOCK_STOPPED.includes(to)) open.to = today;
    if (CLOCK_STOPPED.includes(to) && !open) request.stops.push({ from: today, reason: to });
    request.status = to;
    request.history.push({ at: now.toISOString(), by: actor, from, to, ...(note ? { note } : {}) });
    recompute(request, today);
  });
  await runtime.audit.append({
    actor,
    action: 'request.status',
    entity: `request:${updated.reference}`,
    details: { from: current.status, to },
  });
  return updated;
}

/** Records how the requester's identity was verified, by whom and when; a request waiting for it moves on. */
export async function verifyIdentity(
  runtime: Runtime,
  id: string,
  method: (typeof IDENTITY_METHODS)[number],
  actor: string,
  now = new Date(),
): Promise<DataSubjectRequest> {
  const current = find(runtime, id);
  await update(runtime, current.id, (request) => {
    request.identity = { method, verifiedBy: actor, verifiedAt: now.toISOString() };
  });
  await runtime.audit.append({ actor, action: 'request.identityVerified', entity: `request:${current.reference}`, details: { method } });
  return current.status === 'identity-pending'
    ? transition(runtime, current.id, 'in-progress', actor, undefined, now)
    : find(runtime, current.id);
}

/** Extends the time limit by two months (Art 12(3)): needs a reason and the date the requester was told, before the original due date. */
export async function extend(
  runtime: Runtime,
  id: string,
  reason: string,
  toldOn: string,
  actor: string,
  now = new Date(),
): Promise<DataSubjectRequest> {
  const current = find(runtime, id);
  if (!reason.trim()) throw new RequestError('request.extension.reason');
  const problem = extensionProblem(current, toldOn);
  if (problem) throw new RequestError(`request.extension.${problem}`);
  const today = todayInFinland(now);
  await update(runtime, current.id, (request) => {
    request.extension = { reason: reason.trim(), toldOn, due: request.due };
    recompute(request, today);
  });
  await runtime.audit.append({ actor, action: 'request.extended', entity: `request:${current.reference}`, details: { toldOn } });
  return transition(runtime, current.id, 'extended', actor, undefined, now);
}

export interface Decision {
  outcome: (typeof OUTCOMES)[number];
  refusalGrounds?: (typeof REFUSAL_GROUNDS)[number][];
  /** Art 19: who was told of a rectification, erasure or restriction. */
  recipientsNotified?: string[];
}

/** Records the outcome; a refusal needs its grounds (Art 12(4)). */
export async function decide(
  runtime: Runtime,
  id: string,
  decision: Decision,
  actor: string,
  now = new Date(),
): Promise<DataSubjectRequest> {
  const current = find(runtime, id);
  if (!canTransition(current.status, 'decided')) throw new RequestError('request.transition.forbidden');
  const refused = decision.outcome === 'refused' || decision.outcome === 'partly-granted';
  if (decision.outcome === 'refused' && !decision.refusalGrounds?.length) throw new RequestError('request.decision.grounds');
  await update(runtime, current.id, (request) => {
    request.outcome = decision.outcome;
    request.decidedOn = todayInFinland(now);
    if (refused && decision.refusalGrounds?.length) request.refusalGrounds = decision.refusalGrounds;
    if (decision.recipientsNotified?.length) request.recipientsNotified = decision.recipientsNotified;
  });
  await runtime.audit.append({
    actor,
    action: 'request.decided',
    entity: `request:${current.reference}`,
    details: { outcome: decision.outcome },
  });
  return transition(runtime, current.id, 'decided', actor, undefined, now);
}

/** Assigns a request to a staff member who handles requests. */
export async function assign(runtime: Runtime, id: string, username: string, actor: string): Promise<DataSubjectRequest> {
  const current = find(runtime, id);
  const assignee = runtime.store.data.users.find((user) => user.username === username && !user.disabled);
  if (!assignee || !['handler', 'dpo', 'admin'].includes(assignee.role)) throw new RequestError('request.assignee.invalid');
  const updated = await update(runtime, current.id, (request) => {
    request.assignee = assignee.username;
  });
  await runtime.audit.append({
    actor,
    action: 'request.assigned',
    entity: `request:${current.reference}`,
    details: { assignee: assignee.username },
  });
  return updated;
}

/** Who may see a full identity code: those who handle requests. Auditors see only the masked form. */
export function mayRevealHetu(role: Role): boolean {
  return mayUse(role, 'requests') && role !== 'auditor';
}

/** The full identity code of a requester, for a permitted role; every reveal is an audit event. */
export async function revealHetu(runtime: Runtime, id: string, actor: { username: string; role: Role }): Promise<string | undefined> {
  if (!mayRevealHetu(actor.role)) throw new RequestError('request.hetu.forbidden');
  const request = find(runtime, id);
  if (!request.requester.hetu) return undefined;
  await runtime.audit.append({ actor: actor.username, action: 'request.hetuRevealed', entity: `request:${request.reference}` });
  return request.requester.hetu;
}
