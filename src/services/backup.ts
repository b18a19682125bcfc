import { can } from '../domain/access.ts';
import { EVERY_ORGANISATION, type Actor } from '../domain/user.ts';
import { backupStore, type BackupResult } from '../store/backup.ts';
import type { Store } from '../store/index.ts';
import { storeConfig } from './runtime.ts';

export type { BackupResult } from '../store/backup.ts';

/** Backs up all runtime data (an owner of every organisation's data only: the command line), and audits it. */
export async function createBackup(store: Store, outRoot: string, actor: Actor): Promise<BackupResult> {
  if (!can(actor, 'settings.manage', EVERY_ORGANISATION)) throw new Error('only the owner of all data may back it up');
  const result = await backupStore(store, outRoot, storeConfig().databaseUrl);
  await store.audit.append({
    actor: actor.username,
    action: 'backup.created',
    details: { engine: store.engine, requests: result.requests },
  });
  return result;
}
