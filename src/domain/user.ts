import * as z from 'zod';

/**
 * Staff roles. admin: user accounts. dpo: registers, and everything read-only. handler: data-subject requests.
 * auditor: read-only, including the audit log.
 */
export const ROLES = ['admin', 'dpo', 'handler', 'auditor'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/u;

/** A staff account. The password is kept only as a scrypt hash. */
export const userSchema = z.strictObject({
  id: z.uuid(),
  /** Login name: lowercase letters, digits, dot, hyphen, underscore; 3–32 characters. */
  username: z.string().regex(USERNAME_PATTERN),
  /** Display name. */
  name: z.string().trim().min(1).max(100),
  role: roleSchema,
  /** `scrypt$<logN>$<r>$<p>$<salt>$<hash>`, salt and hash in base64. */
  passwordHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/u),
  /** A disabled user cannot log in, and is signed out on the next request. */
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
  passwordChangedAt: z.iso.datetime(),
});
export type User = z.infer<typeof userSchema>;

/** Which staff areas each role may use; the server checks this on every request, the dashboard only shows it. */
export const AREAS = {
  dashboard: ['admin', 'dpo', 'handler', 'auditor'],
  users: ['admin'],
  audit: ['admin', 'auditor'],
  registers: ['admin', 'dpo', 'auditor'],
  requests: ['admin', 'dpo', 'handler', 'auditor'],
  reports: ['admin', 'dpo', 'handler', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;
export type Area = keyof typeof AREAS;

export function mayUse(role: Role, area: Area): boolean {
  return (AREAS[area] as readonly Role[]).includes(role);
}
