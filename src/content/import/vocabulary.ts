import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as z from 'zod';
import { LANGS, type Lang } from '../../domain/language.ts';
import { ARTICLE_6_BASES, CLIENT_SYSTEMS, SPECIAL_CATEGORIES, UPDATE_FREQUENCIES } from '../../domain/register.ts';
import { parseStatute } from '../../domain/statute.ts';
import { SECTION_KINDS, type SectionKind } from './section-kinds.ts';

const phrases = z.array(z.string().trim().min(1));
const LABEL_KINDS = ['name', 'title', 'unit', 'postalAddress', 'visitingAddress', 'phone', 'email', 'businessId', 'other'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

const KEYWORD_KINDS = [
  'legalBasis',
  'legislation',
  'technicalInterface',
  'subRegister',
  'confidential',
  'partlyConfidential',
  'public',
  'transferNone',
  'transferSome',
  'automatedNone',
  'automatedSome',
  'permanentBirthDays',
  'gdpr',
] as const;
export type KeywordKind = (typeof KEYWORD_KINDS)[number];

/** One language's words: headings per section kind, contact labels, value words and keywords (vocabulary/<lang>.yaml). */
const languageVocabularySchema = z.strictObject({
  headings: z.partialRecord(z.enum(SECTION_KINDS), phrases),
  labels: z.strictObject(Object.fromEntries(LABEL_KINDS.map((kind) => [kind, phrases])) as Record<LabelKind, typeof phrases>),
  values: z.strictObject({
    yes: phrases,
    no: phrases,
    none: phrases,
    since: phrases,
    updateFrequency: z.partialRecord(z.enum(UPDATE_FREQUENCIES), phrases),
  }),
  keywords: z.strictObject({
    ...(Object.fromEntries(KEYWORD_KINDS.map((kind) => [kind, phrases])) as Record<KeywordKind, typeof phrases>),
    frequency: z.partialRecord(z.enum(UPDATE_FREQUENCIES), phrases),
    article6: z.partialRecord(z.enum(ARTICLE_6_BASES), phrases),
    specialCategories: z.partialRecord(z.enum(SPECIAL_CATEGORIES), phrases),
  }),
  /** Word beginnings that tell a kind of section from an unlisted heading: every word of a line must be there. */
  cues: z.partialRecord(z.enum(SECTION_KINDS), phrases),
  people: z.strictObject({ posts: phrases, units: phrases, connectors: phrases }),
  words: phrases,
  stopwords: phrases,
});
export type LanguageVocabulary = z.infer<typeof languageVocabularySchema>;

/** Acts by name (vocabulary/acts.yaml): a citation such as 1050/2018 and the names that cite it. */
const actsSchema = z.record(
  z.string().refine((ref) => parseStatute(ref) !== undefined, { error: 'not a statute citation' }),
  phrases,
);

const systemsSchema = z.strictObject({
  products: z.partialRecord(z.enum(CLIENT_SYSTEMS), phrases),
  vendors: phrases,
});

/** A heading variant ready for comparison: its kind, language and normalised words. */
export interface HeadingPhrase {
  kind: SectionKind;
  lang: Lang;
  text: string;
  normalized: string;
  words: string[];
}

export interface Vocabulary {
  languages: Record<Lang, LanguageVocabulary>;
  systems: z.infer<typeof systemsSchema>;
  acts: z.infer<typeof actsSchema>;
  headings: HeadingPhrase[];
  /** Words ignored in heading comparisons, in any language. */
  stopwords: ReadonlySet<string>;
}

function readYaml(name: string): unknown {
  return parse(readFileSync(new URL(`./vocabulary/${name}`, import.meta.url), 'utf8'));
}

let loaded: Vocabulary | undefined;

/** The vocabularies in vocabulary/*.yaml, validated once; a broken file is a programming error and throws with its path. */
export function vocabulary(): Vocabulary {
  if (loaded) return loaded;
  const languages = {} as Record<Lang, LanguageVocabulary>;
  for (const lang of LANGS) {
    const result = languageVocabularySchema.safeParse(readYaml(`${lang}.yaml`));
    if (!result.success) throw new Error(`vocabulary/${lang}.yaml: ${z.prettifyError(result.error)}`);
    languages[lang] = result.data;
  }
  const stopwords = new Set(LANGS.flatMap((lang) => languages[lang].stopwords.map((word) => word.toLocaleLowerCase('fi'))));
  const headings = LANGS.flatMap((lang) =>
    Object.entries(languages[lang].headings).flatMap(([kind, list]) =>
      (list ?? []).map((text) => {
        const normalized = normalizeHeading(text);
        return { kind: kind as SectionKind, lang, text, normalized, words: headingWords(normalized, stopwords) };
      }),
    ),
  );
  const systems = systemsSchema.parse(readYaml('systems.yaml'));
  loaded = { languages, systems, acts: actsSchema.parse(readYaml('acts.yaml')), headings, stopwords };
  return loaded;
}

/** Numbering in front of a heading: "5.", "5)", "5.1", "A)", "IV.", a lone "A " before a capital, "§ 5". */
const NUMBERING = /^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[A-Za-z][.)]|[IVX]{1,4}[.)]|§\s*\d{1,2}|[A-H](?=\s+\p{Lu}))\s+)+/u;

/** The number a heading starts with, if it has one ("5." gives 5). */
export function headingNumber(text: string): number | undefined {
  const match = /^\s*(\d{1,2})(?:[.)]|\s)/u.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A heading without numbering, markup, case and final punctuation, for comparison. */
export function normalizeHeading(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[*_#]+/gu, ' ')
    .replace(/^\s*[-–—•·▪◦]\s+/u, '')
    .replace(NUMBERING, '')
    .toLocaleLowerCase('fi')
    .replace(/[\s:?.!;,]+$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The words of a normalised heading that carry meaning. */
export function headingWords(normalized: string, stopwords: ReadonlySet<string>): string[] {
  return normalized.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0 && !stopwords.has(word));
}

/**
 * Whether two words are forms of the same word: they share a stem and differ only in an ending of up to five
 * letters, as inflection does ("tietolähteet", "tietolähteistä"), but a compound does not ("rekisterin",
 * "rekisterinpitäjä").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const shorter = Math.min(a.length, b.length);
  return common >= Math.max(3, Math.ceil(0.6 * shorter)) && a.length - common <= 5 && b.length - common <= 5;
}

/** Whether a text contains one of the phrases, as whole words and without case. */
export function containsPhrase(text: string, list: readonly string[]): boolean {
  return list.some((phrase) => phraseRegExp(phrase).test(text));
}

const phraseCache = new Map<string, RegExp>();

/** A phrase as a case-insensitive regular expression that matches at word starts; a phrase may be the start of a longer word. */
export function phraseRegExp(phrase: string): RegExp {
  let regex = phraseCache.get(phrase);
  if (!regex) {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+');
    regex = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, 'iu');
    phraseCache.set(phrase, regex);
  }
  return regex;
}
