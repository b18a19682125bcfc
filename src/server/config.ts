import { config, type TrustProxy } from '../domain/config.ts';
import { publicOrigin } from '../services/public-origin.ts';

export interface ServerConfig {
  host: string;
  port: number;
  /** Where links in PDFs, open data and page metadata point: see services/public-origin.ts. */
  publicOrigin: string;
  pageCacheBytes: number;
  logRequests: boolean;
  /** Which peers may name the client in X-Forwarded-For (TRUST_PROXY). */
  trustProxy: TrustProxy;
}

/**
 * The server's settings, from the one configuration schema (src/domain/config.ts), read once at start; any bad
 * variable stops the server with a message naming it.
 */
export function readServerConfig(): ServerConfig {
  const { HOST, PORT, PAGE_CACHE_MB, LOG_REQUESTS, TRUST_PROXY } = config();
  return {
    host: HOST,
    port: PORT,
    publicOrigin: publicOrigin(),
    pageCacheBytes: PAGE_CACHE_MB * 1024 * 1024,
    logRequests: LOG_REQUESTS,
    trustProxy: TRUST_PROXY,
  };
}
