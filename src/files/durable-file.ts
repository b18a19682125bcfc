import { randomUUID } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a whole file so that a crash leaves either the old or the new content: unique temp file, fsync, rename, fsync
 * of the directory. `mode` is the new file's permissions: 0o644 for content that the web server and authors read,
 * 0o600 for runtime data that may hold personal data. With `exclusive`, the file must not exist yet: the temp file is
 * hard-linked to the name instead of renamed over it, which fails when the name is taken, so two writers creating one
 * file cannot overwrite each other. Returns false (writing nothing) when an exclusive write finds the name taken.
 */
export async function writeFileDurably(file: string, text: string, mode: number, options: { exclusive?: boolean } = {}): Promise<boolean> {
  const dir = path.dirname(file);
  // The temp name is the one the store's leftover sweep recognises: `.<name>.<pid>.<uuid>.seloste-tmp`.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomUUID()}.seloste-tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    if (options.exclusive) await link(temp, file);
    else await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    if (options.exclusive && (error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  if (options.exclusive) await rm(temp, { force: true });
  await syncDirectory(dir);
  return true;
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
