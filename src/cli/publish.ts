import path from 'node:path';
import type { TFunction } from 'i18next';
import type { Lang } from '../domain/language.ts';
import { issueLine } from '../render/content-issue.ts';
import { publishFromFiles } from '../services/publishing.ts';
import { withStore } from '../services/runtime.ts';
import { parseOptions } from './options.ts';

/**
 * `seloste publish <id>… | --all --note "…" [--effective YYYY-MM-DD] [--content DIR]`: publishes working copies as new
 * versions, for file and git workflows. The command line acts as the system user (it owns the data), so the note is
 * required. Each register is checked as `seloste check` does; exit 1 when any was refused.
 */
export async function runPublish(args: string[], t: TFunction, lang: Lang): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    all: { type: 'boolean' },
    note: { type: 'string' },
    effective: { type: 'string' },
    content: { type: 'string' },
  });
  const note = values.note?.trim();
  if (!note || (values.all === true) === positionals.length > 0) {
    console.error(t('workspace.cli.publishUsage'));
    return 2;
  }
  if (values.effective !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(values.effective)) {
    console.error(t('workspace.cli.badEffective', { value: values.effective }));
    return 2;
  }
  const contentDir = values.content ? path.resolve(values.content) : undefined;
  const selection = values.all ? ({ all: true } as const) : { ids: positionals };
  const result = await withStore((store) =>
    publishFromFiles(store, selection, { [lang]: note }, { contentDir, effective: values.effective }),
  );
  for (const version of result.published)
    console.log(t('workspace.cli.published', { id: version.registerId, number: version.number, effective: version.effective }));
  for (const check of result.refused) {
    console.error(t('workspace.cli.refused', { id: check.id }));
    for (const issue of check.issues) console.error(`  ${issueLine(issue, t)}`);
  }
  return result.refused.length > 0 ? 1 : 0;
}
