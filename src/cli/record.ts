import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TFunction } from 'i18next';
import type { Lang } from '../domain/language.ts';
import { SYSTEM_USER } from '../domain/register-version.ts';
import { systemActor } from '../domain/user.ts';
import { processingRecord, recordCsv, recordPdf } from '../services/processing-record.ts';
import { parseOptions } from './options.ts';

/**
 * `seloste record [--org ID] [--format csv|pdf] [--out FILE] [--content DIR] [--lang fi|sv|en]`: the Art 30 record of
 * processing as CSV (UTF-8 with BOM, `;`) or as a tagged PDF, of one organisation or of all; to standard output or a
 * file. Internal fields are included.
 */
export async function runRecord(args: string[], t: TFunction, lang: Lang): Promise<number> {
  const { values } = parseOptions(args, {
    org: { type: 'string' },
    out: { type: 'string' },
    content: { type: 'string' },
    format: { type: 'string' },
  });
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'pdf') {
    console.error(t('workspace.cli.badRecordFormat', { value: format }));
    return 2;
  }
  if (values.content) process.env.CONTENT_DIR = path.resolve(values.content);
  const rows = await processingRecord(systemActor(SYSTEM_USER), lang, values.org);
  if (values.org && rows.length === 0) {
    console.error(t('workspace.cli.noRegisters', { organisation: values.org }));
    return 1;
  }
  const file = format === 'pdf' ? await recordPdf(rows, lang, values.org) : recordCsv(rows, lang);
  if (values.out) {
    await writeFile(path.resolve(values.out), file);
    console.error(t('workspace.cli.recordWritten', { count: rows.length, file: path.resolve(values.out) }));
  } else process.stdout.write(file);
  return 0;
}
