import type { TFunction } from 'i18next';
import { purgeRequests } from '../services/request-reports.ts';
import { parseOptions } from './options.ts';
import { cliActor, openForWriting } from './user.ts';

/** How long closed requests are kept before they are anonymised; REQUEST_RETENTION_MONTHS, 24 by default. */
function defaultRetention(): number {
  const months = Number(process.env.REQUEST_RETENTION_MONTHS ?? 24);
  return Number.isInteger(months) && months > 0 ? months : 24;
}

/** `seloste purge [--dry-run] [--retention-months N]`: anonymises closed requests older than the retention period. */
export async function runPurge(args: string[], t: TFunction): Promise<number> {
  const { values } = parseOptions(args, { 'dry-run': { type: 'boolean' }, 'retention-months': { type: 'string' } });
  const retentionMonths = values['retention-months'] ? Number.parseInt(values['retention-months'], 10) : defaultRetention();
  if (!Number.isInteger(retentionMonths) || retentionMonths < 1) {
    console.error(t('cli.purge.badRetention'));
    return 2;
  }
  const runtime = await openForWriting(t);
  if (!runtime) return 1;
  try {
    const references = await purgeRequests(runtime, { retentionMonths, dryRun: Boolean(values['dry-run']), actor: cliActor() });
    for (const reference of references) console.log(reference);
    console.log(t(values['dry-run'] ? 'cli.purge.wouldPurge' : 'cli.purge.purged', { count: references.length, months: retentionMonths }));
    return 0;
  } finally {
    await Promise.all([runtime.store.close(), runtime.audit.drain()]);
  }
}
