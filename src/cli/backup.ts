import path from 'node:path';
import type { TFunction } from 'i18next';
import { createBackup } from '../services/backup.ts';
import { storeConfig, withStore } from '../services/runtime.ts';
import { parseOptions } from './options.ts';
import { cliActor } from './user.ts';

/** `seloste backup [--out DIR]`: a consistent, timestamped copy of all runtime data, taken beside a running server. */
export async function runBackup(args: string[], t: TFunction): Promise<number> {
  const { values } = parseOptions(args, { out: { type: 'string' } });
  const out = path.resolve(values.out ?? path.join(storeConfig().dataDir, '..', 'backups'));
  const result = await withStore((store) => createBackup(store, out, cliActor()));
  console.log(t('cli.backup.done', { dir: result.dir, users: result.users, requests: result.requests, events: result.auditEvents }));
  return result.auditChainValid ? 0 : 1;
}
