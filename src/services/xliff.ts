import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import xliff from 'xliff';
import { loadContent } from '../content/load.ts';
import { formatPath } from '../domain/catalogue-rules.ts';
import { ID_PATTERN } from '../domain/contact.ts';
import { LANG_TAGS, LANGS, type Lang } from '../domain/language.ts';
import { collectLocalizedTexts } from '../domain/localized-text.ts';

/** What an export holds: per register, the units (texts) that lack the target language. */
export interface XliffExport {
  xml: string;
  units: number;
  registers: string[];
  /** Texts that lack the target language but have no source-language text to translate from. */
  withoutSource: string[];
}

/**
 * Texts that the given registers (all when none are given) lack in `target`, as XLIFF 2.0 with the source-language
 * text: one `<file>` per register, one `<unit>` per field, its id the field's path (`purposes.description`). This is
 * what a translation agency takes in and gives back.
 */
export async function exportXliff(contentDir: string, target: Lang, source: Lang, ids: string[] = []): Promise<XliffExport> {
  const content = await loadContent(contentDir);
  const resources: Record<string, Record<string, { source: string }>> = {};
  const withoutSource: string[] = [];
  let units = 0;
  for (const { register } of content.registers.values()) {
    if (ids.length > 0 && !ids.includes(register.id)) continue;
    // The internal record is never published, so it is never sent for translation.
    const { record: _record, ...published } = register;
    for (const { path: fieldPath, text } of collectLocalizedTexts(published)) {
      if (text[target] !== undefined) continue;
      const id = formatPath(fieldPath);
      const original = text[source];
      if (original === undefined) {
        withoutSource.push(`${register.id}: ${id}`);
        continue;
      }
      (resources[register.id] ??= {})[id] = { source: original };
      units++;
    }
  }
  const xml = await xliff.js2xliff({ sourceLanguage: LANG_TAGS[source], targetLanguage: LANG_TAGS[target], resources });
  return { xml, units, registers: Object.keys(resources), withoutSource };
}

/** What an import did: texts filled where the language was missing, texts changed, and units it could not place. */
export interface XliffImportReport {
  lang: Lang;
  filled: string[];
  changed: string[];
  unchanged: string[];
  unknown: string[];
}

/** `purposes.items[2].fi` back into YAML path segments. */
function parsePath(id: string): (string | number)[] {
  return [...id.matchAll(/([^.[\]]+)|\[(\d+)\]/gu)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]!));
}

/**
 * Puts translated targets back into the registers' working copies in `contentDir`, through the YAML document so that
 * comments and layout stay. A unit whose register or field does not exist (or is not a localized text) is reported
 * as unknown and left alone; nothing is written for a register with nothing to change.
 */
export async function importXliff(contentDir: string, xml: string): Promise<XliffImportReport> {
  const js = await xliff.xliff2js(xml);
  const lang = LANGS.find((candidate) => LANG_TAGS[candidate] === js.targetLanguage || candidate === js.targetLanguage);
  if (!lang) throw new Error(`Unknown target language ${js.targetLanguage}`);
  const report: XliffImportReport = { lang, filled: [], changed: [], unchanged: [], unknown: [] };
  for (const [id, units] of Object.entries(js.resources)) {
    const file = path.join(contentDir, 'registers', `${id}.yaml`);
    const text = ID_PATTERN.test(id) ? await readFile(file, 'utf8').catch(() => undefined) : undefined;
    if (text === undefined) {
      report.unknown.push(...Object.keys(units).map((unit) => `${id}: ${unit}`));
      continue;
    }
    const doc = parseDocument(text);
    let dirty = false;
    for (const [unit, { target }] of Object.entries(units)) {
      const name = `${id}: ${unit}`;
      if (!target?.trim()) continue;
      const fieldPath = parsePath(unit);
      const node = doc.getIn(fieldPath, true);
      if (
        !isMap(node) ||
        !node.items.every((pair) => LANGS.includes(String((pair.key as { value?: unknown })?.value ?? pair.key) as Lang))
      ) {
        report.unknown.push(name);
        continue;
      }
      const current = doc.getIn([...fieldPath, lang]);
      if (current === target) {
        report.unchanged.push(name);
        continue;
      }
      doc.setIn([...fieldPath, lang], target);
      (current === undefined ? report.filled : report.changed).push(name);
      dirty = true;
    }
    if (dirty) await writeFile(file, doc.toString());
  }
  return report;
}
