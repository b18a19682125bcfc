import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../domain/language.ts';

/** Where long texts live: the standard notice texts and the fixed pages, one markdown file per language. */
export function templatesDir(): string {
  return path.resolve(process.env.TEMPLATES_DIR ?? 'templates');
}

export const TEMPLATE_NAMES = ['notice/rights', 'notice/complaint', 'pages/accessibility', 'pages/your-data'] as const;
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
