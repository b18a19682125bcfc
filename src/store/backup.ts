import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { backup } from 'node:sqlite';
import { SQLITE_FILE } from './database.ts';
import { writeFileDurably } from '../files/durable-file.ts';
import { ensurePrivateDir } from './durable-file.ts';
import { openStore, type Store } from './index.ts';

export interface BackupResult {
  dir: string;
  file: string;
  users: number;
  requests: number;
  auditEvents: number;
  auditChainValid: boolean;
}

/** A backup could not be made (for PostgreSQL: pg_dump is missing or failed). Nothing partial is left. */
export class BackupError extends Error {
  readonly code = 'BACKUP_FAILED';
}

function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

function pgDump(databaseUrl: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${databaseUrl}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new BackupError(`pg_dump could not be run (${error.message}); install PostgreSQL's client tools`)));
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`pg_dump failed: ${stderr.trim().replace(/postgres(?:ql)?:\/\/\S+/gu, 'postgres://…')}`)),
    );
  });
}

/**
 * A consistent copy of all runtime data in `<outRoot>/seloste-backup-<UTC time>/`, with a manifest of hashes and
 * counts: SQLite's online backup of the live database, or `pg_dump` (custom format) of PostgreSQL. Either runs beside
 * the server. The embedded copy is opened again and its audit chain verified before the manifest is written.
 */
export async function backupStore(store: Store, outRoot: string, databaseUrl?: string): Promise<BackupResult> {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/gu, '')
    .replace(/\.\d+Z$/u, 'Z');
  const dir = path.join(outRoot, `seloste-backup-${stamp}`);
  await ensurePrivateDir(outRoot);
  await ensurePrivateDir(dir);
  try {
    let file: string;
    let copy: Store;
    if (store.engine === 'sqlite') {
      file = path.join(dir, SQLITE_FILE);
      await backup(store.database.sqlite!, file);
      // The copy is what counts: open it and read its figures and its chain.
      copy = await openStore({ dataDir: dir });
    } else {
      file = path.join(dir, 'seloste.pgdump');
      await pgDump(databaseUrl!, file);
      copy = store;
    }
    const [users, requests, auditEvents, chain] = await Promise.all([
      copy.users.count(),
      copy.requests.count(),
      copy.audit.count(),
      copy.audit.verify(),
    ]);
    if (copy !== store) await copy.close();
    const auditChainValid = chain.ok;
    const manifest = {
      createdAt: new Date().toISOString(),
      engine: store.engine,
      users,
      requests,
      auditEvents,
      auditChainValid,
      files: { [path.basename(file)]: await sha256OfFile(file) },
    };
    await writeFileDurably(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, 0o600);
    return { dir, file, users, requests, auditEvents, auditChainValid };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
