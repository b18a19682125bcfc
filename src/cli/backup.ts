import path from 'node:path';
import type { TFunction } from 'i18next';
import { createBackup } from '../services/backup.ts';
import { dataDir } from '../store/runtime.ts';
import { parseOptions } from './options.ts';

/** `seloste backup [--out DIR]`: a consistent, timestamped copy of the data directory. */
export async function runBackup(args: string[], t: TFunction): Promise<number> {
  const { values } = parseOptions(args, { out: { type: 'string' } });
  const result = await createBackup(dataDir(), path.resolve(values.out ?? path.join(dataDir(), '..', 'backups')));
  console.log(t('cli.backup.done', { dir: result.dir, users: result.users, events: result.auditEvents }));
  return 0;
}
