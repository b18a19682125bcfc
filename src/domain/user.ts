import * as z from 'zod';

/**
 * Staff roles (DESIGN.md, the User noun). What each may do is the matrix in access.ts; a user holds a list of roles
 * per organisation, since in a small municipality one person does all of it.
 */
export const ROLES = ['admin', 'dpo', 'handler', 'auditor', 'informatics'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/u;

/** Roles held in every organisation, present and future: a deployment for one body, or a shared service centre's admin. */
export const EVERY_ORGANISATION = '*';
/** An organisation id as in content/organisations/<id>.yaml, or `*` for every organisation. */
export const organisationKeySchema = z.union([
  z.literal(EVERY_ORGANISATION),
  z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u)
    .max(64),
]);

/** Roles per organisation, e.g. `{ helsinki: ['handler'], '*': ['auditor'] }`. Each list names a role once. */
export const rolesByOrganisationSchema = z.record(
  organisationKeySchema,
  z.array(roleSchema).refine((roles) => new Set(roles).size === roles.length, { error: 'errors.roles.repeated' }),
);
export type RolesByOrganisation = z.infer<typeof rolesByOrganisationSchema>;

export const PASSWORD_HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/u;

/** A staff account. The password is kept only as a scrypt hash; an account that signs in through SSO has none. */
export const userSchema = z.strictObject({
  id: z.uuid(),
  /** Login name: lowercase letters, digits, dot, hyphen, underscore; 3–32 characters. */
  username: z.string().regex(USERNAME_PATTERN),
  /** Display name. */
  name: z.string().trim().min(1).max(100),
  roles: rolesByOrganisationSchema,
  /** `scrypt$<logN>$<r>$<p>$<salt>$<hash>`, salt and hash in base64. */
  passwordHash: z.string().regex(PASSWORD_HASH_PATTERN).optional(),
  /** The subject (`sub`) at the organisation's identity provider, for single sign-on. */
  ssoSubject: z.string().min(1).max(255).optional(),
  /** A disabled user cannot log in, and is signed out on the next request. */
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
  passwordChangedAt: z.iso.datetime().optional(),
});
export type User = z.infer<typeof userSchema>;

/** Who is acting: a signed-in user, or the command line (which runs as the owner of the data). */
export interface Actor {
  username: string;
  roles: RolesByOrganisation;
}

/** The command line on the server: whoever can run it owns the data, so it holds every role everywhere. */
export function systemActor(username: string): Actor {
  return { username, roles: { [EVERY_ORGANISATION]: [...ROLES] } };
}
