import { EVERY_ORGANISATION, ROLES, type Actor, type Role, type RolesByOrganisation } from './user.ts';

/**
 * The role matrix of DESIGN.md, the one place it is written. Pages, services, the README and a table-driven test all
 * read it.
 * - admin: users and settings, and the audited choice to export requests with identity codes.
 * - dpo: registers; read-only on requests, reports and the audit log; reads Sosdata notifications.
 * - handler: requests, including revealing an identity code.
 * - auditor: read-only everywhere, including the audit log.
 * - informatics: the Sosdata notifications.
 */
export const PERMISSIONS = {
  'dashboard.view': ROLES,
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
  'registers.read': ROLES,
  'registers.edit': ['dpo'],
  'registers.review': ['dpo'],
  'requests.read': ['dpo', 'handler', 'auditor'],
  'requests.act': ['handler'],
  'requests.revealHetu': ['handler'],
  'reports.read': ['admin', 'dpo', 'handler', 'auditor'],
  'reports.exportHetu': ['admin'],
  'audit.read': ['dpo', 'auditor'],
  'sosdata.read': ['informatics', 'dpo', 'auditor'],
  'sosdata.edit': ['informatics'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** The staff areas, each opened by one permission. The navigation and the route guard both read this. */
export const AREAS = {
  dashboard: 'dashboard.view',
  registers: 'registers.read',
  // The organisations' identity, edited by those who edit their registers (see services/organisation-editor.ts).
  organisations: 'registers.read',
  requests: 'requests.read',
  reports: 'reports.read',
  audit: 'audit.read',
  sosdata: 'sosdata.read',
  users: 'users.manage',
} as const satisfies Record<string, Permission>;
export type Area = keyof typeof AREAS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The roles a user holds in one organisation: its own list plus the roles held in every organisation. */
export function rolesIn(roles: RolesByOrganisation, organisation: string): Role[] {
  return [...new Set([...(roles[organisation] ?? []), ...(roles[EVERY_ORGANISATION] ?? [])])];
}

/**
 * Whether the actor may do something: in the organisation given, or (without one) in at least one organisation.
 * Services call this again on every action, because every form post is a public endpoint.
 */
export function can(actor: Pick<Actor, 'roles'>, permission: Permission, organisation?: string): boolean {
  if (organisation !== undefined) return rolesIn(actor.roles, organisation).some((role) => roleHas(role, permission));
  return Object.values(actor.roles).some((roles) => roles.some((role) => roleHas(role, permission)));
}

/**
 * The organisations, of those given, in which the actor has a permission; `every` is true when the actor has it in
 * every organisation (including ones added later), so a query need not filter at all.
 */
export function scopeOf(
  actor: Pick<Actor, 'roles'>,
  permission: Permission,
  organisations: readonly string[],
): { every: boolean; ids: string[] } {
  const every = (actor.roles[EVERY_ORGANISATION] ?? []).some((role) => roleHas(role, permission));
  return { every, ids: every ? [...organisations] : organisations.filter((organisation) => can(actor, permission, organisation)) };
}

export function mayUse(actor: Pick<Actor, 'roles'>, area: Area): boolean {
  return can(actor, AREAS[area]);
}

/** Every role the user holds anywhere, for showing who is signed in. */
export function allRoles(roles: RolesByOrganisation): Role[] {
  return ROLES.filter((role) => Object.values(roles).some((list) => list.includes(role)));
}
