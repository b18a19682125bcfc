import { config } from '../domain/config.ts';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { LANGS } from '../domain/language.ts';
import { issueLine, issueMessage } from '../render/content-issue.ts';
import { checkContent } from '../services/check-content.ts';
import { parseOptions } from './options.ts';

/** `seloste check [--content DIR] [--lang fi|sv|en] [--json]`: exit 1 on any error. */
export async function runCheck(args: string[], t: TFunction): Promise<number> {
  const { values } = parseOptions(args, { content: { type: 'string' }, json: { type: 'boolean' } });
  const contentDir = path.resolve(values.content ?? config().CONTENT_DIR);
  const report = await checkContent(contentDir);

  if (values.json) {
    const issues = report.issues.map((issue) => ({ ...issue, message: issueMessage(issue, t) }));
    console.log(JSON.stringify({ ...report, issues }, null, 2));
    return report.errors > 0 ? 1 : 0;
  }

  for (const issue of report.issues) (issue.severity === 'error' ? console.error : console.warn)(issueLine(issue, t));
  if (report.issues.length > 0) console.log('');
  const names = (langs: readonly string[]) => (langs.length > 0 ? langs.join(', ') : t('cli.none'));
  for (const register of report.registers) {
    const incomplete = LANGS.filter((lang) => !register.complete.includes(lang));
    console.log(`  ${register.id} (${register.status}): ✓ ${names(register.complete)}  ✗ ${names(incomplete)}`);
  }
  for (const notification of report.sosdata) {
    const ready = notification.canMarkReady ? '✓' : '✗';
    console.log(
      `  ${notification.id} (${notification.status}): ${ready} ${t('sosdata.status.ready')}  ${t('sosdata.unanswered')}: ${names(notification.unanswered.map(String))}`,
    );
  }
  if (report.sosdata.length > 0)
    console.log(t('cli.check.sosdata', { count: report.sosdata.length, ready: report.sosdata.filter((n) => n.canMarkReady).length }));
  const perLanguage = (key: 'complete' | 'incomplete') => LANGS.map((lang) => `${lang} ${report.languages[lang][key]}`).join(', ');
  console.log(
    t('cli.check.summary', {
      registers: report.registers.length,
      invalid: report.invalidFiles.length,
      complete: perLanguage('complete'),
      incomplete: perLanguage('incomplete'),
      errors: report.errors,
      warnings: report.warnings,
    }),
  );
  console.log(report.errors > 0 ? t('cli.check.failed') : t('cli.check.ok'));
  return report.errors > 0 ? 1 : 0;
}
