import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { config } from '../domain/config.ts';

/** A file of content/assets/ (an organisation's logo), by a name the schema has checked; undefined when missing. */
export async function readAsset(name: string): Promise<Uint8Array | undefined> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z]+$/u.test(name)) return undefined;
  try {
    return new Uint8Array(await readFile(path.resolve(config().CONTENT_DIR, 'assets', name)));
  } catch {
    return undefined;
  }
}
