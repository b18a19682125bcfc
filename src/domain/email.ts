import * as z from 'zod';

/**
 * An e-mail address as people in Finland have them, including internationalised ones (RFC 6531):
 * `matti@hämeenlinna.fi` and `matti.meikäläinen@example.fi` are accepted; `a@b.c` (a one-letter top-level domain),
 * `a"b@x.fi` (a quote outside a quoted name) and anything with spaces are not. The form and the stored row use this
 * same rule, so an address the form accepts is always one the database accepts.
 */
const LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

export function isEmailAddress(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at < 1) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  const tld = labels.at(-1) ?? '';
  return (
    local.length <= 64 &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    /^\p{L}{2,63}$/u.test(tld)
  );
}

export const emailAddressSchema = z.string().trim().refine(isEmailAddress, { error: 'errors.form.email' });
