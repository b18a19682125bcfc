import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TFunction } from 'i18next';
import type { Lang } from '../domain/language.ts';
import { SYSTEM_USER } from '../domain/register-version.ts';
import { systemActor } from '../domain/user.ts';
import { processingRecord, recordCsv } from '../services/processing-record.ts';
import { parseOptions } from './options.ts';

/**
 * `seloste record [--org ID] [--out FILE] [--content DIR] [--lang fi|sv|en]`: the Art 30 record of processing as CSV
 * (UTF-8 with BOM, `;`), of one organisation or of all; to standard output or a file. Internal fields are included.
 */
export async function runRecord(args: string[], t: TFunction, lang: Lang): Promise<number> {
  const { values } = parseOptions(args, { org: { type: 'string' }, out: { type: 'string' }, content: { type: 'string' } });
  if (values.content) process.env.CONTENT_DIR = path.resolve(values.content);
  const rows = await processingRecord(systemActor(SYSTEM_USER), lang, values.org);
  if (values.org && rows.length === 0) {
    console.error(t('workspace.cli.noRegisters', { organisation: values.org }));
    return 1;
  }
  const csv = recordCsv(rows, lang);
  if (values.out) {
    await writeFile(path.resolve(values.out), csv);
    console.error(t('workspace.cli.recordWritten', { count: rows.length, file: path.resolve(values.out) }));
  } else process.stdout.write(csv);
  return 0;
}
