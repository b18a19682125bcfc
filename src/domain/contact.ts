import * as z from 'zod';
import { localizedTextSchema } from './localized-text.ts';

/** A lowercase slug, used for ids and file names: it is checked before it is ever joined into a path. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

export const idSchema = z
  .string()
  .regex(ID_PATTERN, { error: 'errors.id.invalid' })
  .max(80)
  .meta({ description: 'A stable id: lowercase letters, digits and single hyphens. The file is named <id>.yaml.' });

/** Digits, spaces, brackets and dashes as Finnish numbers are written: `09 310 1691`, `(09) 1911`, `044-386 1245`. */
const PHONE = /^\+?[0-9(][0-9 ()\-–—/]{3,24}$/u;

export const phoneSchema = z
  .string()
  .refine((value) => PHONE.test(value) && (value.match(/\d/gu) ?? []).length >= 4, { error: 'errors.phone.invalid' })
  .meta({ description: 'A telephone number as published, e.g. 09 310 1691, (09) 1911 or +358 9 310 1691.' });

/** An address written to fool harvesters, e.g. `etunimi.sukunimi(at)example.fi`: kept and shown as written. */
const OBFUSCATED_EMAIL = /^[^\s@()[\]]+\s?[([]\s?(?:at|a|ät)\s?[)\]]\s?[^\s@()[\]]+\.[\p{L}]{2,}$/iu;
const plainEmail = z.email();

/** Whether an e-mail address is written obfuscated, so it is shown as written and not linked. */
export function isObfuscatedEmail(value: string): boolean {
  return !plainEmail.safeParse(value).success && OBFUSCATED_EMAIL.test(value);
}

export const emailSchema = z
  .string()
  .refine((value) => plainEmail.safeParse(value).success || OBFUSCATED_EMAIL.test(value), { error: 'errors.email.invalid' })
  .meta({ description: 'An e-mail address, e.g. kirjaamo@example.fi, or obfuscated as written, e.g. etunimi.sukunimi(at)example.fi.' });

const label = localizedTextSchema.meta({ description: 'What the number or address is for, e.g. { fi: vaihde, en: switchboard }.' });

/** How to reach a party. Addresses are localized because street and post-office names differ by language. */
export const contactSchema = z
  .strictObject({
    /** Postal address, one line per row. */
    postalAddress: localizedTextSchema.optional(),
    /** Visiting address. */
    visitingAddress: localizedTextSchema.optional(),
    /** Telephone number. */
    phone: phoneSchema.optional(),
    /** Further telephone numbers, each with its own label ("vaihde", "switchboard"), shown after `phone`. */
    phones: z
      .array(z.strictObject({ number: phoneSchema, label: label.optional() }))
      .min(1, { error: 'errors.list.empty' })
      .optional(),
    /** E-mail address, plain or obfuscated as published (`etunimi.sukunimi(at)example.fi`). */
    email: emailSchema.optional(),
    /** Further e-mail addresses, each with its own label (a shared mailbox, a unit), shown after `email`. */
    emails: z
      .array(z.strictObject({ address: emailSchema, label: label.optional() }))
      .min(1, { error: 'errors.list.empty' })
      .optional(),
    /** A web page, for example an e-service or contact form. */
    url: z.url({ protocol: /^https?$/, error: 'errors.url.invalid' }).optional(),
    /** Anything else a reader needs, such as opening hours or secure e-mail instructions. */
    note: localizedTextSchema.optional(),
  })
  .meta({ id: 'Contact' });

/**
 * A named person, an office holder, a team or just a shared mailbox. Public registers often name the post, not the
 * person, and some give only an address that a team reads.
 */
export const personSchema = contactSchema
  .extend({
    /** The person's name, if the description names one. */
    name: z.string().trim().min(1, { error: 'errors.text.empty' }).optional(),
    /** Title or post, e.g. "sosiaalipalvelupäällikkö". */
    title: localizedTextSchema.optional(),
    /** Organisational unit or team, also alone when the contact is a team with no person's name. */
    unit: localizedTextSchema.optional(),
  })
  .refine(
    (person) =>
      [person.name, person.title, person.unit, person.email, person.emails, person.phone, person.phones].some(
        (value) => value !== undefined,
      ),
    { error: 'errors.person.anonymous' },
  )
  .meta({ id: 'Person' });

export type Contact = z.infer<typeof contactSchema>;
export type Person = z.infer<typeof personSchema>;
