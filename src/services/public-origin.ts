import { config, parseConfig } from '../domain/config.ts';

/** Addresses that mean "every interface" are not where a reader can go: links then name localhost. */
const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * The site's public origin, for every absolute link Seloste prints (PDFs, open data, page metadata): PUBLIC_ORIGIN,
 * else the configured listening address (http://HOST:PORT, localhost:4321 by default). Never the request's Host
 * header, which anyone can set.
 */
export function publicOrigin(env?: Record<string, string | undefined>): string {
  const { PUBLIC_ORIGIN, HOST, PORT } = env ? parseConfig(env) : config();
  if (PUBLIC_ORIGIN) return PUBLIC_ORIGIN;
  const name = WILDCARD_HOSTS.has(HOST) ? 'localhost' : HOST.includes(':') && !HOST.startsWith('[') ? `[${HOST}]` : HOST;
  return new URL(`http://${name}:${PORT}`).origin;
}
