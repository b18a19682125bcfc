import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AUDIT_FILE, verifyAuditLog } from '../store/audit-log.ts';
import { ensurePrivateDir, writeFileDurably } from '../store/durable-file.ts';
import { parseStoreText, STORE_VERSION } from '../store/store.ts';

export interface BackupResult {
  dir: string;
  users: number;
  auditEvents: number;
}

async function readOptional(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/**
 * Copies store.json and audit.jsonl into `<outRoot>/seloste-backup-<UTC timestamp>/`, with a manifest of hashes.
 * It takes no lock, so it can run beside the server: store.json is replaced atomically, so its copy is whole and is
 * validated; the audit log is copied up to its last complete line.
 */
export async function createBackup(source: string, outRoot: string): Promise<BackupResult> {
  const storeText = await readOptional(path.join(source, 'store.json'));
  const store = storeText ? parseStoreText(storeText, path.join(source, 'store.json')) : undefined;
  const auditRaw = await readOptional(path.join(source, AUDIT_FILE));
  const auditText = auditRaw.slice(0, auditRaw.lastIndexOf('\n') + 1);
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/gu, '')
    .replace(/\.\d+Z$/u, 'Z');
  const dir = path.join(outRoot, `seloste-backup-${stamp}`);
  await ensurePrivateDir(outRoot);
  await ensurePrivateDir(dir);
  if (storeText) await writeFileDurably(path.join(dir, 'store.json'), storeText);
  await writeFileDurably(path.join(dir, AUDIT_FILE), auditText);
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const auditEvents = auditText.split('\n').filter(Boolean).length;
  const manifest = {
    createdAt: new Date().toISOString(),
    storeVersion: STORE_VERSION,
    users: store?.users.length ?? 0,
    auditEvents,
    files: { 'store.json': storeText ? sha256(storeText) : null, [AUDIT_FILE]: sha256(auditText) },
    auditChainValid: (await verifyAuditLog(dir)).ok,
  };
  await writeFileDurably(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, users: manifest.users, auditEvents };
}
