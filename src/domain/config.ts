import * as z from 'zod';
import { organisationKeySchema, ROLES, roleSchema, type RolesByOrganisation } from './user.ts';

/** A whole number from an environment variable, within bounds; "0.05min" or "ten" is refused, never read as 0. */
const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/u, { error: `a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .int()
        .min(min, { error: `a whole number from ${min} to ${max}` })
        .max(max, { error: `a whole number from ${min} to ${max}` }),
    );

const flag = z.enum(['0', '1'], { error: '0 or 1' }).transform((value) => value === '1');
/** The site's public origin: scheme, host and port only, never a path, query or user. */
const origin = z
  .url({ protocol: /^https?$/u, error: 'an http or https origin such as https://seloste.example.fi' })
  .transform((value) => new URL(value))
  .refine((url) => (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username && !url.password, {
    error: 'an origin only (scheme, host and port), without a path, query or user, such as https://seloste.example.fi',
  })
  .transform((url) => url.origin);

const ROLE_MAP_ERROR =
  'group=organisation:role pairs, such as `seloste-admins=*:admin;kirjaamo=helsinki:handler,helsinki:dpo` (roles: ' +
  `${ROLES.join(', ')})`;

/** `group=organisation:role,…;group2=…`: the roles each group of the staff provider gives. */
const roleMap = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const map = new Map<string, RolesByOrganisation>();
    for (const entry of text.split(';').filter((part) => part.trim())) {
      const at = entry.lastIndexOf('=');
      const group = entry.slice(0, at).trim();
      const roles: RolesByOrganisation = { ...map.get(group) };
      const pairs = entry.slice(at + 1).split(',');
      for (const pair of pairs) {
        const [organisation = '', role = '', ...rest] = pair.trim().split(':');
        const parsed = roleSchema.safeParse(role);
        if (at < 1 || rest.length || !organisationKeySchema.safeParse(organisation).success || !parsed.success) {
          ctx.addIssue({ code: 'custom', message: `${ROLE_MAP_ERROR}; "${pair.trim()}" in "${group}" is not one` });
          return z.NEVER;
        }
        if (!roles[organisation]?.includes(parsed.data)) roles[organisation] = [...(roles[organisation] ?? []), parsed.data];
      }
      map.set(group, roles);
    }
    if (map.size === 0) {
      ctx.addIssue({ code: 'custom', message: ROLE_MAP_ERROR });
      return z.NEVER;
    }
    return map;
  });

/** A range of addresses: its network address, prefix length and family. */
export interface AddressRange {
  network: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/**
 * Which peers may name the client in X-Forwarded-For: none, the nearest hops (the immediate peer being the first), or
 * the proxies at these addresses.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; ranges: AddressRange[] };

const TRUST_PROXY_ERROR =
  'off, the number of proxies in front of the server (1 to 10), or their addresses and ranges, such as 10.0.0.0/8,::1';
const MAX_PROXY_HOPS = 10;

/** One address or CIDR range of TRUST_PROXY, or undefined when it is neither. */
function addressRange(text: string): AddressRange | undefined {
  const [network = '', prefix] = text.split('/');
  const family = z.ipv4().safeParse(network).success ? 'ipv4' : z.ipv6().safeParse(network).success ? 'ipv6' : undefined;
  if (!family) return undefined;
  const bits = family === 'ipv4' ? 32 : 128;
  if (prefix === undefined) return { network, prefix: bits, family };
  if (!(family === 'ipv4' ? z.cidrv4() : z.cidrv6()).safeParse(text).success) return undefined;
  return { network, prefix: Number(prefix), family };
}

/** TRUST_PROXY: `off` (or 0), a hop count, or a comma-separated list of addresses and CIDR ranges. */
const trustProxy = z
  .string()
  .trim()
  .transform((text, ctx): TrustProxy => {
    if (text === 'off') return { kind: 'none' };
    if (/^\d+$/u.test(text)) {
      const hops = Number(text);
      if (hops === 0) return { kind: 'none' };
      if (hops <= MAX_PROXY_HOPS) return { kind: 'hops', hops };
      ctx.addIssue({ code: 'custom', message: TRUST_PROXY_ERROR });
      return z.NEVER;
    }
    const ranges = text.split(',').map((entry) => ({ entry: entry.trim(), range: addressRange(entry.trim()) }));
    const wrong = ranges.find(({ range }) => !range);
    if (wrong) {
      ctx.addIssue({ code: 'custom', message: `${TRUST_PROXY_ERROR}; "${wrong.entry}" is not one` });
      return z.NEVER;
    }
    return { kind: 'addresses', ranges: ranges.map(({ range }) => range!) };
  });

/**
 * Every environment variable Seloste reads, parsed once when a process starts. An invalid value stops the process
 * with a message naming the variable; nothing falls back silently.
 */
export const configSchema = z
  .object({
    HOST: z.string().min(1).default('localhost'),
    PORT: whole(1, 65_535).default(4321),
    CONTENT_DIR: z.string().min(1).default('content'),
    DATA_DIR: z.string().min(1).default('data'),
    TEMPLATES_DIR: z.string().min(1).default('templates'),
    /** A PostgreSQL connection string: all runtime data then lives there, shared by every instance. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(?:ql)?:\/\//u, { error: 'a PostgreSQL URL such as postgres://seloste:secret@db.example.fi:5432/seloste' })
      .optional(),
    ACCESSIBILITY_FEEDBACK_EMAIL: z.email({ error: 'an e-mail address' }).default('saavutettavuus@example.com'),
    PUBLIC_ORIGIN: origin.optional(),
    SOURCE_DATE_EPOCH: whole(0, 4_102_444_800).optional(),
    SESSION_IDLE_MINUTES: whole(1, 24 * 60).default(30),
    SESSION_MAX_HOURS: whole(1, 24 * 7).default(10),
    COOKIE_SECURE: flag.optional(),
    SELOSTE_SCRYPT_LOG_N: whole(14, 20).default(17),
    REQUEST_RETENTION_MONTHS: whole(1, 120).default(24),
    SELOSTE_LANG: z.enum(['fi', 'sv', 'en', ''], { error: 'fi, sv or en' }).optional(),
    LOG_REQUESTS: flag.default(true),
    /**
     * Behind a reverse proxy the socket's peer is the proxy: which peers are trusted to name the client in
     * X-Forwarded-For, so that the limits per address (e-form, login) count clients and not the proxy. Off by default.
     */
    TRUST_PROXY: trustProxy.default({ kind: 'none' }),
    /** Memory for whole cached public pages, in megabytes; catalogue searches may use a quarter of it. */
    PAGE_CACHE_MB: whole(1, 16_384).default(64),
    /** How often an instance looks for changes made by other instances (published registers), in seconds. */
    CHANGE_POLL_SECONDS: whole(1, 3600).default(5),
    /**
     * The secret that identity codes are hashed with (HMAC-SHA256) so staff can search for one without a plain index.
     * Every instance must share it; the embedded mode generates one into DATA_DIR/hash.key when it is unset.
     */
    HASH_KEY: z.string().min(32, { error: 'a random secret of at least 32 characters (for example `openssl rand -hex 32`)' }).optional(),
    /** The mail server that data requests and reminders to register owners go through; without it they are sent by hand. */
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: whole(1, 65_535).default(587),
    /** 1: TLS from the first byte (port 465); 0: STARTTLS when the server offers it. */
    SMTP_SECURE: flag.default(false),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    /** The sender of data requests and reminders, e.g. kirjaamo@example.fi. */
    SMTP_FROM: z.email({ error: 'an e-mail address' }).optional(),
    /**
     * Strong identification of citizens on the e-form (OpenID Connect, e.g. Suomi.fi e-Identification): the provider's
     * issuer URL. Without it the form works without identification, and staff verify the identity later.
     */
    OIDC_ISSUER: z.url({ protocol: /^https?$/u, error: 'the provider issuer URL, such as https://tunnistus.suomi.fi' }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The scopes asked for, space-separated. */
    OIDC_SCOPE: z.string().min(1).default('openid profile'),
    /** The claims that carry the verified name and the personal identity code, from the ID token or UserInfo. */
    OIDC_NAME_CLAIM: z.string().min(1).default('name'),
    OIDC_HETU_CLAIM: z.string().min(1).default('urn:oid:1.2.246.21'),
    /** Authentication context asked for, e.g. http://ftn.ficora.fi/2017/loa3 (substantial) at Suomi.fi. */
    OIDC_ACR_VALUES: z.string().min(1).optional(),
    /** A private key (JWK, as JSON) that decrypts an encrypted UserInfo response, as Suomi.fi sends it. */
    OIDC_DECRYPTION_KEY: z.string().min(1).optional(),
    /** 1: allow a provider over plain http (the local test provider only). */
    OIDC_ALLOW_HTTP: flag.default(false),
    /**
     * Staff single sign-on through the organisation's OpenID Connect provider (Entra ID, for example): its issuer URL.
     * The other STAFF_OIDC_ variables configure it; the README's staff sign-on section shows them for Entra ID.
     */
    STAFF_OIDC_ISSUER: z
      .url({ protocol: /^https?$/u, error: 'the provider issuer URL, such as https://login.microsoftonline.com/<tenant>/v2.0' })
      .optional(),
    STAFF_OIDC_CLIENT_ID: z.string().min(1).optional(),
    STAFF_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The provider's name on the login page's button ("Sign in with …"). */
    STAFF_OIDC_NAME: z.string().trim().min(1).max(60, { error: 'a short name of at most 60 characters' }).default('OpenID Connect'),
    STAFF_OIDC_SCOPE: z.string().min(1).default('openid profile email'),
    /** The claim that lists the user's groups (Entra ID: `groups`, or `roles` for app roles). */
    STAFF_OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
    /** The claim whose value, before any @, becomes the username. */
    STAFF_OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
    STAFF_OIDC_NAME_CLAIM: z.string().min(1).default('name'),
    /** A claim that, when true, says the account is disabled at the provider: the sign-in is refused. */
    STAFF_OIDC_DISABLED_CLAIM: z.string().min(1).optional(),
    /** Which groups give which roles: `group=organisation:role,organisation:role;group2=*:auditor`. */
    STAFF_OIDC_ROLE_MAP: roleMap.optional(),
    /** 1: allow the staff provider over plain http (the local test provider only). */
    STAFF_OIDC_ALLOW_HTTP: flag.default(false),
    /** off: staff sign in only through the provider; the password form is neither shown nor accepted. */
    STAFF_LOCAL_PASSWORDS: z.enum(['on', 'off'], { error: 'on or off' }).default('on'),
  })
  .superRefine((env, ctx) => {
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID)
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'the client id, needed when OIDC_ISSUER is set' });
    if (env.STAFF_OIDC_ISSUER && !env.STAFF_OIDC_CLIENT_ID)
      ctx.addIssue({ code: 'custom', path: ['STAFF_OIDC_CLIENT_ID'], message: 'the client id, needed when STAFF_OIDC_ISSUER is set' });
    if (env.STAFF_OIDC_ISSUER && !env.STAFF_OIDC_ROLE_MAP)
      ctx.addIssue({
        code: 'custom',
        path: ['STAFF_OIDC_ROLE_MAP'],
        message: 'the groups that give roles (group=organisation:role,…;…), needed when STAFF_OIDC_ISSUER is set',
      });
    if (env.STAFF_LOCAL_PASSWORDS === 'off' && !env.STAFF_OIDC_ISSUER)
      ctx.addIssue({
        code: 'custom',
        path: ['STAFF_LOCAL_PASSWORDS'],
        message: 'on while no STAFF_OIDC_ISSUER is set: otherwise nobody could sign in',
      });
    if (env.SMTP_HOST && !env.SMTP_FROM)
      ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'the sender address, needed when SMTP_HOST is set' });
  });
export type Config = z.infer<typeof configSchema>;

/** An environment that does not parse: every wrong variable, with what it should be. */
export class ConfigError extends Error {
  readonly problems: { variable: string; expected: string }[];
  constructor(problems: { variable: string; expected: string }[]) {
    super(`Invalid configuration: ${problems.map((problem) => `${problem.variable} should be ${problem.expected}`).join('; ')}`);
    this.problems = problems;
  }
}

const KEYS = Object.keys(configSchema.shape);

/** The variables Seloste reads, as set (an empty value counts as unset). */
function presentIn(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(KEYS.flatMap((key) => (env[key] ? [[key, env[key]]] : [])));
}

/** Parses an environment. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(presentIn(env));
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => ({ variable: String(issue.path[0]), expected: issue.message })));
}

let cached: { signature: string; config: Config } | undefined;

/**
 * Marks the process's environment as settled. The server sets it once it has parsed its configuration at start: its
 * environment never changes afterwards, and reading every variable again on each call costs a page more than a
 * millisecond. A global symbol, because the built pages carry their own copy of this module.
 */
const SETTLED = Symbol.for('seloste.config.settled');

export function settleConfig(): void {
  (globalThis as Record<symbol, unknown>)[SETTLED] = true;
}

/**
 * The process's configuration, parsed from its environment when first asked for, and again only when it changes
 * (tests and the CLI change it), except in a server whose environment is settled.
 */
export function config(): Config {
  if (cached && (globalThis as Record<symbol, unknown>)[SETTLED]) return cached.config;
  const signature = JSON.stringify(presentIn(process.env));
  if (cached?.signature !== signature) cached = { signature, config: parseConfig(process.env) };
  return cached.config;
}
