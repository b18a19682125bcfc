import { createHash, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { config } from '../domain/config.ts';
import { validateHetu } from '../domain/hetu.ts';
import type { Lang } from '../domain/language.ts';
import type { Store } from '../store/index.ts';
import type { VerifiedIdentity } from './eform.ts';
import { publicOrigin } from './public-origin.ts';

/** The cookie that names a citizen's identification; SameSite=Lax, since the provider sends the citizen back. */
export const CITIZEN_COOKIE = 'seloste_citizen';
/** How long an identification lasts: enough to fill in the form, no more. */
export const CITIZEN_LOGIN_MS = 30 * 60 * 1000;
export const CALLBACK_PATH = '/auth/citizen/callback';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A refused identification: the provider's answer did not pass a check (state, nonce, issuer, signature, expiry). */
export class IdentificationError extends Error {}

/** Whether citizens identify with an OpenID Connect provider before sending the e-form. */
export function citizenIdConfigured(): boolean {
  return Boolean(config().OIDC_ISSUER);
}

let discovered: { key: string; configuration: Promise<client.Configuration> } | undefined;

/** The provider's configuration, discovered once per issuer and client. */
function provider(): Promise<client.Configuration> {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ALLOW_HTTP, OIDC_DECRYPTION_KEY } = config();
  const key = `${OIDC_ISSUER}|${OIDC_CLIENT_ID}`;
  if (discovered?.key !== key) {
    const configuration = (async () => {
      const found = await client.discovery(
        new URL(OIDC_ISSUER!),
        OIDC_CLIENT_ID!,
        undefined,
        OIDC_CLIENT_SECRET ? client.ClientSecretBasic(OIDC_CLIENT_SECRET) : client.None(),
        OIDC_ALLOW_HTTP ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      // The ID token's signature is checked against the provider's keys too, not only trusted for coming over TLS.
      client.enableNonRepudiationChecks(found);
      // Suomi.fi signs and encrypts the UserInfo response to the key the service registered.
      if (OIDC_DECRYPTION_KEY) {
        const jwk = JSON.parse(OIDC_DECRYPTION_KEY) as JsonWebKey & { alg?: string };
        const algorithm = jwk.alg === 'ECDH-ES' ? { name: 'ECDH', namedCurve: jwk.crv! } : { name: 'RSA-OAEP', hash: 'SHA-256' };
        const privateKey = await crypto.subtle.importKey(
          'jwk',
          jwk,
          algorithm,
          false,
          algorithm.name === 'ECDH' ? ['deriveBits'] : ['decrypt'],
        );
        client.enableDecryptingResponses(found, undefined, { key: privateKey, alg: jwk.alg ?? 'RSA-OAEP-256' });
      }
      return found;
    })();
    configuration.catch(() => (discovered = undefined));
    discovered = { key, configuration };
  }
  return discovered.configuration;
}

const redirectUri = () => new URL(CALLBACK_PATH, publicOrigin()).href;

/**
 * Begins an identification: authorization code with PKCE, a state and a nonce, kept in the database under the hash
 * of a new cookie. Returns the provider's address to send the citizen to, and the cookie.
 */
export async function startIdentification(store: Store, lang: Lang, returnTo: string, now = new Date()) {
  const configuration = await provider();
  const { OIDC_SCOPE, OIDC_ACR_VALUES } = config();
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const token = randomBytes(32).toString('base64url');
  await store.eform.saveLogin(hash(token), { lang, returnTo, state, nonce, verifier }, now);
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(),
    scope: OIDC_SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: lang,
    ...(OIDC_ACR_VALUES ? { acr_values: OIDC_ACR_VALUES } : {}),
  });
  return { url: url.href, token };
}

/** A claim as text, where the provider may nest it or send it as a number. */
const claimText = (claims: Record<string, unknown>, name: string) =>
  typeof claims[name] === 'string' ? (claims[name] as string).trim() : undefined;

/**
 * Finishes an identification on the provider's return: the code is exchanged with the PKCE verifier, and the ID
 * token's signature, issuer, audience, expiry and nonce are checked, as is the state. The name and the identity code
 * come from the ID token, else from UserInfo (decrypted when the provider encrypts it). Returns where to go back to.
 */
export async function finishIdentification(store: Store, token: string | undefined, callback: URL, now = new Date()): Promise<string> {
  const login = token ? await store.eform.login(hash(token), new Date(now.getTime() - CITIZEN_LOGIN_MS)) : undefined;
  if (!login || login.identity) throw new IdentificationError('no identification under way');
  const configuration = await provider();
  const current = new URL(redirectUri());
  current.search = callback.search;
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: login.verifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    claims = { ...idClaims };
    const { OIDC_NAME_CLAIM, OIDC_HETU_CLAIM } = config();
    if (!claimText(claims, OIDC_NAME_CLAIM) || !claimText(claims, OIDC_HETU_CLAIM))
      claims = { ...claims, ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)) };
  } catch (error) {
    // The check that failed, for the log (openid-client names it in the cause): never a token or a claim's value.
    const cause = (error as Error).cause;
    throw new IdentificationError(cause instanceof Error ? cause.message : (error as Error).message);
  }
  const { OIDC_NAME_CLAIM, OIDC_HETU_CLAIM, OIDC_ISSUER } = config();
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
