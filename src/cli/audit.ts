import type { TFunction } from 'i18next';
import { verifyAudit } from '../services/audit-query.ts';
import { withStore } from '../services/runtime.ts';

/** `seloste audit verify`: exit 1 when any event was edited, removed or reordered. */
export async function runAudit(args: string[], t: TFunction): Promise<number> {
  if (args[0] !== 'verify') {
    console.error(t('cli.audit.usage'));
    return 2;
  }
  const result = await withStore((store) => verifyAudit(store));
  if (result.ok) {
    console.log(t('cli.audit.ok', { count: result.events }));
    return 0;
  }
  console.error(t(`cli.audit.broken.${result.problem!.reason}`, { line: result.problem!.line, good: result.events }));
  return 1;
}
