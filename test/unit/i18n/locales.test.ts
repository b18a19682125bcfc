import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../src/domain/access.ts';
import { AUDIT_ACTIONS } from '../../../src/domain/audit.ts';
import { LANGS } from '../../../src/domain/language.ts';
import { FORMAT_NAMES, NOTICE_FORMATS } from '../../../src/domain/notice-format.ts';
import { LOCALES } from '../../../src/i18n/index.ts';
import { ROOT } from '../../support/cli.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/u;
const baseKeys = (lang: (typeof LANGS)[number]) => new Set(Object.keys(LOCALES[lang]).map((key) => key.replace(PLURAL, '')));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : /\.(ts|astro)$/u.test(name) ? [file] : [];
  });
}

describe('UI strings', () => {
  it.each(['sv', 'en'] as const)('%s has exactly the keys Finnish has', (lang) => {
    expect([...baseKeys(lang)].sort()).toEqual([...baseKeys('fi')].sort());
  });

  it.each(LANGS)('%s has no empty string', (lang) => {
    const empty = Object.entries(LOCALES[lang]).filter(([, value]) => value.trim() === '');
    expect(empty).toEqual([]);
  });

  it('has every plural form each language needs', () => {
    for (const lang of LANGS) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const plurals = new Set(
        Object.keys(LOCALES[lang])
          .filter((key) => PLURAL.test(key))
          .map((key) => key.replace(PLURAL, '')),
      );
      for (const key of plurals)
        for (const category of categories) expect(LOCALES[lang], `${lang} ${key}_${category}`).toHaveProperty(`${key}_${category}`);
    }
  });

  it('has a string for every message key the code uses', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /['"`]((?:errors|cli|index|nav|notFound|site|severity|notice|page|catalogue|request|account|staff|login|deadline|audit|http)\.[A-Za-z.]+)['"`]/gu,
      ))
        used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    // Audit action codes, permissions and file names share these prefixes but are not message keys.
    const notKeys = new Set<string>([...AUDIT_ACTIONS, ...Object.keys(PERMISSIONS)]);
    const missing = [...used].filter((key) => !notKeys.has(key) && !/\.(jsonl?|ya?ml|ts)$/u.test(key) && !baseKeys('fi').has(key));
    expect(missing).toEqual([]);
  });

  it('gives every notice heading and format name in fi, sv and en', () => {
    for (const sections of Object.values(NOTICE_FORMATS)) {
      for (const section of sections) for (const lang of LANGS) expect(section.heading[lang], `${section.key} ${lang}`).toMatch(/\S/u);
    }
    for (const names of Object.values(FORMAT_NAMES)) for (const lang of LANGS) expect(names[lang]).toMatch(/\S/u);
  });
});
