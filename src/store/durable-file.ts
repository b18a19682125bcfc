import { randomUUID } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/** Creates the data directory readable only by its owner (0700), and tightens it if it exists. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

export function ensurePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o777) !== 0o700) mkdirSync(dir, { recursive: true });
}

/** Writes a whole file so that a crash leaves either the old or the new content: unique temp file, fsync, rename, fsync of the directory. */
export async function writeFileDurably(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes a rename or a new file in `dir` durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A lowdb adapter that writes durably (writeFileDurably, mode 0600) and reads the file as text; parsing and
 * validation happen in the store, which knows the schema and can name what is wrong.
 */
export class DurableTextFile implements Adapter<string> {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  async read(): Promise<string | null> {
    try {
      return await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(text: string): Promise<void> {
    await writeFileDurably(this.file, text);
  }
}
