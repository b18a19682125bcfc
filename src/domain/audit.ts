import * as z from 'zod';

/** What happened. Security events now; request events are added with the request workflow. */
export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'login.failed',
  'login.rateLimited',
  'login.sso',
  'login.ssoRefused',
  'session.expired',
  'user.created',
  'user.disabled',
  'user.enabled',
  'user.passwordReset',
  'backup.created',
  'request.created',
  'request.status',
  'request.identityVerified',
  'request.extended',
  'request.decided',
  'request.assigned',
  'request.hetuRevealed',
  'request.letter',
  'request.exported',
  'request.purged',
  'request.letterPrepared',
  'request.letterApproved',
  'request.replyRegisters',
  'request.withheld',
  'request.note',
  'request.attachmentAdded',
  'request.attachmentRemoved',
  'request.attachmentDownloaded',
  'dataRequest.created',
  'dataRequest.sent',
  'dataRequest.failed',
  'dataRequest.reminded',
  'dataRequest.answered',
  'dataRequest.cancelled',
  'sosdata.seeded',
  'sosdata.saved',
  'sosdata.status',
  'organisation.saved',
  'register.published',
  'register.submitted',
  'register.returned',
  'register.withdrawn',
  'register.saved',
  'register.created',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One event of the append-only audit log. Each carries the hash of the one before it, so an edited, removed or
 * reordered event breaks the chain. Details never hold unmasked personal data or secrets.
 */
export const auditEventSchema = z.strictObject({
  /** Position in the log, from 1, without gaps. */
  seq: z.int().min(1),
  at: z.iso.datetime(),
  /** Who: a username, `system`, or `cli:<os user>` for the command line. */
  actor: z.string().min(1).max(100),
  action: z.enum(AUDIT_ACTIONS),
  /** Which entity, e.g. `user:anna`. */
  entity: z.string().max(200).optional(),
  /** The organisation the entity belongs to, so each organisation's staff see their own events. */
  organisation: z.string().max(64).optional(),
  /** Short facts that are not personal data, e.g. the role given. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** SHA-256 of the previous event, or 64 zeros for the first. */
  prev: z.string().regex(/^[0-9a-f]{64}$/u),
  /** SHA-256 of this event without this field. */
  hash: z.string().regex(/^[0-9a-f]{64}$/u),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const GENESIS_HASH = '0'.repeat(64);

/** The text an event's hash is taken over: its fields in a fixed order, so the same event always hashes the same. */
export function canonicalEvent(event: Omit<AuditEvent, 'hash'>): string {
  const details = event.details ? Object.fromEntries(Object.entries(event.details).sort(([a], [b]) => a.localeCompare(b))) : undefined;
  const fields = [event.seq, event.at, event.actor, event.action, event.entity ?? null, details ?? null, event.prev];
  // Events from before organisations existed hash exactly as they always did.
  return JSON.stringify(event.organisation === undefined ? fields : [...fields, event.organisation]);
}
