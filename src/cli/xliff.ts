import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { config } from '../domain/config.ts';
import { isLang } from '../domain/language.ts';
import { exportXliff, importXliff } from '../services/xliff.ts';
import { parseOptions } from './options.ts';

/**
 * `seloste xliff export --to sv [--from fi] [--out FILE] [ids…]`: the texts the registers lack in a language, as
 * XLIFF 2.0 for a translation agency. `seloste xliff import FILE`: the translations back into the working copies,
 * with a report of what was filled, changed and not recognised.
 */
export async function runXliff(args: string[], t: TFunction): Promise<number> {
  const [verb, ...rest] = args;
  const { values, positionals } = parseOptions(rest, {
    to: { type: 'string' },
    from: { type: 'string' },
    out: { type: 'string' },
    content: { type: 'string' },
  });
  const contentDir = path.resolve(values.content ?? config().CONTENT_DIR);
  if (verb === 'export') {
    const from = values.from ?? 'fi';
    if (!isLang(values.to) || !isLang(from) || values.to === from) {
      console.error(t('cli.xliff.languages'));
      return 2;
    }
    const result = await exportXliff(contentDir, values.to, from, positionals);
    const out = path.resolve(values.out ?? `seloste-${from}-${values.to}.xlf`);
    await writeFile(out, result.xml);
    console.log(
      t('cli.xliff.exported', { file: path.relative(process.cwd(), out), units: result.units, registers: result.registers.length }),
    );
    for (const field of result.withoutSource) console.warn(t('cli.xliff.withoutSource', { field, lang: from }));
    return 0;
  }
  if (verb === 'import' && positionals.length === 1) {
    const report = await importXliff(contentDir, await readFile(path.resolve(positionals[0]!), 'utf8'));
    for (const [kind, fields] of [
      ['filled', report.filled],
      ['changed', report.changed],
      ['unknown', report.unknown],
    ] as const)
      for (const field of fields) console.log(`${t(`cli.xliff.${kind}`)}: ${field}`);
    console.log(
      t('cli.xliff.imported', {
        filled: report.filled.length,
        changed: report.changed.length,
        unchanged: report.unchanged.length,
        unknown: report.unknown.length,
      }),
    );
    return report.unknown.length > 0 ? 1 : 0;
  }
  console.error(t('cli.xliff.usage'));
  return 2;
}
