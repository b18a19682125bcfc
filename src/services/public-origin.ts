import * as z from 'zod';

const originSchema = z
  .url({ protocol: /^https?$/u, error: 'PUBLIC_ORIGIN must be an http or https address, such as https://seloste.example.fi' })
  .transform((value) => new URL(value))
  .refine((url) => (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username && !url.password, {
    error: 'PUBLIC_ORIGIN must be an origin only (scheme, host and port), without a path, query or user',
  })
  .transform((url) => url.origin);

/** Addresses that mean "every interface" are not where a reader can go: links then name localhost. */
const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * The site's public origin, for every absolute link Seloste prints (PDFs, open data, page metadata): PUBLIC_ORIGIN,
 * else the configured listening address (http://HOST:PORT, localhost:4321 by default). Never the request's Host
 * header, which anyone can set. Throws a message naming PUBLIC_ORIGIN when it is not an origin.
 */
export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const key = `${env.PUBLIC_ORIGIN} ${env.HOST} ${env.PORT}`;
  if (memo?.key !== key) memo = { key, origin: resolve(env) };
  return memo.origin;
}

/** Every page asks; the environment does not change while the process runs. */
let memo: { key: string; origin: string } | undefined;

function resolve(env: NodeJS.ProcessEnv): string {
  if (env.PUBLIC_ORIGIN) {
    const parsed = originSchema.safeParse(env.PUBLIC_ORIGIN);
    if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
    return parsed.data;
  }
  const host = env.HOST ?? 'localhost';
  const name = WILDCARD_HOSTS.has(host) ? 'localhost' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return new URL(`http://${name}:${env.PORT ?? '4321'}`).origin;
}
