import * as z from 'zod';
import { isRealIsoDate } from './date.ts';
import { REQUEST_TYPES, type Deadline, type DeadlineStep } from './deadline.ts';
import { validateHetu } from './hetu.ts';
import { NON_WORKING_REASONS } from './holidays.ts';
import { emailAddressSchema } from './email.ts';
import { LANGS, langSchema } from './language.ts';

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

/** The GDPR applies from 25 May 2018: no request under it was received before. */
export const GDPR_APPLIES_FROM = '2018-05-25';

/**
 * The limits of every typed field, told to the user beside the field. The intake form, the e-form and the stored row
 * all use the schemas below, so what a form accepts the database accepts too.
 */
export const LIMITS = {
  name: 200,
  phone: 40,
  address: 500,
  representativeBasis: 500,
  representativeContact: 500,
  details: 5000,
  caseNumber: 100,
  note: 2000,
  reason: 2000,
  recipient: 200,
  recipients: 50,
  registers: 50,
} as const;

/** Free text of a field, trimmed, not empty, within its limit: the error keys name the limit for the message. */
export const textField = (max: number) => z.string().trim().min(1, { error: 'errors.required' }).max(max, { error: 'errors.form.tooLong' });

/** A day on which a request may have arrived: a real date, not before the GDPR applied. */
export const receivedDateSchema = isoDate.refine((date) => date >= GDPR_APPLIES_FROM, { error: 'request.received.beforeGdpr' });

/** A personal identity code, valid with its check character and real birth date. */
export const hetuSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .refine((code) => validateHetu(code).valid, { error: 'errors.hetu.invalid' });

export const requesterSchema = z.strictObject({
  name: textField(LIMITS.name),
  /** Personal identity code, validated; shown masked except to a permitted role, and each reveal is audited. */
  hetu: hetuSchema.optional(),
  email: emailAddressSchema.optional(),
  phone: textField(LIMITS.phone).optional(),
  address: textField(LIMITS.address).optional(),
  /** The language the requester is answered in (Language Act 423/2003 §10: Finnish or Swedish at their choice). */
  language: langSchema,
});

/** Someone acting for the requester: a guardian, a trustee or a holder of a power of attorney. */
export const representativeSchema = z.strictObject({
  name: textField(LIMITS.name),
  basis: textField(LIMITS.representativeBasis),
  contact: textField(LIMITS.representativeContact).optional(),
});

/** The registers concerned, by id: each once, at most fifty. */
export const registerIdsSchema = z
  .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u))
  .max(LIMITS.registers, { error: 'errors.form.tooMany' })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'errors.form.repeated' });

/** A handler's note on a change of status. */
export const noteSchema = textField(LIMITS.note);
/** The reason for an extension, told to the requester. */
export const extensionReasonSchema = textField(LIMITS.reason);
/** Art 19: the recipients told of a rectification, erasure or restriction, one per line. */
export const recipientsSchema = z.array(textField(LIMITS.recipient)).max(LIMITS.recipients, { error: 'errors.form.tooMany' });

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
  received: receivedDateSchema,
  channel: z.enum(CHANNELS),
  requester: requesterSchema,
  representative: representativeSchema.optional(),
  registers: registerIdsSchema,
  details: textField(LIMITS.details).optional(),
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
  extension: z.strictObject({ reason: extensionReasonSchema, toldOn: isoDate, due: deadlineSchema }).optional(),
  stops: z.array(z.strictObject({ from: isoDate, to: isoDate.optional(), reason: z.string().max(500) })),
  outcome: z.enum(OUTCOMES).optional(),
  refusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)).optional(),
  /** Art 19: the recipients told of a rectification, erasure or restriction. */
  recipientsNotified: recipientsSchema.optional(),
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
  caseNumber: textField(LIMITS.caseNumber).optional(),
  history: z.array(
    z.strictObject({
      at: z.iso.datetime(),
      by: z.string(),
      from: z.enum(REQUEST_STATUSES).optional(),
      to: z.enum(REQUEST_STATUSES),
      note: noteSchema.optional(),
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

/**
 * The intake of a new request, by staff or through the e-form, as typed (an empty field is left out). Built from the
 * same field schemas as the stored request, with the rules that depend on the day: nothing received after today, and
 * no identity code of someone born after it.
 */
export function intakeSchema(today: string) {
  return z
    .object({
      type: z.enum(REQUEST_TYPES, { error: 'staff.requests.error.type' }),
      received: receivedDateSchema.refine((date) => date <= today, { error: 'request.received.future' }),
      channel: z.enum(CHANNELS, { error: 'staff.requests.error.channel' }),
      name: requesterSchema.shape.name,
      hetu: hetuSchema
        .refine((code) => (validateHetu(code) as { birthDate: string }).birthDate <= today, { error: 'errors.hetu.future' })
        .optional(),
      email: emailAddressSchema.optional(),
      phone: textField(LIMITS.phone).optional(),
      address: textField(LIMITS.address).optional(),
      language: z.enum(LANGS, { error: 'staff.requests.error.language' }),
      representativeName: textField(LIMITS.name).optional(),
      representativeBasis: textField(LIMITS.representativeBasis).optional(),
      representativeContact: textField(LIMITS.representativeContact).optional(),
      registers: registerIdsSchema.min(1, { error: 'staff.requests.error.registers' }),
      details: textField(LIMITS.details).optional(),
      caseNumber: textField(LIMITS.caseNumber).optional(),
    })
    .refine((form) => !form.representativeName || form.representativeBasis, {
      error: 'staff.requests.error.representativeBasis',
      path: ['representativeBasis'],
      // Told together with every other problem of the form, not only once the rest is right.
      when: () => true,
    });
}
export type IntakeForm = z.infer<ReturnType<typeof intakeSchema>>;
export const INTAKE_FIELDS = Object.keys(intakeSchema('2000-01-01').shape) as (keyof IntakeForm)[];
