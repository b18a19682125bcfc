import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** Creates the data directory readable only by its owner (0700), and tightens it if it exists. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

/**
 * Seloste's own temporary files (named by writeFileDurably in src/files), and nothing else: never SQLite's -wal and
 * -shm files, which are part of the database.
 */
const LEFTOVER = /^\..+\.\d+\.[0-9a-f-]{36}\.(?:seloste-)?tmp$/u;

/**
 * Removes the temporary files a crash left behind in `dir` (a write that never reached its rename), which may hold
 * personal data. Returns their names. SQLite's -wal and -shm files are never touched.
 */
export async function removeLeftovers(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const leftovers = names.filter((name) => LEFTOVER.test(name));
  await Promise.all(leftovers.map((name) => rm(path.join(dir, name), { force: true })));
  return leftovers;
}
