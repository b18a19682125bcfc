import { createHash, randomBytes } from 'node:crypto';
import { config } from '../domain/config.ts';
import { validateHetu } from '../domain/hetu.ts';
import type { Lang } from '../domain/language.ts';
import type { Store } from '../store/index.ts';
import type { VerifiedIdentity } from './eform.ts';
import { authorizationClaims, authorizationRequest, claimText, discoverProvider, IdentificationError } from './oidc.ts';
import { publicOrigin } from './public-origin.ts';

/** The cookie that names a citizen's identification; SameSite=Lax, since the provider sends the citizen back. */
export const CITIZEN_COOKIE = 'seloste_citizen';
/** How long an identification lasts: enough to fill in the form, no more. */
export const CITIZEN_LOGIN_MS = 30 * 60 * 1000;
export const CALLBACK_PATH = '/auth/citizen/callback';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export { IdentificationError } from './oidc.ts';

/** Whether citizens identify with an OpenID Connect provider before sending the e-form. */
export function citizenIdConfigured(): boolean {
  return Boolean(config().OIDC_ISSUER);
}

/** The citizens' provider, discovered once per issuer and client. */
function provider() {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ALLOW_HTTP, OIDC_DECRYPTION_KEY } = config();
  return discoverProvider({
    issuer: OIDC_ISSUER!,
    clientId: OIDC_CLIENT_ID!,
    clientSecret: OIDC_CLIENT_SECRET,
    allowHttp: OIDC_ALLOW_HTTP,
    // Suomi.fi signs and encrypts the UserInfo response to the key the service registered.
    decryptionKey: OIDC_DECRYPTION_KEY,
  });
}

const redirectUri = () => new URL(CALLBACK_PATH, publicOrigin()).href;

/**
 * Begins an identification: authorization code with PKCE, a state and a nonce, kept in the database under the hash
 * of a new cookie. Returns the provider's address to send the citizen to, and the cookie.
 */
export async function startIdentification(store: Store, lang: Lang, returnTo: string, now = new Date()) {
  const { OIDC_SCOPE, OIDC_ACR_VALUES } = config();
  const { url, checks } = await authorizationRequest(await provider(), {
    redirectUri: redirectUri(),
    scope: OIDC_SCOPE,
    lang,
    acrValues: OIDC_ACR_VALUES,
  });
  const token = randomBytes(32).toString('base64url');
  await store.eform.saveLogin(hash(token), { lang, returnTo, ...checks }, now);
  return { url, token };
}

/**
 * Finishes an identification on the provider's return (see authorizationClaims for the checks). The name and the
 * identity code come from the ID token, else from UserInfo (decrypted when the provider encrypts it). Returns where
 * to go back to.
 */
export async function finishIdentification(store: Store, token: string | undefined, callback: URL, now = new Date()): Promise<string> {
  const login = token ? await store.eform.login(hash(token), new Date(now.getTime() - CITIZEN_LOGIN_MS)) : undefined;
  if (!login || login.identity) throw new IdentificationError('no identification under way');
  const { OIDC_NAME_CLAIM, OIDC_HETU_CLAIM, OIDC_ISSUER } = config();
  const claims = await authorizationClaims(
    await provider(),
    redirectUri(),
    callback,
    login,
    (idClaims) => !claimText(idClaims, OIDC_NAME_CLAIM) || !claimText(idClaims, OIDC_HETU_CLAIM),
  );
  const name = claimText(claims, OIDC_NAME_CLAIM);
  const hetu = claimText(claims, OIDC_HETU_CLAIM)?.toUpperCase();
  if (!name || !hetu || !validateHetu(hetu).valid) throw new IdentificationError('the provider gave no name or no valid identity code');
  await store.eform.saveLogin(
    hash(token!),
    { ...login, identity: { name, hetu, method: `oidc:${OIDC_ISSUER}`, at: now.toISOString() } },
    now,
  );
  return login.returnTo;
}

/** The citizen a cookie vouches for, while the identification lasts. */
export async function citizenIdentity(store: Store, token: string | undefined, now = new Date()): Promise<VerifiedIdentity | undefined> {
  if (!token) return undefined;
  const login = await store.eform.login(hash(token), new Date(now.getTime() - CITIZEN_LOGIN_MS));
  return login?.identity ? { ...login.identity, at: new Date(login.identity.at) } : undefined;
}

/** Forgets an identification once its request is sent, and every one that has run out. */
export async function forgetIdentification(store: Store, token: string | undefined, now = new Date()): Promise<void> {
  await store.eform.removeLogins(token ? hash(token) : undefined, new Date(now.getTime() - CITIZEN_LOGIN_MS));
}
