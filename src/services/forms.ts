import type * as z from 'zod';

/** A message for one field: an i18n key and what it needs (the limit, for a too long text). */
export interface FieldError {
  key: string;
  params: Record<string, string | number>;
}

export type FormResult<T> = { ok: true; data: T; errors: Record<string, never> } | { ok: false; errors: Record<string, FieldError> };

/** The message of a schema's issue: the schema's own i18n key, or the general one for its kind. */
function toFieldError(issue: z.core.$ZodIssue, typed: unknown): FieldError {
  const params: Record<string, string | number> = { value: typeof typed === 'string' ? typed : '' };
  if (issue.code === 'too_big') params.max = Number(issue.maximum);
  if (issue.code === 'too_small') params.min = Number(issue.minimum);
  const own = issue.message.includes('.') && !issue.message.includes(' ');
  const key = own
    ? issue.message
    : issue.code === 'too_big'
      ? 'errors.form.tooLong'
      : issue.code === 'too_small' || (issue.code === 'invalid_type' && typed === undefined)
        ? 'errors.required'
        : 'errors.form.invalid';
  return { key, params };
}

/**
 * Reads posted fields with a schema: text fields as typed (an empty one is left out, never cut short), `lists` as
 * every value posted under that name. Returns the data, or one message per field named by its first path segment.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData, lists: readonly string[] = []): FormResult<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const [name, value] of form) {
    if (typeof value !== 'string') continue;
    if (lists.includes(name)) raw[name] = [...((raw[name] as string[] | undefined) ?? []), value];
    else if (value.trim() !== '') raw[name] = value;
  }
  for (const name of lists) raw[name] ??= [];
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, errors: {} };
  const errors: Record<string, FieldError> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= toFieldError(issue, raw[field]);
  }
  return { ok: false, errors };
}

/** What was typed into each field, to show it again beside its message. */
export function typedValues(form: FormData, lists: readonly string[] = []): Record<string, string> & Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of form) {
    if (typeof value !== 'string') continue;
    if (lists.includes(name)) ((values[name] as string[] | undefined) ?? (values[name] = [])).push(value);
    else values[name] = value;
  }
  return values as Record<string, string> & Record<string, string | string[]>;
}
