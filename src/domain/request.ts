import * as z from 'zod';
import { isRealIsoDate } from './date.ts';
import { REQUEST_TYPES, type Deadline, type DeadlineStep } from './deadline.ts';
import { validateHetu } from './hetu.ts';
import { NON_WORKING_REASONS } from './holidays.ts';
import { langSchema } from './language.ts';

/**
 * The life of a request, as an explicit state machine. Every transition is an audit event.
 * received → (identity-pending | clarification-pending) ⇄ in-progress → (extended) → decided → closed;
 * a requester may withdraw at any point before the decision.
 */
export const REQUEST_STATUSES = [
  'received',
  'identity-pending',
  'clarification-pending',
  'in-progress',
  'extended',
  'decided',
  'withdrawn',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ['identity-pending', 'clarification-pending', 'in-progress', 'withdrawn'],
  'identity-pending': ['in-progress', 'decided', 'withdrawn'],
  'clarification-pending': ['in-progress', 'withdrawn'],
  'in-progress': ['identity-pending', 'clarification-pending', 'extended', 'decided', 'withdrawn'],
  extended: ['clarification-pending', 'decided', 'withdrawn'],
  decided: ['closed'],
  withdrawn: ['closed'],
  closed: [],
};

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which the clock is stopped: the controller waits for the requester (identity or a clarification). */
export const CLOCK_STOPPED: readonly RequestStatus[] = ['identity-pending', 'clarification-pending'];
/** Statuses of requests still waiting for an answer. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'identity-pending', 'clarification-pending', 'in-progress', 'extended'];

export const CHANNELS = ['e-service', 'email', 'post', 'in-person', 'phone', 'other'] as const;
export const IDENTITY_METHODS = ['strong-electronic', 'in-person-id-document', 'signed-letter', 'known-customer', 'other'] as const;
export const OUTCOMES = ['granted', 'partly-granted', 'refused', 'no-data'] as const;
/** Why a request may be refused, in whole or in part. */
export const REFUSAL_GROUNDS = [
  /** GDPR Art 12(5): manifestly unfounded. */
  'art-12-5-unfounded',
  /** GDPR Art 12(5): excessive, in particular repetitive. */
  'art-12-5-excessive',
  /** Data Protection Act 1050/2018 §34: restrictions on the right of access. */
  'dpa-34',
  /** Art 12(6) and 11(2): the requester could not be identified. */
  'identity-not-verified',
  /** Openness Act 621/1999: the information is secret from the requester (e.g. §11(2)). */
  'openness-secret',
  'other',
] as const;
export const LETTER_KINDS = ['acknowledgement', 'extension', 'decision'] as const;

const isoDate = z.string().refine(isRealIsoDate, { error: 'errors.date.invalid' });
const stepSchema: z.ZodType<DeadlineStep> = z.union([
  z.strictObject({ kind: z.literal('received'), date: isoDate }),
  z.strictObject({ kind: z.literal('period'), period: z.enum(['oneMonth', 'threeMonths', 'twoWeeks']), end: isoDate }),
  z.strictObject({ kind: z.literal('stopped'), days: z.int().min(1), end: isoDate }),
  z.strictObject({ kind: z.literal('moved'), from: isoDate, reason: z.enum(NON_WORKING_REASONS), to: isoDate }),
]) as z.ZodType<DeadlineStep>;
/** A stored deadline: the date and why it is that date. Never re-derived from "days left". */
export const deadlineSchema: z.ZodType<Deadline> = z.strictObject({ date: isoDate, steps: z.array(stepSchema), paused: z.boolean() });

export const REFERENCE_PATTERN = /^TS-\d{4}-\d{6}$/u;

export const requestSchema = z.strictObject({
  id: z.uuid(),
  /** Reference in sequence per year: TS-2026-000123. */
  reference: z.string().regex(REFERENCE_PATTERN),
  /** The organisation answering it: the controller of the registers concerned. Its staff, and only they, see it. */
  organisation: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u)
    .max(64),
  type: z.enum(REQUEST_TYPES),
  received: isoDate,
  channel: z.enum(CHANNELS),
  requester: z.strictObject({
    name: z.string().trim().min(1).max(200),
    /** Personal identity code, validated; shown masked except to a permitted role, and each reveal is audited. */
    hetu: z
      .string()
      .refine((code) => validateHetu(code).valid, { error: 'errors.hetu.invalid' })
      .optional(),
    email: z.email().optional(),
    phone: z.string().max(40).optional(),
    address: z.string().max(500).optional(),
    /** The language the requester is answered in (Language Act 423/2003 §10: Finnish or Swedish at their choice). */
    language: langSchema,
  }),
  /** Someone acting for the requester: a guardian, a trustee or a holder of a power of attorney. */
  representative: z
    .strictObject({ name: z.string().trim().min(1).max(200), basis: z.string().max(500), contact: z.string().max(500).optional() })
    .optional(),
  /** The registers concerned, by id. */
  registers: z.array(z.string()).max(50),
  details: z.string().max(5000).optional(),
  identity: z
    .strictObject({
      method: z.enum(IDENTITY_METHODS),
      verifiedBy: z.string(),
      verifiedAt: z.iso.datetime(),
    })
    .optional(),
  assignee: z.string().optional(),
  status: z.enum(REQUEST_STATUSES),
  due: deadlineSchema,
  extension: z.strictObject({ reason: z.string().trim().min(1).max(2000), toldOn: isoDate, due: deadlineSchema }).optional(),
  stops: z.array(z.strictObject({ from: isoDate, to: isoDate.optional(), reason: z.string().max(500) })),
  outcome: z.enum(OUTCOMES).optional(),
  refusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)).optional(),
  /** Art 19: the recipients told of a rectification, erasure or restriction. */
  recipientsNotified: z.array(z.string().max(200)).optional(),
  decidedOn: isoDate.optional(),
  /** Letters sent: the exact text, its SHA-256, the template and the language, so what was sent can be shown later. */
  letters: z.array(
    z.strictObject({
      kind: z.enum(LETTER_KINDS),
      lang: langSchema,
      sentAt: z.iso.datetime(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/u),
      template: z.string(),
      text: z.string().max(20_000),
    }),
  ),
  /** The case number in the organisation's case register (diaarinumero). */
  caseNumber: z.string().max(100).optional(),
  history: z.array(
    z.strictObject({
      at: z.iso.datetime(),
      by: z.string(),
      from: z.enum(REQUEST_STATUSES).optional(),
      to: z.enum(REQUEST_STATUSES),
      note: z.string().max(2000).optional(),
    }),
  ),
  createdAt: z.iso.datetime(),
  /** Set when a closed request was anonymised by the retention purge. */
  purgedAt: z.iso.datetime().optional(),
});
export type DataSubjectRequest = z.infer<typeof requestSchema>;

/** The next reference of a year: one more than the highest used, six digits. */
export function nextReference(existing: readonly string[], year: number): string {
  const prefix = `TS-${year}-`;
  const highest = existing
    .filter((reference) => reference.startsWith(prefix))
    .reduce((max, reference) => Math.max(max, Number(reference.slice(prefix.length))), 0);
  return `${prefix}${String(highest + 1).padStart(6, '0')}`;
}

/**
 * An extension must be told to the requester, with its reasons, within the first month (Art 12(3)): the date they were
 * told must fall before the original due date. Returns the problem, or undefined when the extension is allowed.
 */
export function extensionProblem(
  request: Pick<DataSubjectRequest, 'status' | 'due' | 'extension' | 'received'>,
  toldOn: string,
): 'notAllowed' | 'already' | 'tooLate' | 'beforeReceipt' | undefined {
  if (request.extension) return 'already';
  if (!canTransition(request.status, 'extended')) return 'notAllowed';
  if (toldOn < request.received) return 'beforeReceipt';
  if (toldOn >= request.due.date) return 'tooLate';
  return undefined;
}

/**
 * Portability (Art 20) does not apply to processing based on a public task or a legal obligation (Art 20(3) and
 * recital 68): warn when every register concerned rests only on Art 6(1)(c) or (e).
 */
export function portabilityWarning(
  type: DataSubjectRequest['type'],
  article6OfRegisters: readonly (readonly string[] | undefined)[],
): boolean {
  if (type !== 'portability' || article6OfRegisters.length === 0) return false;
  return article6OfRegisters.every(
    (bases) => bases !== undefined && bases.length > 0 && bases.every((basis) => basis === 'c' || basis === 'e'),
  );
}
