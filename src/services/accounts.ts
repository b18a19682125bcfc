import { passwordProblem } from '../domain/password-policy.ts';
import { USERNAME_PATTERN, type Role, type User } from '../domain/user.ts';
import type { Runtime } from '../store/runtime.ts';
import { dummyHash, generatePassword, hashPassword, verifyPassword } from './password.ts';
import { loginLimiter } from './rate-limit.ts';
import { destroyUserSessions } from './sessions.ts';

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

export interface NewUser {
  username: string;
  name?: string;
  role: Role;
  /** Omit to have one generated; it is returned once and never stored. */
  password?: string;
}

/** Creates a staff account. A generated password is returned so it can be shown once. */
export async function addUser(runtime: Runtime, input: NewUser, actor: string): Promise<{ user: User; generatedPassword?: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw new AccountError('account.username.invalid');
  if (runtime.store.data.users.some((user) => user.username === username)) throw new AccountError('account.username.taken');
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const password = input.password ?? generatedPassword!;
  checkPassword(password, username);
  const now = new Date().toISOString();
  const user: User = {
    id: crypto.randomUUID(),
    username,
    name: input.name?.trim() || username,
    role: input.role,
    passwordHash: await hashPassword(password),
    disabled: false,
    createdAt: now,
    passwordChangedAt: now,
  };
  await runtime.store.mutate((data) => void data.users.push(user));
  await runtime.audit.append({ actor, action: 'user.created', entity: `user:${username}`, details: { role: user.role } });
  return { user, generatedPassword };
}

function find(runtime: Runtime, username: string): User {
  const user = runtime.store.data.users.find((candidate) => candidate.username === username.trim().toLowerCase());
  if (!user) throw new AccountError('account.user.unknown');
  return user;
}

/** Disables or re-enables an account; a disabled user is signed out on their next request. */
export async function setDisabled(runtime: Runtime, username: string, disabled: boolean, actor: string): Promise<User> {
  const { id, username: target } = find(runtime, username);
  // An administrator who locked themselves out would leave nobody to undo it from the web.
  if (disabled && target === actor) throw new AccountError('account.self');
  const user = await runtime.store.mutate((data) => {
    const target = data.users.find((candidate) => candidate.id === id)!;
    target.disabled = disabled;
    return target;
  });
  await runtime.audit.append({ actor, action: disabled ? 'user.disabled' : 'user.enabled', entity: `user:${user.username}` });
  return user;
}

/** Sets a new password (generated when none is given); existing sessions of the user end. */
export async function resetPassword(
  runtime: Runtime,
  username: string,
  password: string | undefined,
  actor: string,
): Promise<{ user: User; generatedPassword?: string }> {
  const { id } = find(runtime, username);
  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const next = password ?? generatedPassword!;
  checkPassword(next, username);
  const passwordHash = await hashPassword(next);
  const user = await runtime.store.mutate((data) => {
    const target = data.users.find((candidate) => candidate.id === id)!;
    target.passwordHash = passwordHash;
    target.passwordChangedAt = new Date().toISOString();
    return target;
  });
  destroyUserSessions(user.id);
  await runtime.audit.append({ actor, action: 'user.passwordReset', entity: `user:${user.username}` });
  return { user, generatedPassword };
}

export type LoginResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'rateLimited' };

/**
 * Checks a login. The answer is the same whether the user exists or not, and takes as long; failures are counted
 * per username and per address, and every outcome is audited without the password.
 */
export async function authenticate(runtime: Runtime, username: string, password: string, address: string): Promise<LoginResult> {
  const name = username.trim().toLowerCase().slice(0, 64);
  if (!loginLimiter.allowed(name, address)) {
    await runtime.audit.append({
      actor: 'system',
      action: 'login.rateLimited',
      entity: USERNAME_PATTERN.test(name) ? `user:${name}` : undefined,
    });
    return { ok: false, reason: 'rateLimited' };
  }
  const user = runtime.store.data.users.find((candidate) => candidate.username === name);
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !valid || user.disabled) {
    loginLimiter.failed(name, address);
    await runtime.audit.append({
      actor: 'system',
      action: 'login.failed',
      entity: user ? `user:${user.username}` : undefined,
      details: { reason: !user ? 'unknown-user' : user.disabled ? 'disabled' : 'wrong-password' },
    });
    return { ok: false, reason: 'invalid' };
  }
  loginLimiter.succeeded(name);
  await runtime.audit.append({ actor: user.username, action: 'login', entity: `user:${user.username}` });
  return { ok: true, user };
}
