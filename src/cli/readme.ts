import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { readmeReference } from '../services/readme-reference.ts';
import { parseOptions } from './options.ts';

/** `seloste readme [--check]`: rewrites the README's generated blocks from the model, or tells whether they are current. */
export async function runReadme(args: string[], t: TFunction): Promise<number> {
  const { values } = parseOptions(args, { check: { type: 'boolean' }, file: { type: 'string' } });
  const file = path.resolve(values.file ?? 'README.md');
  const current = await readFile(file, 'utf8');
  const next = await readmeReference(current);
  if (values.check) {
    if (next !== current) {
      console.error(t('cli.readme.stale', { file: path.relative(process.cwd(), file) }));
      return 1;
    }
    console.log(t('cli.readme.fresh'));
    return 0;
  }
  if (next !== current) await writeFile(file, next);
  console.log(t('cli.readme.written', { file: path.relative(process.cwd(), file) }));
  return 0;
}
