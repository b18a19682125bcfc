import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseOptions } from './options.ts';

const ENTRY = path.join('dist', 'server', 'entry.mjs');
/** What the build is made from; content/ is not among them, because the server reads it at run time. */
const BUILD_INPUTS = ['src', 'astro.config.mjs', 'package.json', 'package-lock.json', 'templates'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/** Whether the server bundle is missing or older than any of its sources. */
export function needsBuild(root = process.cwd()): boolean {
  const entry = path.join(root, ENTRY);
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > built);
}

/**
 * `seloste serve [--rebuild]`: builds when needed, then runs Seloste's server (src/server) in this process on
 * HOST:PORT (default localhost:4321) until SIGTERM or SIGINT.
 */
export async function runServe(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { rebuild: { type: 'boolean' } });
  if (values.rebuild || needsBuild()) {
    const build = spawnSync(process.execPath, [path.join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { stdio: 'inherit' });
    if (build.status !== 0) return build.status ?? 1;
  }
  await import('../server/main.ts');
  return 0;
}
