import { createHash } from 'node:crypto';
import { can } from '../domain/access.ts';
import { passwordProblem } from '../domain/password-policy.ts';
import { EVERY_ORGANISATION, USERNAME_PATTERN, type Actor, type RolesByOrganisation, type User } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { dummyHash, generatePassword, hashPassword, verifyPassword } from './password.ts';

/** A refused account change, with a stable code that is also the i18n key of its message. */
export class AccountError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AccountError(`account.password.${problem}`);
}

/** An administrator may manage an account only in organisations where they administer users. */
function mayManage(actor: Actor, roles: RolesByOrganisation): boolean {
  const organisations = Object.keys(roles);
  return can(actor, 'users.manage') && organisations.every((organisation) => can(actor, 'users.manage', organisation));
}

export interface NewUser {
  username: string;
  name?: string;
  roles: RolesByOrganisation;
  /** Omit to have one generated; it is returned once and never stored. */
  password?: string;
}

/** Creates a staff account. A generated password is returned so it can be shown once. */
export async function addUser(store: Store, input: NewUser, actor: Actor): Promise<{ user: User; generatedPassword?: string }> {
  if (!mayManage(actor, input.roles)) throw new AccountError('account.forbidden');
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw new AccountError('account.username.invalid');
  if (Object.values(input.roles).every((roles) => roles.length === 0)) throw new AccountError('account.role.invalid');
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const password = input.password ?? generatedPassword!;
  checkPassword(password, username);
  const now = new Date().toISOString();
  const user: User = {
    id: crypto.randomUUID(),
    username,
    name: input.name?.trim().slice(0, 100) || username,
    roles: input.roles,
    passwordHash: await hashPassword(password),
    disabled: false,
    createdAt: now,
    passwordChangedAt: now,
  };
  await store.transaction(async (repositories) => {
    if (await repositories.users.byUsername(username)) throw new AccountError('account.username.taken');
    await repositories.users.save(user);
    await repositories.audit.append({
      actor: actor.username,
      action: 'user.created',
      entity: `user:${username}`,
      details: { roles: describeRoles(user.roles) },
    });
  });
  return { user, generatedPassword };
}

/** `helsinki: handler, dpo; *: auditor`, for audit details and listings. */
export function describeRoles(roles: RolesByOrganisation): string {
  return Object.entries(roles)
    .map(([organisation, list]) => `${organisation}: ${list.join(', ')}`)
    .join('; ');
}

async function find(store: Store, username: string): Promise<User> {
  const user = await store.users.byUsername(username.trim().toLowerCase());
  if (!user) throw new AccountError('account.user.unknown');
  return user;
}

/** Every account the actor may manage, by username. */
export async function listUsers(store: Store, actor: Actor): Promise<User[]> {
  if (!can(actor, 'users.manage')) throw new AccountError('account.forbidden');
  return (await store.users.list()).filter(
    (user) =>
      can(actor, 'users.manage', EVERY_ORGANISATION) ||
      Object.keys(user.roles).some((organisation) => can(actor, 'users.manage', organisation)),
  );
}

/** Disables or re-enables an account; a disabled user is signed out on their next request. */
export async function setDisabled(store: Store, username: string, disabled: boolean, actor: Actor): Promise<User> {
  const target = await find(store, username);
  if (!mayManage(actor, target.roles)) throw new AccountError('account.forbidden');
  // An administrator who locked themselves out would leave nobody to undo it from the web.
  if (disabled && target.username === actor.username) throw new AccountError('account.self');
  const user = { ...target, disabled };
  await store.transaction(async (repositories) => {
    await repositories.users.save(user);
    if (disabled) await repositories.sessions.destroyForUser(user.id);
    await repositories.audit.append({
      actor: actor.username,
      action: disabled ? 'user.disabled' : 'user.enabled',
      entity: `user:${user.username}`,
    });
  });
  return user;
}

/** Sets a new password (generated when none is given); existing sessions of the user end. */
export async function resetPassword(
  store: Store,
  username: string,
  password: string | undefined,
  actor: Actor,
): Promise<{ user: User; generatedPassword?: string }> {
  const target = await find(store, username);
  if (!mayManage(actor, target.roles)) throw new AccountError('account.forbidden');
  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const next = password ?? generatedPassword!;
  checkPassword(next, target.username);
  const user: User = { ...target, passwordHash: await hashPassword(next), passwordChangedAt: new Date().toISOString() };
  await store.transaction(async (repositories) => {
    await repositories.users.save(user);
    await repositories.sessions.destroyForUser(user.id);
    await repositories.audit.append({ actor: actor.username, action: 'user.passwordReset', entity: `user:${user.username}` });
  });
  return { user, generatedPassword };
}

/** Failed logins allowed in a window: per username (guessing one account) and per address (spraying many). */
const WINDOW_MS = 15 * 60 * 1000;
const PER_USERNAME = 5;
const PER_ADDRESS = 20;

/** Throttle keys are hashes, so a password typed into the username field is not kept even for the window. */
const throttleKey = (kind: 'u' | 'a', value: string) => `${kind}:${createHash('sha256').update(value).digest('base64url')}`;

export type LoginResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'rateLimited' };

/**
 * Checks a login. An attempt is taken from the limits before the slow hash, atomically, so parallel attempts cannot
 * exceed them on any instance; a success gives its attempt back. The answer is the same whether the user exists or
 * not, and takes as long. The audit log names only existing accounts: a name that matches none is recorded as unknown.
 */
export async function authenticate(
  store: Store,
  username: string,
  password: string,
  address: string,
  now = new Date(),
): Promise<LoginResult> {
  const name = username.trim().toLowerCase().slice(0, 64);
  const userKey = throttleKey('u', name);
  const user = USERNAME_PATTERN.test(name) ? await store.users.byUsername(name) : undefined;
  const entity = user ? `user:${user.username}` : undefined;
  const attempts = await store.loginThrottle.take(
    [
      { key: userKey, limit: PER_USERNAME },
      { key: throttleKey('a', address), limit: PER_ADDRESS },
    ],
    WINDOW_MS,
    now,
  );
  if (!attempts) {
    await store.audit.append({
      actor: 'system',
      action: 'login.rateLimited',
      entity,
      ...(user ? {} : { details: { account: 'unknown' } }),
    });
    return { ok: false, reason: 'rateLimited' };
  }
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !valid || user.disabled) {
    await store.audit.append({
      actor: 'system',
      action: 'login.failed',
      entity,
      details: { reason: !user ? 'unknown-user' : user.disabled ? 'disabled' : 'wrong-password' },
    });
    return { ok: false, reason: 'invalid' };
  }
  // A success clears that username's failures (not the address's: a sprayer may also know one password).
  await store.loginThrottle.release(attempts, [userKey]);
  await store.loginThrottle.removeOlderThan(new Date(now.getTime() - WINDOW_MS));
  await store.audit.append({ actor: user.username, action: 'login', entity });
  return { ok: true, user };
}

/** Audits a sign-out. */
export async function recordLogout(store: Store, actor: Actor): Promise<void> {
  await store.audit.append({ actor: actor.username, action: 'logout', entity: `user:${actor.username}` });
}
