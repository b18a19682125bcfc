import { createServer, type Server } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';
import { startServer, type RunningServer } from './server.ts';
import { dataDirWithUsers } from './staff.ts';

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

/**
 * Fictional staff, as an organisation's provider (Entra ID, say) would name them, with the groups it would send.
 * `disabled` is the claim that STAFF_OIDC_DISABLED_CLAIM=disabled reads.
 */
export const TEST_STAFF: Record<string, { name: string; email: string; groups: string[]; disabled?: boolean }> = {
  'anna.kasittelija': { name: 'Anna Käsittelijä', email: 'anna.kasittelija@example.com', groups: ['seloste-kasittelijat'] },
  'pekka.paakayttaja': { name: 'Pekka Pääkäyttäjä', email: 'pekka.paakayttaja@example.com', groups: ['seloste-paakayttajat', 'muu'] },
  'olli.ulkopuolinen': { name: 'Olli Ulkopuolinen', email: 'olli.ulkopuolinen@example.com', groups: ['muu-ryhma'] },
  'lea.lukittu': { name: 'Lea Lukittu', email: 'lea.lukittu@example.com', groups: ['seloste-kasittelijat'], disabled: true },
};

/** The role map that goes with TEST_STAFF: handlers in Helsinki, and an administrator of every organisation. */
export const TEST_STAFF_ROLE_MAP = 'seloste-kasittelijat=helsinki:handler;seloste-paakayttajat=*:admin,*:auditor';

/** The variables that make Seloste identify citizens on the e-form at the test provider. */
export function citizenOidcEnv(issuer: string): Record<string, string> {
  return {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: TEST_CLIENT.id,
    OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    OIDC_HETU_CLAIM: 'hetu',
    OIDC_ALLOW_HTTP: '1',
  };
}

/** The variables that let staff sign in at the test provider, with TEST_STAFF's groups mapped to roles. */
export function staffOidcEnv(issuer: string): Record<string, string> {
  return {
    STAFF_OIDC_ISSUER: issuer,
    STAFF_OIDC_CLIENT_ID: TEST_CLIENT.id,
    STAFF_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    STAFF_OIDC_ALLOW_HTTP: '1',
    STAFF_OIDC_NAME: 'Test provider',
    STAFF_OIDC_DISABLED_CLAIM: 'disabled',
    STAFF_OIDC_ROLE_MAP: TEST_STAFF_ROLE_MAP,
  };
}

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
        claims: { openid: ['sub'], profile: ['name', 'hetu', 'preferred_username', 'groups', 'disabled'], email: ['email'] },
        async findAccount(_context, id) {
          const staff = TEST_STAFF[id];
          if (staff)
            return {
              accountId: id,
              claims: async () => ({ sub: id, preferred_username: staff.email, ...staff }),
            };
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

/**
 * The built Seloste, with one user per role, and the test provider, each knowing the other: citizens identify at it on
 * the e-form (`citizen`) or staff sign in through it (`staff`). `env` adds to or overrides Seloste's variables.
 */
export async function startServerWithProvider(
  who: 'citizen' | 'staff',
  env: NodeJS.ProcessEnv = {},
): Promise<{ server: RunningServer; provider: RunningProvider; stop: () => Promise<void> }> {
  const reserved = await reserveOidcProvider();
  const server = await startServer({
    DATA_DIR: dataDirWithUsers(),
    LOG_REQUESTS: '0',
    ...(who === 'citizen' ? citizenOidcEnv(reserved.issuer) : staffOidcEnv(reserved.issuer)),
    ...env,
  });
  const provider = reserved.start([`${server.baseUrl}/auth/${who}/callback`]);
  return {
    server,
    provider,
    stop: async () => {
      await server.stop();
      await provider.stop();
    },
  };
}

/**
 * Signs in at the provider as a browser would (its own login and consent pages, with its cookies), and returns the
 * address the provider sends the user back to (one starting with `callback`), with the code, the state and the issuer.
 */
export async function signInAtProvider(authorizationUrl: string, callback: string, username = 'testi'): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      jar.set(name!, value!);
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(callback)) return next;
      url = next;
      init = {};
      continue;
    }
    // A login or consent page: post its form, with the user's name and any password.
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/u.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider page:\n${html.slice(0, 500)}`);
    const fields = new URLSearchParams();
    for (const [, name, value] of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gu))
      fields.set(name!, value!);
    if (html.includes('name="login"')) {
      fields.set('login', username);
      fields.set('password', 'any password');
    }
    url = new URL(action, url);
    init = { method: 'POST', body: fields, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('the provider did not send the user back');
}

if (process.argv[2] === 'serve') {
  const port = Number(process.argv[3] ?? 4400);
  const site = process.env.PUBLIC_ORIGIN ?? 'http://localhost:4321';
  const { issuer } = await startOidcProvider([`${site}/auth/citizen/callback`, `${site}/auth/staff/callback`], port);
  /** Variables as one shell line, quoted where the shell would split them. */
  const shellLine = (env: Record<string, string>) =>
    Object.entries(env)
      .map(([name, value]) => `${name}=${/^[\w./:@-]+$/u.test(value) ? value : `'${value}'`}`)
      .join(' ');
  console.log(`A test OpenID Connect provider is at ${issuer}. Start Seloste with:

  ${shellLine(citizenOidcEnv(issuer))} npm start

Sign in at the provider as "${Object.keys(TEST_USERS).join('" or "')}" with any password.

For staff single sign-on through the same provider, add:

  ${shellLine(staffOidcEnv(issuer))}

and sign in to the staff pages as "${Object.keys(TEST_STAFF).join('", "')}" (any password).`);
}
