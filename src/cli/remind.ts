import type { TFunction } from 'i18next';
import type { Lang } from '../domain/language.ts';
import { withStore } from '../services/runtime.ts';
import { parseOptions } from './options.ts';

/**
 * `seloste remind`: sends today's reminders for data requests past their due date, as the server does hourly; for
 * cron. A lease keeps two runs from sending at once, and no data request is reminded twice in a day.
 */
export async function runRemind(args: string[], t: TFunction, lang: Lang): Promise<number> {
  parseOptions(args, {});
  // Loaded only for this command: the mail and letter code need not slow down every other one.
  const { sendReminders } = await import('../services/data-requests.ts');
  const result = await withStore((store) => sendReminders(store, { lang }));
  if (!result.ran) {
    console.log(t('cli.remind.busy'));
    return 0;
  }
  for (const reference of result.sent) console.log(reference);
  console.log(t('cli.remind.sent', { count: result.sent.length }));
  if (result.unsent.length) console.log(t('cli.remind.unsent', { count: result.unsent.length, references: result.unsent.join(', ') }));
  return 0;
}
