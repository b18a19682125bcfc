import * as z from 'zod';
import { isRealIsoDate } from './date.ts';
import { REQUEST_TYPES, regimeOf, type Deadline, type DeadlineStep, type RequestType } from './deadline.ts';
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
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];
export const identityMethodSchema = z.enum(IDENTITY_METHODS);
/**
 * How the staff queue sorts requests by the requester's identification: strong electronic identification (Suomi.fi
 * e-Identification, for example), verified by any method, or not verified yet (GDPR Art 12(6)).
 */
export const IDENTIFICATION_FILTERS = ['strong', 'verified', 'unverified'] as const;
export type IdentificationFilter = (typeof IDENTIFICATION_FILTERS)[number];
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

/**
 * The legal grounds on which an item of data is withheld from a reply: secrecy under the Openness Act 621/1999 §24,
 * the restrictions of the right of access in the Data Protection Act 1050/2018 §34, or the rights and freedoms of
 * others (GDPR Art 15(4)).
 */
export const WITHHOLDING_GROUNDS = ['openness-24', 'dpa-34', 'art-15-4'] as const;

/** GDPR Art 19: the recipients are told of a rectification, an erasure or a restriction, and of nothing else. */
export const RECIPIENT_TYPES: readonly RequestType[] = ['rectification', 'erasure', 'restriction'];

/** The types whose reply describes the registers concerned (GDPR Art 15(1)(a)–(h)). */
export const REGISTER_REPLY_TYPES: readonly RequestType[] = ['access', 'own-data', 'log-data'];

/** Whether a request of this type has its time limit extended by the controller (not an authority's set date). */
export function extendable(type: RequestType): boolean {
  return regimeOf(type) !== 'set';
}

const isoDate = z.string().refine(isRealIsoDate, { error: 'errors.date.invalid' });
const stepSchema: z.ZodType<DeadlineStep> = z.union([
  z.strictObject({ kind: z.literal('received'), date: isoDate }),
  z.strictObject({ kind: z.literal('period'), period: z.enum(['oneMonth', 'threeMonths', 'twoWeeks']), end: isoDate }),
  z.strictObject({ kind: z.literal('stopped'), days: z.int().min(1), end: isoDate }),
  z.strictObject({ kind: z.literal('moved'), from: isoDate, reason: z.enum(NON_WORKING_REASONS), to: isoDate }),
  z.strictObject({ kind: z.literal('basis'), basis: z.enum(['logData', 'misuse']) }),
  z.strictObject({ kind: z.literal('set'), by: z.literal('ombudsman'), date: isoDate }),
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
  services: 1000,
  assessment: 2000,
  suspicion: 5000,
  suspectedUser: 200,
  misuseWhen: 200,
  ombudsmanReference: 100,
  withheld: 500,
  signerName: 100,
  signerTitle: 200,
  letter: 20_000,
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

/** A log-data request (Client Data Act 703/2023): the services or units concerned, one or more, as the client names them. */
export const logServicesSchema = textField(LIMITS.services);
/** Why log data older than two years is asked for: without a special reason they are not given. */
export const logReasonSchema = textField(LIMITS.reason);
/** The assessment of whether a minor can decide on the matter alone, given their age and development. */
export const minorAssessmentSchema = textField(LIMITS.assessment);
/** What the client suspects: whose use of their data, of what data, and how the suspicion arose. */
export const misuseSuspicionSchema = textField(LIMITS.suspicion);
export const misuseWhenSchema = textField(LIMITS.misuseWhen);
export const suspectedUserSchema = textField(LIMITS.suspectedUser);
/** The Ombudsman's own reference (diaarinumero) for its inquiry. */
export const ombudsmanReferenceSchema = textField(LIMITS.ombudsmanReference);
/** What was withheld from a reply, described for the file (never sent to the requester). */
export const withheldDescriptionSchema = textField(LIMITS.withheld);
export const signerNameSchema = textField(LIMITS.signerName);
export const signerTitleSchema = textField(LIMITS.signerTitle);
/** The final text of a letter, as the handler leaves it. */
export const letterTextSchema = textField(LIMITS.letter);
/** An internal note: for the file, never in a letter. */
export const internalNoteSchema = textField(LIMITS.note);

const signerSchema = z.strictObject({ name: signerNameSchema, title: signerTitleSchema });
export type Signer = z.infer<typeof signerSchema>;

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
      method: identityMethodSchema,
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
  /** A log-data request (Client Data Act 703/2023): the period, the services or units, and for a minor the assessment. */
  logData: z
    .strictObject({
      from: isoDate,
      to: isoDate,
      services: logServicesSchema,
      /** Log data older than two years are given only for a special reason. */
      specialReason: logReasonSchema.optional(),
      /** For a minor: whether they can decide alone (and so receive the data themselves), and why. */
      minor: z.strictObject({ decidesAlone: z.boolean(), assessment: minorAssessmentSchema }).optional(),
    })
    .optional(),
  /** A request to investigate suspected misuse of client data. */
  misuse: z
    .strictObject({ suspicion: misuseSuspicionSchema, when: misuseWhenSchema.optional(), suspectedUser: suspectedUserSchema.optional() })
    .optional(),
  /** An inquiry of the Data Protection Ombudsman about an earlier request: linked to it, due on the day its letter sets. */
  ombudsman: z
    .strictObject({
      earlierReference: z.string().regex(REFERENCE_PATTERN),
      ombudsmanReference: ombudsmanReferenceSchema,
      letterDate: isoDate,
      due: isoDate,
    })
    .optional(),
  /** The registers the reply describes (GDPR Art 15(1)): those the handler ticked as holding the requester's data. */
  replyRegisters: registerIdsSchema.optional(),
  /** Items withheld from the reply, each with its legal ground (621/1999 §24, 1050/2018 §34 or GDPR Art 15(4)). */
  withheld: z
    .array(
      z.strictObject({ description: withheldDescriptionSchema, ground: z.enum(WITHHOLDING_GROUNDS), at: z.iso.datetime(), by: z.string() }),
    )
    .optional(),
  /** Internal notes: for the file, never in a letter, and gone with the purge. */
  notes: z.array(z.strictObject({ at: z.iso.datetime(), by: z.string(), text: internalNoteSchema })).optional(),
  /**
   * The letter being prepared: its final text as the handler edits it, the signer, and (with review before sending)
   * who approved that very text. Recording it as sent moves it to `letters`.
   */
  draft: z
    .strictObject({
      kind: z.enum(LETTER_KINDS),
      lang: langSchema,
      text: letterTextSchema,
      signer: signerSchema,
      preparedBy: z.string(),
      preparedAt: z.iso.datetime(),
      approvedBy: z.string().optional(),
      approvedAt: z.iso.datetime().optional(),
    })
    .optional(),
  /** Letters sent: the exact text, its SHA-256, the template and the language, so what was sent can be shown later. */
  letters: z.array(
    z.strictObject({
      kind: z.enum(LETTER_KINDS),
      lang: langSchema,
      sentAt: z.iso.datetime(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/u),
      template: z.string(),
      text: z.string().max(LIMITS.letter),
      /** Who signed it, who recorded it as sent, and who approved it when review before sending was on. */
      signer: signerSchema.optional(),
      sentBy: z.string().optional(),
      approvedBy: z.string().optional(),
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
  request: Pick<DataSubjectRequest, 'status' | 'due' | 'extension' | 'received'> & { type?: RequestType },
  toldOn: string,
): 'notAllowed' | 'already' | 'tooLate' | 'beforeReceipt' | undefined {
  if (request.extension) return 'already';
  if (request.type && !extendable(request.type)) return 'notAllowed';
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

/** The intake fields that belong to one request type only: any other type refuses them. */
export const TYPE_FIELDS = {
  'log-data': ['logFrom', 'logTo', 'logServices', 'logReason', 'minor', 'minorAssessment', 'minorDecidesAlone'],
  'misuse-investigation': ['misuseSuspicion', 'misuseWhen', 'misuseSuspectedUser'],
  'ombudsman-inquiry': ['earlierReference', 'ombudsmanReference', 'ombudsmanLetterDate', 'ombudsmanDue'],
} as const satisfies Partial<Record<RequestType, readonly string[]>>;

/** Log data are given for two years back unless there is a special reason (Client Data Act 703/2023). */
export const LOG_LOOKBACK_YEARS = 2;

/**
 * The intake of a new request, by staff or through the e-form, as typed (an empty field is left out). Built from the
 * same field schemas as the stored request, with the rules that depend on the day (nothing received after today, no
 * identity code of someone born after it) and on the type (its own fields, required or refused).
 */
export function intakeSchema(today: string) {
  const notAfterToday = isoDate.refine((date) => date <= today, { error: 'request.date.future' });
  return (
    z
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
        registers: registerIdsSchema,
        details: textField(LIMITS.details).optional(),
        caseNumber: textField(LIMITS.caseNumber).optional(),
        logFrom: notAfterToday.optional(),
        logTo: notAfterToday.optional(),
        logServices: logServicesSchema.optional(),
        logReason: logReasonSchema.optional(),
        minor: z.literal('on').optional(),
        minorAssessment: minorAssessmentSchema.optional(),
        minorDecidesAlone: z.enum(['yes', 'no'], { error: 'staff.requests.error.minorDecidesAlone' }).optional(),
        misuseSuspicion: misuseSuspicionSchema.optional(),
        misuseWhen: misuseWhenSchema.optional(),
        misuseSuspectedUser: suspectedUserSchema.optional(),
        earlierReference: z.string().trim().regex(REFERENCE_PATTERN, { error: 'staff.requests.error.earlierReference' }).optional(),
        ombudsmanReference: ombudsmanReferenceSchema.optional(),
        ombudsmanLetterDate: notAfterToday.optional(),
        ombudsmanDue: isoDate.optional(),
      })
      // These rules are told together with every other problem of the form, not only once the rest is right, so they
      // must bear a form whose other fields did not parse.
      .superRefine(
        (form, ctx) => {
          const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
          if (form.representativeName && !form.representativeBasis)
            problem('representativeBasis', 'staff.requests.error.representativeBasis');
          // The registers of an Ombudsman's inquiry are those of the request it is about.
          if (form.type !== 'ombudsman-inquiry' && (form.registers ?? []).length === 0)
            problem('registers', 'staff.requests.error.registers');
          for (const [type, fields] of Object.entries(TYPE_FIELDS))
            if (type !== form.type)
              for (const field of fields) if (form[field] !== undefined) problem(field, `staff.requests.error.onlyFor.${type}`);
          const required = (field: keyof typeof form) => {
            if (form[field] === undefined) problem(field, 'errors.required');
          };
          if (form.type === 'log-data') {
            (['logFrom', 'logTo', 'logServices'] as const).forEach(required);
            if (form.logFrom && form.logTo && form.logFrom > form.logTo) problem('logTo', 'staff.requests.error.periodOrder');
            const received = String(form.received ?? '');
            const lookback = `${Number(received.slice(0, 4)) - LOG_LOOKBACK_YEARS}${received.slice(4)}`;
            if (form.logFrom && form.logFrom < lookback && !form.logReason) problem('logReason', 'staff.requests.error.logReason');
            if (form.minor) (['minorAssessment', 'minorDecidesAlone'] as const).forEach(required);
            else
              for (const field of ['minorAssessment', 'minorDecidesAlone'] as const)
                if (form[field]) problem(field, 'staff.requests.error.minorOnly');
          }
          if (form.type === 'misuse-investigation') required('misuseSuspicion');
          if (form.type === 'ombudsman-inquiry') {
            (['earlierReference', 'ombudsmanReference', 'ombudsmanLetterDate', 'ombudsmanDue'] as const).forEach(required);
            if (form.ombudsmanDue && form.ombudsmanDue < form.received) problem('ombudsmanDue', 'staff.requests.error.dueBeforeReceipt');
          }
        },
        { when: () => true },
      )
  );
}
export type IntakeForm = z.infer<ReturnType<typeof intakeSchema>>;
export const INTAKE_FIELDS = Object.keys(intakeSchema('2000-01-01').shape) as (keyof IntakeForm)[];

/** The fields that staff's intake form and the e-form share: the type, the requester, a representative, the registers. */
export type SharedIntakeFields = Pick<
  IntakeForm,
  | 'type'
  | 'name'
  | 'hetu'
  | 'email'
  | 'phone'
  | 'address'
  | 'language'
  | 'representativeName'
  | 'representativeBasis'
  | 'representativeContact'
  | 'registers'
  | 'details'
>;

/**
 * The request made of a parsed intake form (staff's or the e-form's), on its channel: the requester, and a
 * representative when one acts (the form's rules have made sure of their basis). An empty field is left out.
 */
export function requestInputFrom<C extends (typeof CHANNELS)[number]>(
  data: SharedIntakeFields,
  channel: C,
): Pick<DataSubjectRequest, 'type' | 'requester' | 'representative' | 'registers' | 'details'> & { channel: C } {
  return {
    type: data.type,
    channel,
    requester: {
      name: data.name,
      ...(data.hetu ? { hetu: data.hetu } : {}),
      ...(data.email ? { email: data.email } : {}),
      ...(data.phone ? { phone: data.phone } : {}),
      ...(data.address ? { address: data.address } : {}),
      language: data.language,
    },
    ...(data.representativeName
      ? {
          representative: {
            name: data.representativeName,
            basis: data.representativeBasis!,
            ...(data.representativeContact ? { contact: data.representativeContact } : {}),
          },
        }
      : {}),
    registers: data.registers,
    ...(data.details ? { details: data.details } : {}),
  };
}
