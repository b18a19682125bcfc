import { config } from '../domain/config.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { jsonSchemas } from '../services/json-schema.ts';
import { parseOptions } from './options.ts';

/** `seloste schema [--check]`: writes content/schema/*.json, or with --check exits 1 when they are stale. */
export async function runSchema(args: string[], t: TFunction): Promise<number> {
  const { values } = parseOptions(args, { check: { type: 'boolean' }, out: { type: 'string' } });
  const outDir = path.resolve(values.out ?? path.join(config().CONTENT_DIR, 'schema'));
  let stale = 0;
  for (const [name, text] of Object.entries(jsonSchemas())) {
    const file = path.join(outDir, name);
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (values.check) {
      if (current !== text) {
        console.error(t('cli.schema.stale', { file: path.relative(process.cwd(), file) }));
        stale++;
      }
      continue;
    }
    await mkdir(outDir, { recursive: true });
    if (current !== text) await writeFile(file, text);
    console.log(t('cli.schema.written', { file: path.relative(process.cwd(), file) }));
  }
  if (values.check && stale === 0) console.log(t('cli.schema.fresh'));
  return stale > 0 ? 1 : 0;
}
