import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { StoredResponse } from './stored-response.ts';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** Astro's hashed assets never change under the same name; the rest of public/ (the favicon) may. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const DAY = 'public, max-age=86400';

/**
 * The files Astro built into dist/client: hashed assets under /_astro/ and everything copied from public/, read
 * into memory once at start with their compressed copies. A request for one costs a map lookup, and no other
 * path makes the server look at the disk.
 */
export async function loadStaticFiles(clientDir: string, securityHeaders: readonly string[]): Promise<Map<string, StoredResponse>> {
  const files = new Map<string, StoredResponse>();
  for (const entry of await readdir(clientDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const urlPath = `/${path.relative(clientDir, file).split(path.sep).join('/')}`;
    const response = new StoredResponse({
      body: await readFile(file),
      headers: { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' },
      cacheControl: urlPath.startsWith('/_astro/') ? IMMUTABLE : DAY,
      lastModified: (await stat(file)).mtime,
      securityHeaders,
    });
    await response.precompress();
    files.set(urlPath, response);
  }
  return files;
}
