import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Register } from '../../domain/register.ts';
import { ImportRefusal } from './errors.ts';
import type { ImportReport } from './report.ts';

/** The draft as a content file: the schema line, a note on where it came from, and the register as YAML. */
export function draftYaml(register: Register, report: ImportReport, today: string): string {
  const sources = report.files.map((file) => `${file.name} (${file.lang})`).join(', ');
  const header = [
    '# yaml-language-server: $schema=../schema/register.schema.json',
    `# Imported by seloste import on ${today} from ${sources}.`,
    '# A draft: check every field against the source, move each piece under `unplaced` to its field (or delete it),',
    '# then run seloste check. The import never publishes.',
  ];
  return `${header.join('\n')}\n${stringify(register, { lineWidth: 0, version: '1.2' })}`;
}

/**
 * Writes content/registers/<id>.yaml whole or not at all, and never over an existing file: the text goes to a
 * temporary file first and is linked into place, which fails if a register of that id appeared meanwhile.
 */
export async function writeDraft(contentDir: string, id: string, yaml: string): Promise<string> {
  const dir = path.join(contentDir, 'registers');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${id}.yaml`);
  const temporary = path.join(dir, `.${id}.${process.pid}.${Date.now()}.tmp`);
  await writeFile(temporary, yaml, { flush: true });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ImportRefusal('idTaken', { id });
    throw error;
  } finally {
    await unlink(temporary);
  }
  return file;
}
