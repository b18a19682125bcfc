import * as z from 'zod';
import type { RequestType } from './deadline.ts';
import { emailAddressSchema } from './email.ts';
import { LANGS } from './language.ts';
import { hetuSchema, LIMITS, registerIdsSchema, requesterSchema, representativeSchema, textField } from './request.ts';
import { validateHetu } from './hetu.ts';

/**
 * The requests a citizen can make on the e-form, each explained in plain words on the form. The types that need a
 * handler's facts (a log-data period, a misuse investigation, an Ombudsman's inquiry) are logged by staff.
 */
export const EFORM_TYPES = [
  'access',
  'own-data',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'portability',
  'automated-decision',
  'consent-withdrawal',
  'other',
] as const satisfies readonly RequestType[];

/** Types whose request says nothing without the citizen's own words: what to correct, what they object to. */
const NEEDS_DETAILS: readonly RequestType[] = ['rectification', 'objection', 'other'];

/**
 * A representative's proof of authority (a power of attorney, a guardianship decision): a scan or a PDF, nothing
 * that can carry active content, and smaller than the staff's attachments.
 */
export const PROOF_TYPES = ['pdf', 'png', 'jpg', 'jpeg'] as const;
export const PROOF_MAX_BYTES = 5 * 1024 * 1024;

/** Who sent requests through the e-form, in the request's history and the audit log, and who uploaded their proofs. */
export const EFORM_ACTOR = 'e-service';

/** How many requests one address, and one identified person, may send: enough for a family, too few for a flood. */
export const SUBMISSION_LIMITS = {
  perAddressPerHour: 5,
  perIdentityPerDay: 10,
} as const;

const organisationId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, { error: 'eform.error.organisation' });

/**
 * The e-form as typed (an empty field is left out): the same field schemas as the stored request, so what the form
 * accepts the database accepts. The registers come from the published catalogue; "I don't know which" names the
 * organisation instead. A representative needs the basis of their authority (and, in the service, a proof).
 */
export function eformSchema(today: string) {
  return z
    .object({
      type: z.enum(EFORM_TYPES, { error: 'eform.error.type' }),
      registers: registerIdsSchema,
      registersUnknown: z.literal('on').optional(),
      organisation: organisationId.optional(),
      details: textField(LIMITS.details).optional(),
      name: requesterSchema.shape.name,
      hetu: hetuSchema
        .refine((code) => (validateHetu(code) as { birthDate: string }).birthDate <= today, { error: 'errors.hetu.future' })
        .optional(),
      email: emailAddressSchema.optional(),
      phone: textField(LIMITS.phone).optional(),
      address: textField(LIMITS.address).optional(),
      language: z.enum(LANGS, { error: 'eform.error.language' }),
      representativeName: representativeSchema.shape.name.optional(),
      representativeBasis: representativeSchema.shape.basis.optional(),
      representativeContact: textField(LIMITS.representativeContact).optional(),
    })
    .superRefine(
      (form, ctx) => {
        const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
        const registers = form.registers ?? [];
        if (form.registersUnknown && registers.length > 0) problem('registers', 'eform.error.registersAndUnknown');
        if (!form.registersUnknown && registers.length === 0) problem('registers', 'eform.error.registers');
        if (form.registersUnknown && !form.organisation) problem('organisation', 'eform.error.organisation');
        if (form.type && NEEDS_DETAILS.includes(form.type) && !form.details) problem('details', `eform.error.details`);
        // The answer has to reach someone: by e-mail or by post.
        if (!form.email && !form.address) problem('email', 'eform.error.contact');
        if (form.representativeName && !form.representativeBasis) problem('representativeBasis', 'eform.error.representativeBasis');
        if (!form.representativeName && (form.representativeBasis || form.representativeContact))
          problem('representativeName', 'eform.error.representativeName');
      },
      // Told together with every other problem of the form, not only once the rest is right.
      { when: () => true },
    );
}
export type EformForm = z.infer<ReturnType<typeof eformSchema>>;
export const EFORM_FIELDS = Object.keys(eformSchema('2000-01-01').shape) as (keyof EformForm)[];

/** Why a proof of authority is refused, as an i18n key; undefined when it may be sent. */
export function proofProblem(name: string, size: number): 'eform.error.proofType' | 'eform.error.proofSize' | undefined {
  const extension = /\.([a-z0-9]+)$/iu.exec(name)?.[1]?.toLowerCase();
  if (!extension || !(PROOF_TYPES as readonly string[]).includes(extension)) return 'eform.error.proofType';
  if (size > PROOF_MAX_BYTES) return 'eform.error.proofSize';
  return undefined;
}
