// Measures of an import, independent of how the importer works: which sections of a hand-modelled register the
// imported draft has in the same field, and whether every word of the source is somewhere in the draft.
import { LANGS } from '../../src/domain/language.ts';
import type { Register } from '../../src/domain/register.ts';
import { vocabulary } from '../../src/content/import/vocabulary.ts';
import type { ImportReport } from '../../src/services/import-register.ts';

const IDENTITY = new Set(['id', 'format', 'status', 'example', 'organisation', 'languages', 'version', 'visibility', 'record', 'unplaced']);
/** The document's framing (its label, headings, notes on its versions): how it is presented, not one of its sections. */
const FRAMING = new Set(['documentLabel', 'headings', 'versionNotes']);
/** Fields whose parts are sections of their own in the source (the system part, the rights part). */
const SPLIT = new Set(['informationSystem', 'rights']);

/**
 * Canonical words of a text: lower case; e-mail addresses written with "(a)" as with "@"; a statute citation
 * n/yyyy (or yyyy/n, or an EU act's CELEX number) as one word "n_yyyy"; a date d.m.yyyy as yyyy-mm-dd.
 */
export function words(text: string): string[] {
  const canonical = text
    .toLowerCase()
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&nbsp;/gu, ' ')
    .replace(/\\([()[\]])/gu, '$1')
    .replace(/\s?\(a\)\s?/gu, '@')
    .replace(/celex:3(\d{4})[rl](\d{4})/gu, (_, year: string, number: string) => ` ${Number(number)}_${year} `)
    .replace(/(?<![\d/.])(\d{1,4})\s?\/\s?(\d{1,4})(?![\d/])/gu, (_, a: string, b: string) => {
      const [x, y] = [Number(a), Number(b)];
      return ` ${Math.min(x, y)}_${Math.max(x, y)} `;
    })
    .replace(
      /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/gu,
      (_, d: string, m: string, y: string) => ` ${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')} `,
    );
  return (
    canonical
      .match(/[\p{L}\p{N}@_-]+/gu)
      ?.map((word) => word.replace(/^-+|-+$/gu, ''))
      .filter((word) => word.length > 0) ?? []
  );
}

/** Every string in a value (texts in every language, references, ids, dates, numbers), for the word count. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const count = (list: string[]) => list.reduce((map, word) => map.set(word, (map.get(word) ?? 0) + 1), new Map<string, number>());

/**
 * The sentences of a seed document: split at line breaks, tabs and sentence ends, without the list numbering
 * ("1. Uppgifter …", "2. Personuppgiftsansvarig"), which is structure; only those with a word in them.
 */
export function sourceSentences(source: string): string[] {
  return source
    .replace(/(^|\s)\d{1,2}[.)](?=\s+\p{Lu})/gmu, '$1')
    .split(/\n|\t|(?<=[.!?])\s+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => words(sentence).length > 0);
}

/**
 * The sentences of the source some word of which is not in the draft, counting every occurrence: the register's
 * text, plus what the report accounts for (headings, text dropped as page furniture, values converted into a
 * field), and not counting labels such as "puh" that only introduce a value.
 */
export function lostSentences(source: string, register: Register, report: ImportReport): { sentences: number; lost: string[] } {
  const held = count([
    ...strings(register).flatMap(words),
    ...report.sections.flatMap((section) => words(section.heading ?? '')),
    ...report.dropped.flatMap((dropped) => Array.from({ length: dropped.count }, () => words(dropped.text)).flat()),
    ...report.conversions
      .filter((conversion) => strings(register).some((text) => text.includes(conversion.to)))
      .flatMap((conversion) => words(conversion.from)),
  ]);
  // Labels ("puh", "Osoite") introduce a value, and connectors join two people in one sentence: both are structure.
  const { languages } = vocabulary();
  const labels = new Set(
    LANGS.flatMap((lang) => [...Object.values(languages[lang].labels).flat(), ...languages[lang].people.connectors]).flatMap(words),
  );
  const sentences = sourceSentences(source);
  const budget = new Map(held);
  const lost = sentences.filter((sentence) => {
    let missing = false;
    for (const word of words(sentence)) {
      const left = budget.get(word) ?? 0;
      if (left > 0) budget.set(word, left - 1);
      else if (!labels.has(word)) missing = true;
    }
    return missing;
  });
  return { sentences: sentences.length, lost };
}

/** The sections of a hand-modelled register: its fields, with the system and rights parts field by field. */
export function sectionsOf(register: Register): string[] {
  return Object.entries(register).flatMap(([key, value]) => {
    if (IDENTITY.has(key) || FRAMING.has(key)) return [];
    if (SPLIT.has(key)) return Object.keys(value as object).map((sub) => `${key}.${sub}`);
    return [key];
  });
}

function valueAt(register: Register, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], register);
}

/**
 * The share of the hand-modelled sections whose content the draft has in the same field: at least 90% of the words
 * of the hand-modelled field are in the imported field (typos of the source are kept by both).
 */
export function sectionAccuracy(hand: Register, imported: Register): { share: number; sections: { field: string; recall: number }[] } {
  const sections = sectionsOf(hand).map((field) => {
    const expected = new Set(strings(valueAt(hand, field)).flatMap(words));
    const actual = new Set(strings(valueAt(imported, field)).flatMap(words));
    const found = [...expected].filter((word) => actual.has(word)).length;
    return { field, recall: expected.size === 0 ? 1 : found / expected.size };
  });
  return { share: sections.filter((section) => section.recall >= 0.9).length / sections.length, sections };
}
