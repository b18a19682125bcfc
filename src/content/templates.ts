import type * as z from 'zod';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../domain/language.ts';
import { config } from '../domain/config.ts';

/** Where long texts live: the standard notice texts and the fixed pages, one markdown file per language. */
export function templatesDir(): string {
  return path.resolve(config().TEMPLATES_DIR);
}

export const TEMPLATE_NAMES = [
  'notice/rights',
  'notice/complaint',
  'pages/accessibility',
  'pages/your-data',
  'letters/acknowledgement',
  'letters/extension',
  'letters/decision',
  'letters/appeal',
  'letters/complaint',
  'letters/data-request',
  'letters/data-reminder',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

const cache = new Map<string, Promise<string>>();

/**
 * A template's text in one language, read once per process: templates change with a release, not at run time.
 * `{{name}}` placeholders are filled from `values`.
 */
export async function readTemplate(name: TemplateName, lang: Lang, values: Record<string, string> = {}): Promise<string> {
  const file = path.join(templatesDir(), `${name}.${lang}.md`);
  let text = cache.get(file);
  if (!text) cache.set(file, (text = readFile(file, 'utf8')));
  return (await text).replace(/\{\{(\w+)\}\}/gu, (whole, key: string) => values[key] ?? whole).trim();
}

const jsonCache = new Map<string, Promise<unknown>>();

/**
 * A JSON template (templates/<name>.json), parsed and validated once per process. A broken template fails with
 * a message that names the file and the field.
 */
export async function readJsonTemplate<T>(name: string, schema: z.ZodType<T>): Promise<T> {
  const file = path.join(templatesDir(), `${name}.json`);
  let parsed = jsonCache.get(file);
  if (!parsed) {
    parsed = readFile(file, 'utf8').then((text) => {
      const result = schema.safeParse(JSON.parse(text));
      if (!result.success) {
        const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
        throw new Error(`${path.relative(process.cwd(), file)}: ${problems}`);
      }
      return result.data;
    });
    jsonCache.set(file, parsed);
  }
  return (await parsed) as T;
}
