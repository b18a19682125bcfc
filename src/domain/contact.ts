import * as z from 'zod';
import { localizedTextSchema } from './localized-text.ts';

/** A lowercase slug, used for ids and file names: it is checked before it is ever joined into a path. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

export const idSchema = z
  .string()
  .regex(ID_PATTERN, { error: 'errors.id.invalid' })
  .max(80)
  .meta({ description: 'A stable id: lowercase letters, digits and single hyphens. The file is named <id>.yaml.' });

const phoneSchema = z
  .string()
  .regex(/^\+?[0-9][0-9 ()\-–—]{4,24}$/u, { error: 'errors.phone.invalid' })
  .meta({ description: 'A telephone number as published, e.g. 09 310 1691 or +358 9 310 1691.' });

/** How to reach a party. Addresses are localized because street and post-office names differ by language. */
export const contactSchema = z
  .strictObject({
    /** Postal address, one line per row. */
    postalAddress: localizedTextSchema.optional(),
    /** Visiting address. */
    visitingAddress: localizedTextSchema.optional(),
    /** Telephone number. */
    phone: phoneSchema.optional(),
    /** E-mail address. */
    email: z.email({ error: 'errors.email.invalid' }).optional(),
    /** A web page, for example an e-service or contact form. */
    url: z.url({ protocol: /^https?$/, error: 'errors.url.invalid' }).optional(),
    /** Anything else a reader needs, such as opening hours or secure e-mail instructions. */
    note: localizedTextSchema.optional(),
  })
  .meta({ id: 'Contact' });

/** A named person or an office holder. Public registers often name the post, not the person. */
export const personSchema = contactSchema
  .extend({
    /** The person's name, if the description names one. */
    name: z.string().trim().min(1, { error: 'errors.text.empty' }).optional(),
    /** Title or post, e.g. "sosiaalipalvelupäällikkö". */
    title: localizedTextSchema.optional(),
    /** Organisational unit. */
    unit: localizedTextSchema.optional(),
  })
  .refine((person) => person.name !== undefined || person.title !== undefined || person.unit !== undefined, {
    error: 'errors.person.anonymous',
  })
  .meta({ id: 'Person' });

export type Contact = z.infer<typeof contactSchema>;
export type Person = z.infer<typeof personSchema>;
