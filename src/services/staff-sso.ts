import { createHash, randomBytes } from 'node:crypto';
import { config } from '../domain/config.ts';
import type { Lang } from '../domain/language.ts';
import { USERNAME_PATTERN, type RolesByOrganisation, type User } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { describeRoles } from './accounts.ts';
import { authorizationClaims, authorizationRequest, claimText, discoverProvider, IdentificationError } from './oidc.ts';
import { publicOrigin } from './public-origin.ts';

/** The cookie that names a staff sign-in under way; SameSite=Lax, since the provider sends the user back. */
export const STAFF_SSO_COOKIE = 'seloste_staff_sso';
/** How long a sign-in at the provider may take. */
export const STAFF_SSO_MS = 10 * 60 * 1000;
export const STAFF_CALLBACK_PATH = '/auth/staff/callback';

/**
 * A sign-in under way is kept with the citizens' ones (the same checks: state, nonce, verifier), under a hash that
 * a citizen's cookie can never match, so neither kind can finish as the other.
 */
const hash = (token: string) => createHash('sha256').update(`staff:${token}`).digest('hex');

/** Why a sign-in was refused; each is also the i18n key `sso.refused.<reason>` of the page that says so. */
export type SsoRefusal = 'failed' | 'noGroup' | 'disabled' | 'conflict';

export class StaffSsoError extends Error {
  readonly reason: SsoRefusal;
  /** The language the sign-in began in, once known: the refusal is said in it. */
  lang?: Lang;
  constructor(reason: SsoRefusal, detail: string) {
    super(detail);
    this.reason = reason;
  }
}

/** The provider's name for the login page's button, when staff may sign in through one. */
export function staffSsoProvider(): string | undefined {
  const { STAFF_OIDC_ISSUER, STAFF_OIDC_NAME } = config();
  return STAFF_OIDC_ISSUER ? STAFF_OIDC_NAME : undefined;
}

/** Whether staff may sign in with a local password (STAFF_LOCAL_PASSWORDS=off turns it off). */
export function localPasswordsAllowed(): boolean {
  return config().STAFF_LOCAL_PASSWORDS === 'on';
}

function provider() {
  const { STAFF_OIDC_ISSUER, STAFF_OIDC_CLIENT_ID, STAFF_OIDC_CLIENT_SECRET, STAFF_OIDC_ALLOW_HTTP } = config();
  if (!STAFF_OIDC_ISSUER) throw new StaffSsoError('failed', 'no staff provider configured');
  return discoverProvider({
    issuer: STAFF_OIDC_ISSUER,
    clientId: STAFF_OIDC_CLIENT_ID!,
    clientSecret: STAFF_OIDC_CLIENT_SECRET,
    allowHttp: STAFF_OIDC_ALLOW_HTTP,
  });
}

const redirectUri = () => new URL(STAFF_CALLBACK_PATH, publicOrigin()).href;

/** Begins a sign-in at the staff provider. Returns the provider's address and the cookie that ties the return to it. */
export async function startStaffSignIn(store: Store, lang: Lang, next: string, now = new Date()) {
  const { url, checks } = await authorizationRequest(await provider(), {
    redirectUri: redirectUri(),
    scope: config().STAFF_OIDC_SCOPE,
    lang,
  });
  const token = randomBytes(32).toString('base64url');
  await store.eform.saveLogin(hash(token), { lang, returnTo: next, ...checks }, now);
  return { url, token };
}

/** The roles the user's groups give, by STAFF_OIDC_ROLE_MAP; groups the map does not name give none. */
function rolesFromGroups(groups: unknown): RolesByOrganisation {
  const map = config().STAFF_OIDC_ROLE_MAP ?? new Map<string, RolesByOrganisation>();
  const roles: RolesByOrganisation = {};
  const list = Array.isArray(groups) ? groups : typeof groups === 'string' ? [groups] : [];
  for (const group of list) {
    for (const [organisation, given] of Object.entries(map.get(String(group)) ?? {}))
      roles[organisation] = [...new Set([...(roles[organisation] ?? []), ...given])];
  }
  return roles;
}

/** `Anna.Virtanen@example.fi` → `anna.virtanen`: the part before any @, in the characters a username allows. */
function usernameFrom(value: string): string {
  return value
    .split('@')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9._-]/gu, '-')
    .replace(/^[^a-z0-9]+/u, '')
    .slice(0, 32);
}

const truthy = (value: unknown) => value === true || value === 'true' || value === 1 || value === '1';

/**
 * Finishes a sign-in on the provider's return. Besides the OpenID Connect checks (oidc.ts), the user must not be
 * disabled (by the provider's claim, or here), and must have a group the role map names. The account, found by the
 * provider's subject, is created or updated, its roles replaced by the map's. Every outcome is audited, without
 * personal data. Returns the user, their language and the path to go on to.
 */
export async function finishStaffSignIn(
  store: Store,
  token: string | undefined,
  callback: URL,
  now = new Date(),
): Promise<{ user: User; lang: Lang; next: string }> {
  const login = token ? await store.eform.login(hash(token), new Date(now.getTime() - STAFF_SSO_MS)) : undefined;
  if (token) await store.eform.removeLogins(hash(token), new Date(now.getTime() - STAFF_SSO_MS));
  let known: User | undefined;
  try {
    if (!login) throw new StaffSsoError('failed', 'no sign-in under way');
    const { STAFF_OIDC_GROUPS_CLAIM, STAFF_OIDC_USERNAME_CLAIM, STAFF_OIDC_NAME_CLAIM, STAFF_OIDC_DISABLED_CLAIM } = config();
    let claims: Record<string, unknown>;
    try {
      claims = await authorizationClaims(
        await provider(),
        redirectUri(),
        callback,
        login,
        (idClaims) => !(STAFF_OIDC_GROUPS_CLAIM in idClaims) || !claimText(idClaims, STAFF_OIDC_USERNAME_CLAIM),
      );
    } catch (error) {
      if (error instanceof IdentificationError) throw new StaffSsoError('failed', error.message);
      throw error;
    }
    const subject = claimText(claims, 'sub')!;
    const username = usernameFrom(claimText(claims, STAFF_OIDC_USERNAME_CLAIM) ?? '');
    known = (await store.users.bySsoSubject(subject)) ?? (await store.users.byUsername(username));
    if (STAFF_OIDC_DISABLED_CLAIM && truthy(claims[STAFF_OIDC_DISABLED_CLAIM]))
      throw new StaffSsoError('disabled', 'disabled at the provider');
    if (known?.disabled) throw new StaffSsoError('disabled', 'disabled in Seloste');
    // A local account of the same name that is not this subject's stays its owner's.
    if (known && known.ssoSubject !== subject) throw new StaffSsoError('conflict', 'the username belongs to another account');
    if (!USERNAME_PATTERN.test(username)) throw new StaffSsoError('failed', 'the provider gave no usable username');
    const roles = rolesFromGroups(claims[STAFF_OIDC_GROUPS_CLAIM]);
    if (Object.keys(roles).length === 0) {
      // Roles follow the groups at every sign-in: one who has lost them all loses them here too, and is signed out.
      if (known && Object.keys(known.roles).length)
        await store.transaction(async (repositories) => {
          await repositories.users.save({ ...known!, roles: {} });
          await repositories.sessions.destroyForUser(known!.id);
        });
      throw new StaffSsoError('noGroup', 'no group the role map names');
    }
    const user: User = {
      id: known?.id ?? crypto.randomUUID(),
      username: known?.username ?? username,
      name: (claimText(claims, STAFF_OIDC_NAME_CLAIM) ?? '').slice(0, 100) || username,
      roles,
      ...(known?.passwordHash ? { passwordHash: known.passwordHash, passwordChangedAt: known.passwordChangedAt } : {}),
      ssoSubject: subject,
      disabled: false,
      createdAt: known?.createdAt ?? now.toISOString(),
    };
    await store.transaction(async (repositories) => {
      if (!known && (await repositories.users.byUsername(user.username)))
        throw new StaffSsoError('conflict', 'the username belongs to another account');
      await repositories.users.save(user);
      await repositories.audit.append({
        actor: user.username,
        action: 'login.sso',
        entity: `user:${user.username}`,
        details: { roles: describeRoles(roles), ...(known ? {} : { created: true }) },
      });
    });
    return { user, lang: login.lang, next: login.returnTo };
  } catch (error) {
    if (!(error instanceof StaffSsoError)) throw error;
    error.lang = login?.lang;
    // An existing account is named (as failed password logins name theirs); an unknown person is not.
    await store.audit.append({
      actor: 'system',
      action: 'login.ssoRefused',
      ...(known ? { entity: `user:${known.username}` } : {}),
      details: { reason: error.reason },
    });
    throw error;
  }
}
