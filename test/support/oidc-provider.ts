import { createServer, type Server } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) for the tests and for trying Seloste on one machine: a test client,
 * and fictional test users whose HETUs are in the test range. Its login page (oidc-provider's development
 * interactions) takes any password: the username picks the user.
 *
 *   node test/support/oidc-provider.ts serve [PORT]   (npm run oidc:dev) prints the variables to start Seloste with
 */

export const TEST_CLIENT = { id: 'seloste-test', secret: 'a-test-secret-that-is-long-enough-for-hs256' };

/** Fictional citizens, as e-Identification would name them; `hetu` is the claim that carries the identity code. */
export const TEST_USERS: Record<string, { name: string; hetu: string }> = {
  testi: { name: 'Testi Kansalainen', hetu: '131052-308T' },
  toinen: { name: 'Toinen Testihenkilö', hetu: '010594Y9032' },
};

export interface RunningProvider {
  issuer: string;
  provider: Provider;
  stop: () => Promise<void>;
}

/**
 * Takes a loopback port for the provider first, so that Seloste can be started with its issuer, and starts the
 * provider once Seloste's address (the redirect URI) is known: Seloste discovers the provider on first use.
 */
export async function reserveOidcProvider(
  port = 0,
  /** More of oidc-provider's configuration, e.g. token lifetimes for a test of expiry. */
  extra: Partial<Configuration> = {},
): Promise<{ issuer: string; start: (redirectUris: string[]) => RunningProvider }> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    issuer,
    start(redirectUris) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: TEST_CLIENT.id,
            client_secret: TEST_CLIENT.secret,
            redirect_uris: redirectUris,
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        claims: { openid: ['sub'], profile: ['name', 'hetu'] },
        async findAccount(_context, id) {
          const user = TEST_USERS[id];
          if (!user) return undefined;
          return { accountId: id, claims: async () => ({ sub: id, name: user.name, hetu: user.hetu }) };
        },
        pkce: { required: () => true },
        // A fixed test key for the provider's own cookies; a real provider keeps secret ones.
        cookies: { keys: ['a-test-cookie-key-for-the-local-provider'] },
        ...extra,
      });
      server.on('request', provider.callback());
      return { issuer, provider, stop };
    },
  };
}

/** Starts the provider on a loopback port, accepting the given redirect URIs for the test client. */
export async function startOidcProvider(redirectUris: string[], port = 0, extra: Partial<Configuration> = {}): Promise<RunningProvider> {
  return (await reserveOidcProvider(port, extra)).start(redirectUris);
}

if (process.argv[2] === 'serve') {
  const port = Number(process.argv[3] ?? 4400);
  const site = process.env.PUBLIC_ORIGIN ?? 'http://localhost:4321';
  const { issuer } = await startOidcProvider([`${site}/auth/citizen/callback`], port);
  console.log(`A test OpenID Connect provider is at ${issuer}. Start Seloste with:

  OIDC_ISSUER=${issuer} OIDC_CLIENT_ID=${TEST_CLIENT.id} OIDC_CLIENT_SECRET=${TEST_CLIENT.secret} OIDC_HETU_CLAIM=hetu OIDC_ALLOW_HTTP=1 npm start

Sign in at the provider as "${Object.keys(TEST_USERS).join('" or "')}" with any password.`);
}
