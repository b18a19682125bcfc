import * as z from 'zod';
import { idSchema } from './contact.ts';
import { isoDateSchema } from './date.ts';
import { localizedTextSchema } from './localized-text.ts';
import { registerSchema } from './register.ts';

/**
 * Where a register stands in the publishing workflow (DESIGN.md, RegisterVersion). The database keeps it, not the
 * file: a file's `status:` says only whether its author means it for publishing.
 * - draft: being written; nothing of it is public (an earlier version may be).
 * - review: submitted, waiting for a second DPO (four eyes) to approve or send it back.
 * - scheduled: approved, with an effective date still to come; the version before it stays in force until then.
 * - published: its newest version is in force.
 * - withdrawn: no version is public any more; every version stays retrievable for the record.
 */
export const WORKFLOW_STATES = ['draft', 'review', 'scheduled', 'published', 'withdrawn'] as const;
export const workflowStateSchema = z.enum(WORKFLOW_STATES);
export type WorkflowState = z.infer<typeof workflowStateSchema>;

/** The user name of the command line and of the first start's publication: whoever runs it owns the data. */
export const SYSTEM_USER = 'system';

/** A staff user name, or `system` for the command line. */
const actorNameSchema = z.string().min(1).max(64);

/** An immutable published register: what the notice said from its effective date until the next version. */
export const registerVersionSchema = z.strictObject({
  registerId: idSchema,
  organisation: idSchema,
  /** 1, 2, 3 … per register, given by the database; never reused. */
  number: z.int().min(1),
  /** The day this version comes into force (Finnish time): the day of approval or a later one. */
  effective: isoDateSchema,
  /** When it was approved. */
  publishedAt: z.iso.datetime(),
  /** What changed, per language, as the submitter wrote it. */
  summary: localizedTextSchema,
  submittedBy: actorNameSchema,
  approvedBy: actorNameSchema,
  /** The whole register as it was approved, internal parts included (the Art 30 record of that date). */
  register: registerSchema,
});
export type RegisterVersion = z.infer<typeof registerVersionSchema>;
/** A version without its register, for lists and feeds. */
export const versionInfoSchema = registerVersionSchema.omit({ register: true });
export type VersionInfo = z.infer<typeof versionInfoSchema>;

/** The workflow row of one register: its state, who moved it there, and what the submitter or reviewer said. */
export const registerWorkflowSchema = z.strictObject({
  registerId: idSchema,
  organisation: idSchema,
  state: workflowStateSchema,
  changedAt: z.iso.datetime(),
  changedBy: actorNameSchema,
  /** While in review: who submitted it, the summary they wrote, and the effective date they asked for. */
  submittedBy: actorNameSchema.optional(),
  summary: localizedTextSchema.optional(),
  effective: isoDateSchema.optional(),
  /** SHA-256 of the working copy as submitted: an approval publishes only what was reviewed. */
  submittedHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/u)
    .optional(),
  /** A reviewer's reason for sending it back, or a note on the last change. */
  comment: z.string().max(4000).optional(),
});
export type RegisterWorkflow = z.infer<typeof registerWorkflowSchema>;

/**
 * The state a reader sees: a scheduled version whose day has come is published. The stored row says `scheduled`
 * until the next act on the register, and this resolves it on the day.
 */
export function effectiveState(
  workflow: Pick<RegisterWorkflow, 'state'>,
  newest: Pick<VersionInfo, 'effective'> | undefined,
  today: string,
): WorkflowState {
  if (workflow.state === 'scheduled' && newest && newest.effective <= today) return 'published';
  return workflow.state;
}
