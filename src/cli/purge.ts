import type { TFunction } from 'i18next';
import { config } from '../domain/config.ts';
import { purgeRequests } from '../services/request-reports.ts';
import { removeLeftoverFiles, withStore } from '../services/runtime.ts';
import { parseOptions } from './options.ts';
import { cliActor } from './user.ts';

/** `seloste purge [--dry-run] [--retention-months N]`: anonymises closed requests older than the retention period. */
export async function runPurge(args: string[], t: TFunction): Promise<number> {
  const { values } = parseOptions(args, { 'dry-run': { type: 'boolean' }, 'retention-months': { type: 'string' } });
  const retentionMonths = values['retention-months'] ? Number(values['retention-months']) : config().REQUEST_RETENTION_MONTHS;
  if (!Number.isInteger(retentionMonths) || retentionMonths < 1) {
    console.error(t('cli.purge.badRetention'));
    return 2;
  }
  const dryRun = Boolean(values['dry-run']);
  const references = await withStore((store) => purgeRequests(store, { retentionMonths, dryRun, actor: cliActor() }));
  const leftovers = dryRun ? [] : await removeLeftoverFiles();
  for (const reference of references) console.log(reference);
  console.log(t(dryRun ? 'cli.purge.wouldPurge' : 'cli.purge.purged', { count: references.length, months: retentionMonths }));
  if (leftovers.length) console.log(t('cli.purge.leftovers', { count: leftovers.length }));
  return 0;
}
