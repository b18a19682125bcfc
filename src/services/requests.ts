import { can } from '../domain/access.ts';
import { todayInFinland } from '../domain/calendar.ts';
import { computeDeadlines, type RequestType } from '../domain/deadline.ts';
import { validateHetu } from '../domain/hetu.ts';
import type { Lang } from '../domain/language.ts';
import {
  canTransition,
  CLOCK_STOPPED,
  extensionProblem,
  type DataSubjectRequest,
  type RequestStatus,
  OUTCOMES,
  REFUSAL_GROUNDS,
  IDENTITY_METHODS,
  CHANNELS,
  RECIPIENT_TYPES,
} from '../domain/request.ts';
import type { Actor } from '../domain/user.ts';
import type { NewAuditEvent, Repositories, Store } from '../store/index.ts';

/** A refused request change, with a stable code that is also the i18n key of its message, and what the message needs. */
export class RequestError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  constructor(code: string, params: Record<string, string | number> = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

export interface NewRequest {
  type: RequestType;
  received: string;
  channel: (typeof CHANNELS)[number];
  requester: { name: string; hetu?: string; email?: string; phone?: string; address?: string; language: Lang };
  representative?: { name: string; basis: string; contact?: string };
  registers: string[];
  /** Needed only when no register is named: which organisation is asked. */
  organisation?: string;
  details?: string;
  caseNumber?: string;
  logData?: DataSubjectRequest['logData'];
  misuse?: DataSubjectRequest['misuse'];
  ombudsman?: DataSubjectRequest['ombudsman'];
}

/** Recomputes the stored due dates from receipt and the clock stops, keeping the reasons. */
function recompute(request: DataSubjectRequest, today: string): void {
  const { due, extendedDue } = computeDeadlines({
    received: request.received,
    type: request.type,
    stops: request.stops,
    asOf: today,
    setDate: request.ombudsman?.due,
  });
  request.due = due;
  if (request.extension) request.extension.due = extendedDue;
}

type Event = Omit<NewAuditEvent, 'actor' | 'organisation' | 'entity'>;

/**
 * Changes one request in a transaction: loads it, checks that the actor may act on requests of its organisation,
 * applies `change` (which returns the audit events it causes), and saves the request with its events, all or nothing.
 */
export async function changeRequest(
  store: Store,
  id: string,
  actor: Actor,
  change: (request: DataSubjectRequest, repositories: Repositories) => Event[] | Promise<Event[]>,
): Promise<DataSubjectRequest> {
  return store.transaction(async (repositories) => {
    const request = (await repositories.requests.byId(id)) ?? (await repositories.requests.byReference(id));
    if (!request) throw new RequestError('request.unknown');
    if (!can(actor, 'requests.act', request.organisation)) throw new RequestError('request.forbidden');
    const events = await change(request, repositories);
    const saved = await repositories.requests.save(request);
    for (const event of events)
      await repositories.audit.append({
        ...event,
        actor: actor.username,
        entity: `request:${request.reference}`,
        organisation: request.organisation,
      });
    return saved;
  });
}

/** Moves a request in the state machine, stopping or restarting the clock as needed. */
function applyTransition(request: DataSubjectRequest, to: RequestStatus, actor: string, now: Date, note?: string): Event {
  if (!canTransition(request.status, to)) throw new RequestError('request.transition.forbidden');
  const today = todayInFinland(now);
  const from = request.status;
  const open = request.stops.find((stop) => !stop.to);
  if (open && !CLOCK_STOPPED.includes(to)) open.to = today;
  if (CLOCK_STOPPED.includes(to) && !open) request.stops.push({ from: today, reason: to });
  request.status = to;
  request.history.push({ at: now.toISOString(), by: actor, from, to, ...(note ? { note } : {}) });
  recompute(request, today);
  return { action: 'request.status', details: { from, to } };
}

/**
 * Logs a new request for the organisation of its registers: its reference in sequence for the year of receipt
 * (unique across instances), its due date with the reasons, and an audit event that names the request but not the
 * requester.
 */
export async function createRequest(
  store: Store,
  input: NewRequest,
  actor: Actor,
  /** The registers that may be named: id → organisation. */
  registers: ReadonlyMap<string, string>,
  now = new Date(),
): Promise<DataSubjectRequest> {
  if (input.requester.hetu && !validateHetu(input.requester.hetu).valid) throw new RequestError('errors.hetu.invalid');
  if (input.registers.some((id) => !registers.has(id))) throw new RequestError('request.register.unknown');
  if (input.received > todayInFinland(now)) throw new RequestError('request.received.future');
  if (input.type === 'ombudsman-inquiry' && !input.ombudsman) throw new RequestError('request.ombudsman.missing');
  // An Ombudsman's inquiry concerns an earlier request of the same organisation, and the same registers.
  const earlier = input.ombudsman ? await store.requests.byReference(input.ombudsman.earlierReference) : undefined;
  if (input.ombudsman && (!earlier || !can(actor, 'requests.act', earlier.organisation)))
    throw new RequestError('request.ombudsman.unknown');
  if (earlier && input.registers.length === 0) input = { ...input, registers: earlier.registers, organisation: earlier.organisation };
  const organisations = new Set(input.registers.map((id) => registers.get(id) ?? earlier?.organisation ?? ''));
  if (input.organisation) organisations.add(input.organisation);
  if (earlier) organisations.add(earlier.organisation);
  if (organisations.size !== 1) throw new RequestError(organisations.size ? 'request.organisation.mixed' : 'request.organisation.missing');
  const [organisation] = organisations as Set<string> & { size: 1 };
  if (!can(actor, 'requests.act', organisation!)) throw new RequestError('request.forbidden');
  return store.transaction((repositories) => insertRequest(repositories, input, organisation!, actor.username, now));
}

/**
 * Stores a new request of an organisation: its reference in sequence for the year of receipt (unique across
 * instances), its due date with the reasons, and an audit event that names the request and its channel but not the
 * requester. Call inside a transaction; the caller has checked who may log it.
 */
export async function insertRequest(
  repositories: Repositories,
  input: NewRequest,
  organisation: string,
  by: string,
  now: Date,
  identity?: DataSubjectRequest['identity'],
): Promise<DataSubjectRequest> {
  const year = Number(input.received.slice(0, 4));
  const sequence = await repositories.requests.nextSequence(year);
  const { organisation: _chosen, ...fields } = input;
  const request: DataSubjectRequest = {
    id: crypto.randomUUID(),
    reference: `TS-${year}-${String(sequence).padStart(6, '0')}`,
    organisation,
    ...fields,
    requester: { ...input.requester, ...(input.requester.hetu ? { hetu: input.requester.hetu.trim().toUpperCase() } : {}) },
    ...(identity ? { identity } : {}),
    status: 'received',
    due: computeDeadlines({ received: input.received, type: input.type, setDate: input.ombudsman?.due }).due,
    stops: [],
    letters: [],
    history: [{ at: now.toISOString(), by, to: 'received' }],
    createdAt: now.toISOString(),
  };
  const saved = await repositories.requests.save(request);
  await repositories.audit.append({
    actor: by,
    action: 'request.created',
    entity: `request:${saved.reference}`,
    organisation: saved.organisation,
    details: { type: saved.type, ...(saved.channel === 'e-service' ? { channel: saved.channel } : {}) },
  });
  return saved;
}

/** Moves a request to another status, if the state machine allows it; stops or restarts the clock as needed. */
export function transition(
  store: Store,
  id: string,
  to: RequestStatus,
  actor: Actor,
  note?: string,
  now = new Date(),
): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, (request) => [applyTransition(request, to, actor.username, now, note)]);
}

/** Records how the requester's identity was verified, by whom and when; a request waiting for it moves on. */
export function verifyIdentity(
  store: Store,
  id: string,
  method: (typeof IDENTITY_METHODS)[number],
  actor: Actor,
  now = new Date(),
): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, (request) => {
    request.identity = { method, verifiedBy: actor.username, verifiedAt: now.toISOString() };
    const events: Event[] = [{ action: 'request.identityVerified', details: { method } }];
    if (request.status === 'identity-pending') events.push(applyTransition(request, 'in-progress', actor.username, now));
    return events;
  });
}

/** Extends the time limit by two months (Art 12(3)): needs a reason and the date the requester was told, before the original due date. */
export function extend(
  store: Store,
  id: string,
  reason: string,
  toldOn: string,
  actor: Actor,
  now = new Date(),
): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, (request) => {
    if (!reason.trim()) throw new RequestError('request.extension.reason');
    const problem = extensionProblem(request, toldOn);
    if (problem) throw new RequestError(`request.extension.${problem}`);
    request.extension = { reason: reason.trim(), toldOn, due: request.due };
    recompute(request, todayInFinland(now));
    return [{ action: 'request.extended', details: { toldOn } }, applyTransition(request, 'extended', actor.username, now)];
  });
}

export interface Decision {
  outcome: (typeof OUTCOMES)[number];
  refusalGrounds?: (typeof REFUSAL_GROUNDS)[number][];
  /** Art 19: who was told of a rectification, erasure or restriction. */
  recipientsNotified?: string[];
}

/** Records the outcome; a refusal needs its grounds (Art 12(4)). */
export function decide(store: Store, id: string, decision: Decision, actor: Actor, now = new Date()): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, (request) => {
    if (!canTransition(request.status, 'decided')) throw new RequestError('request.transition.forbidden');
    const refused = decision.outcome === 'refused' || decision.outcome === 'partly-granted';
    if (decision.outcome === 'refused' && !decision.refusalGrounds?.length) throw new RequestError('request.decision.grounds');
    if (decision.recipientsNotified?.length && !RECIPIENT_TYPES.includes(request.type))
      throw new RequestError('request.decision.recipientsType');
    request.outcome = decision.outcome;
    request.decidedOn = todayInFinland(now);
    if (refused && decision.refusalGrounds?.length) request.refusalGrounds = decision.refusalGrounds;
    if (decision.recipientsNotified?.length) request.recipientsNotified = decision.recipientsNotified;
    return [
      { action: 'request.decided', details: { outcome: decision.outcome } },
      applyTransition(request, 'decided', actor.username, now),
    ];
  });
}

/** The staff who may be given requests of an organisation: enabled accounts that act on its requests. */
export async function assignableHandlers(store: Store, organisation: string): Promise<{ username: string; name: string }[]> {
  return (await store.users.list())
    .filter((user) => !user.disabled && can(user, 'requests.act', organisation))
    .map((user) => ({ username: user.username, name: user.name }));
}

/** Assigns a request to a staff member who handles that organisation's requests. */
export function assign(store: Store, id: string, username: string, actor: Actor): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, async (request, repositories) => {
    const assignee = await repositories.users.byUsername(username);
    if (!assignee || assignee.disabled || !can(assignee, 'requests.act', request.organisation))
      throw new RequestError('request.assignee.invalid');
    request.assignee = assignee.username;
    return [{ action: 'request.assigned', details: { assignee: assignee.username } }];
  });
}

/** The full identity code of a requester, for a permitted role; every reveal is an audit event. */
export async function revealHetu(store: Store, id: string, actor: Actor): Promise<string | undefined> {
  const request = await store.requests.byId(id);
  if (!request) throw new RequestError('request.unknown');
  if (!can(actor, 'requests.revealHetu', request.organisation)) throw new RequestError('request.hetu.forbidden');
  if (!request.requester.hetu) return undefined;
  await store.audit.append({
    actor: actor.username,
    action: 'request.hetuRevealed',
    entity: `request:${request.reference}`,
    organisation: request.organisation,
  });
  return request.requester.hetu;
}

/** One request, for someone who may read that organisation's requests. */
export async function findRequest(store: Store, reference: string, actor: Actor): Promise<DataSubjectRequest | undefined> {
  const request = await store.requests.byReference(reference);
  return request && can(actor, 'requests.read', request.organisation) ? request : undefined;
}
