import * as z from 'zod';
import { publicOrigin } from '../services/public-origin.ts';

const digits = (max: number) =>
  z
    .string()
    .regex(/^\d+$/u, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max}`));

const envSchema = z.object({
  HOST: z.string().min(1, 'must not be empty').default('localhost'),
  PORT: digits(65_535).default(4321),
  /** Memory for whole cached pages; searches get a quarter of it. */
  PAGE_CACHE_MB: digits(16_384).default(64),
  LOG_REQUESTS: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('1'),
});

export interface ServerConfig {
  host: string;
  port: number;
  /** Where links in PDFs, open data and page metadata point: see services/public-origin.ts. */
  publicOrigin: string;
  pageCacheBytes: number;
  logRequests: boolean;
}

/** The server's settings from the environment, read once at start; a bad value stops the server with a message naming the variable. */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('\n'));
  }
  const { HOST, PORT, PAGE_CACHE_MB, LOG_REQUESTS } = parsed.data;
  return {
    host: HOST,
    port: PORT,
    publicOrigin: publicOrigin(env),
    pageCacheBytes: PAGE_CACHE_MB * 1024 * 1024,
    logRequests: LOG_REQUESTS === '1',
  };
}
