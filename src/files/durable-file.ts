import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a whole file so that a crash leaves either the old or the new content: unique temp file, fsync, rename, fsync
 * of the directory. `mode` is the new file's permissions: 0o644 for content that the web server and authors read,
 * 0o600 for runtime data that may hold personal data.
 */
export async function writeFileDurably(file: string, text: string, mode: number): Promise<void> {
  const dir = path.dirname(file);
  // The temp name is the one the store's leftover sweep recognises: `.<name>.<pid>.<uuid>.seloste-tmp`.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomUUID()}.seloste-tmp`);
  const handle = await open(temp, 'wx', mode);
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
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
