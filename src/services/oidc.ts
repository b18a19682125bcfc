import * as client from 'openid-client';

/**
 * What citizen identification and staff single sign-on share: discovering a provider, starting an authorization
 * code flow with PKCE, a state and a nonce, and checking the provider's answer.
 */

/** A refused sign-in: the provider's answer did not pass a check (state, nonce, issuer, signature, expiry). */
export class IdentificationError extends Error {}

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Plain http (the local test provider only). */
  allowHttp: boolean;
  /** A private key (JWK, as JSON) that decrypts an encrypted UserInfo response, as Suomi.fi sends it. */
  decryptionKey?: string;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's configuration, discovered once per issuer and client (and again after a failure). */
export function discoverProvider(settings: ProviderSettings): Promise<client.Configuration> {
  const key = `${settings.issuer}|${settings.clientId}`;
  let configuration = discovered.get(key);
  if (!configuration) {
    configuration = (async () => {
      const found = await client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
        settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      // The ID token's signature is checked against the provider's keys too, not only trusted for coming over TLS.
      client.enableNonRepudiationChecks(found);
      if (settings.decryptionKey) {
        const jwk = JSON.parse(settings.decryptionKey) as JsonWebKey & { alg?: string };
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
    configuration.catch(() => discovered.delete(key));
    discovered.set(key, configuration);
  }
  return configuration;
}

/** The checks of one authorization request, kept by Seloste until the provider sends the user back. */
export interface AuthorizationChecks {
  state: string;
  nonce: string;
  verifier: string;
}

/** The provider's address for a new authorization request (code, PKCE S256, state, nonce), and its checks. */
export async function authorizationRequest(
  configuration: client.Configuration,
  options: { redirectUri: string; scope: string; lang: string; acrValues?: string },
): Promise<{ url: string; checks: AuthorizationChecks }> {
  const checks = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: options.redirectUri,
    scope: options.scope,
    code_challenge: await client.calculatePKCECodeChallenge(checks.verifier),
    code_challenge_method: 'S256',
    state: checks.state,
    nonce: checks.nonce,
    ui_locales: options.lang,
    ...(options.acrValues ? { acr_values: options.acrValues } : {}),
  });
  return { url: url.href, checks };
}

/**
 * Checks the provider's answer: the code is exchanged with the PKCE verifier, and the ID token's signature, issuer,
 * audience, expiry and nonce are checked, as is the state. Returns the ID token's claims, with UserInfo's added when
 * `needUserInfo` says the ID token lacks some.
 */
export async function authorizationClaims(
  configuration: client.Configuration,
  redirectUri: string,
  callback: URL,
  checks: AuthorizationChecks,
  needUserInfo: (claims: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  const current = new URL(redirectUri);
  current.search = callback.search;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const claims: Record<string, unknown> = { ...idClaims };
    if (!needUserInfo(claims)) return claims;
    return { ...claims, ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)) };
  } catch (error) {
    // The check that failed, for the log (openid-client names it in the cause): never a token or a claim's value.
    const cause = (error as Error).cause;
    throw new IdentificationError(cause instanceof Error ? cause.message : (error as Error).message);
  }
}

/** A claim as text, where the provider may nest it or send it as a number. */
export const claimText = (claims: Record<string, unknown>, name: string) =>
  typeof claims[name] === 'string' ? (claims[name] as string).trim() : undefined;

/**
 * The options of the cookie that ties the provider's return to its start: HttpOnly, and SameSite=Lax, since the
 * provider sends the user back from another site.
 */
export function returnCookieOptions(url: URL, path: string, maxAgeMs: number) {
  return { path, httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' || undefined, maxAge: maxAgeMs / 1000 } as const;
}
