import { config } from '../domain/config.ts';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { isLang, type Lang } from '../domain/language.ts';
import { withStore } from '../services/runtime.ts';
import { exportSosdataFiles, SOSDATA_FORMATS, type SosdataFormat } from '../services/sosdata-export.ts';
import { parseOptions } from './options.ts';

/** `seloste sosdata export [--format pdf|csv|json] [--lang fi|sv|en] [--out DIR] [ids…]` */
export async function runSosdata(args: string[], t: TFunction): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'export') {
    console.error(t('cli.sosdata.usage'));
    return 2;
  }
  const { values, positionals } = parseOptions(rest, { format: { type: 'string' }, out: { type: 'string' }, content: { type: 'string' } });
  const format = values.format ?? 'pdf';
  if (!(SOSDATA_FORMATS as readonly string[]).includes(format)) {
    console.error(t('cli.sosdata.badFormat', { format }));
    return 2;
  }
  const lang = values.lang ?? 'fi';
  if (!isLang(lang)) {
    console.error(t('cli.pdf.badLang', { lang }));
    return 2;
  }
  const result = await withStore((store) =>
    exportSosdataFiles(store, {
      contentDir: path.resolve(values.content ?? config().CONTENT_DIR),
      ids: positionals,
      format: format as SosdataFormat,
      lang: lang as Lang,
      outDir: path.resolve(values.out ?? 'sosdata'),
    }),
  );
  for (const id of result.unknownIds) console.error(t('cli.sosdata.unknown', { id }));
  for (const file of result.written) console.log(t('cli.sosdata.written', { file: path.relative(process.cwd(), file) }));
  return result.unknownIds.length > 0 ? 1 : 0;
}
