import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { citizenIdentity, finishIdentification, IdentificationError, startIdentification } from '../../../src/services/citizen-id.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { freshDatabase } from '../../support/databases.ts';
import { signInAtProvider, startOidcProvider, TEST_CLIENT, type RunningProvider } from '../../support/oidc-provider.ts';

/** Seloste's callback with the default public origin (http://localhost:4321). */
const CALLBACK = 'http://localhost:4321/auth/citizen/callback';

let provider: RunningProvider;
let store: Store;
beforeAll(async () => {
  provider = await startOidcProvider([CALLBACK]);
  vi.stubEnv('OIDC_ISSUER', provider.issuer);
  vi.stubEnv('OIDC_CLIENT_ID', TEST_CLIENT.id);
  vi.stubEnv('OIDC_CLIENT_SECRET', TEST_CLIENT.secret);
  vi.stubEnv('OIDC_HETU_CLAIM', 'hetu');
  vi.stubEnv('OIDC_ALLOW_HTTP', '1');
  store = await openStore(await freshDatabase('sqlite'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await store?.close();
  await provider?.stop();
});
afterEach(() => vi.unstubAllGlobals());

async function identification() {
  const { url, token } = await startIdentification(store, 'sv', '/sv/begaran');
  return { token, callback: await signInAtProvider(url, CALLBACK) };
}

/** Replaces the ID token of the provider's token response, as an attacker in between would. */
function tamperTokenResponse(replace: (idToken: string) => string) {
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await realFetch(input, init);
    if (!String(input instanceof Request ? input.url : input).endsWith('/token')) return response;
    const body = (await response.json()) as { id_token: string };
    return Response.json({ ...body, id_token: replace(body.id_token) }, { status: response.status, headers: response.headers });
  });
}

/** A JWT signed with a key that is not the provider's, with the given claims. */
function forge(idToken: string, change: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload] = idToken.split('.');
  const claims = change(JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>);
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
}

describe('identifying a citizen with OpenID Connect', () => {
  it('takes the verified name and identity code, and records how and when', async () => {
    const { token, callback } = await identification();
    expect(await finishIdentification(store, token, callback)).toBe('/sv/begaran');
    const identity = await citizenIdentity(store, token);
    expect(identity).toMatchObject({ name: 'Testi Kansalainen', hetu: '131052-308T', method: `oidc:${provider.issuer}` });
    // A code is used once, and an identification finishes once.
    await expect(finishIdentification(store, token, callback)).rejects.toThrow(IdentificationError);
  });

  it('refuses a return whose nonce is not the one sent', async () => {
    const { token, callback } = await identification();
    // The same state, another nonce: as if the ID token had been minted for another sign-in.
    const key = createHash('sha256').update(token).digest('hex');
    const login = await store.eform.login(key, new Date(0));
    await store.eform.saveLogin(key, { ...login!, nonce: 'not-the-nonce-that-was-sent' }, new Date());
    await expect(finishIdentification(store, token, callback)).rejects.toThrow(/nonce/u);
    expect(await citizenIdentity(store, token)).toBeUndefined();
  });

  it('refuses a return that names another issuer', async () => {
    const { token, callback } = await identification();
    callback.searchParams.set('iss', 'https://attacker.example.com');
    await expect(finishIdentification(store, token, callback)).rejects.toThrow(/iss/u);
  });

  it('refuses a forged ID token, signed with a key that is not the provider one', async () => {
    const { token, callback } = await identification();
    tamperTokenResponse((idToken) => forge(idToken, (claims) => ({ ...claims, name: 'Someone Else', hetu: '010594Y9032' })));
    await expect(finishIdentification(store, token, callback)).rejects.toThrow(/signature/iu);
    expect(await citizenIdentity(store, token)).toBeUndefined();
  });

  it('refuses an ID token from the provider itself that has expired', async () => {
    // A provider whose ID tokens expire an hour before they are made: signed by it, and past their time.
    const expiring = await startOidcProvider([CALLBACK], 0, { ttl: { IdToken: () => -3600 } });
    vi.stubEnv('OIDC_ISSUER', expiring.issuer);
    try {
      const { url, token } = await startIdentification(store, 'sv', '/sv/begaran');
      await expect(finishIdentification(store, token, await signInAtProvider(url, CALLBACK))).rejects.toThrow(/exp/u);
    } finally {
      vi.stubEnv('OIDC_ISSUER', provider.issuer);
      await expiring.stop();
    }
  });
});
