import * as z from 'zod';
import { isRealIsoDate } from './date.ts';
import { emailAddressSchema } from './email.ts';
import { ID_PATTERN } from './contact.ts';
import { REFERENCE_PATTERN, textField } from './request.ts';

/**
 * Work sent out: one request often concerns registers kept by different units, so the registry office asks each
 * register's owner for the requester's data, with an internal due date, and reminds them when they are late.
 * to-send → sent (by e-mail, or by hand when no mail server is configured) → answered; or cancelled.
 */
export const DATA_REQUEST_STATUSES = ['to-send', 'sent', 'answered', 'cancelled'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];
/** How it went out: by e-mail through the configured server, or by hand (recorded as such). */
export const SEND_CHANNELS = ['email', 'manual'] as const;

const isoDate = z.string().refine(isRealIsoDate, { error: 'errors.date.invalid' });

export const DATA_REQUEST_LIMITS = { contactName: 200, answer: 2000, message: 10_000 } as const;

export const contactNameSchema = textField(DATA_REQUEST_LIMITS.contactName);
export const answerNoteSchema = textField(DATA_REQUEST_LIMITS.answer);

export const dataRequestSchema = z.strictObject({
  id: z.uuid(),
  /** The request it serves, by id and by reference (the reference is what the owner sees). */
  requestId: z.uuid(),
  reference: z.string().regex(REFERENCE_PATTERN),
  organisation: z.string().regex(ID_PATTERN).max(64),
  /** The register whose owner is asked. */
  register: z.string().regex(ID_PATTERN).max(80),
  /** Whom to ask: a contact of the register (its responsible person or contact person), or one the handler names. */
  contact: z.strictObject({ name: contactNameSchema, email: emailAddressSchema.optional() }),
  /** The internal due date: the day the owner is asked to answer by, well before the request's own due date. */
  due: isoDate,
  status: z.enum(DATA_REQUEST_STATUSES),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  /** The text of the message, as sent. */
  message: z.string().max(DATA_REQUEST_LIMITS.message),
  sent: z.strictObject({ at: z.iso.datetime(), by: z.string(), channel: z.enum(SEND_CHANNELS) }).optional(),
  /** Reminders, at most one a day, after the due date passed without an answer. */
  reminders: z.array(z.strictObject({ at: z.iso.datetime(), channel: z.enum(SEND_CHANNELS) })),
  /** The last day a reminder went out: the daily run claims a data request by moving this to today. */
  remindedOn: isoDate.optional(),
  answered: z.strictObject({ at: z.iso.datetime(), by: z.string(), note: answerNoteSchema.optional(), late: z.boolean() }).optional(),
  /** Why a data request that went out did not reach its owner (the mail server refused it, for example). */
  failure: z.string().max(500).optional(),
});
export type DataRequest = z.infer<typeof dataRequestSchema>;

/** A data request still awaited: sent, not yet answered. */
export function awaited(request: Pick<DataRequest, 'status'>): boolean {
  return request.status === 'sent';
}

/** Whether an awaited data request is past its internal due date and due a reminder today (one a day at most). */
export function dueForReminder(request: Pick<DataRequest, 'status' | 'due' | 'remindedOn'>, today: string): boolean {
  return awaited(request) && request.due < today && (request.remindedOn === undefined || request.remindedOn < today);
}
