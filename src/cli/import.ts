import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { isLang, type Lang } from '../domain/language.ts';
import { isRegisterFormat } from '../domain/register.ts';
import {
  describeImport,
  describeRefusal,
  ImportRefusal,
  IMPORT_LIMITS,
  importRegister,
  type SourceFile,
} from '../services/import-register.ts';
import { parseOptions } from './options.ts';

/**
 * `seloste import FILE… --org ID [--id ID] [--lang fi|sv|en[,…]] [--format F] [--dry-run] [--json] [--content DIR]`:
 * turns existing descriptions (PDF, Word, HTML, markdown, text) into one draft register and prints the report.
 */
export async function runImport(args: string[], t: TFunction, messageLang: Lang): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    org: { type: 'string' },
    id: { type: 'string' },
    format: { type: 'string' },
    content: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  try {
    // Here --lang gives the language of each file, in order (fi,sv); a single one also sets the language of the messages.
    const langs = values.lang?.split(',').map((lang) => lang.trim());
    if (langs && (langs.some((lang) => !isLang(lang)) || langs.length !== positionals.length)) {
      throw new ImportRefusal('badLanguage', { value: values.lang!, files: positionals.length });
    }
    if (values.format !== undefined && !isRegisterFormat(values.format)) throw new ImportRefusal('badFormat', { value: values.format });
    const outcome = await importRegister({
      files: await readFiles(positionals),
      organisation: values.org ?? '',
      id: values.id,
      langs: langs as Lang[] | undefined,
      format: values.format as Parameters<typeof importRegister>[0]['format'],
      dryRun: values['dry-run'],
      contentDir: path.resolve(values.content ?? process.env.CONTENT_DIR ?? 'content'),
    });
    if (values.json) {
      console.log(JSON.stringify({ file: outcome.file, register: outcome.register, report: outcome.report }, null, 2));
      return 0;
    }
    if (values['dry-run']) console.log(`${outcome.yaml}\n`);
    for (const line of describeImport(outcome.report, messageLang, t)) console.log(line);
    console.log('');
    console.log(outcome.file ? t('import.report.written', { file: outcome.file }) : t('import.report.dryRun', { file: outcome.target }));
    return 0;
  } catch (error) {
    if (!(error instanceof ImportRefusal)) throw error;
    console.error(describeRefusal(error, t));
    return 1;
  }
}

/** Reads the files, refusing one too large before reading it and naming one that does not exist. */
async function readFiles(names: string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const name of names) {
    const info = await stat(name).catch(() => undefined);
    if (!info?.isFile()) throw new ImportRefusal('notFound', { file: name });
    if (info.size > IMPORT_LIMITS.maxBytes) {
      throw new ImportRefusal('tooLarge', { file: path.basename(name), megabytes: Math.floor(IMPORT_LIMITS.maxBytes / 1024 / 1024) });
    }
    files.push({ name: path.basename(name), bytes: new Uint8Array(await readFile(name)) });
  }
  return files;
}
