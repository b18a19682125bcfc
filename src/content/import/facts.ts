import { isRealIsoDate } from '../../domain/date.ts';
import type { Lang } from '../../domain/language.ts';
import { ARTICLE_6_BASES } from '../../domain/register.ts';
import { containsPhrase, vocabulary } from './vocabulary.ts';

/** A date found in text, as YYYY-MM-DD, with where it stood. */
export interface FoundDate {
  iso: string;
  index: number;
  end: number;
}

const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ['tammikuuta', 'januari', 'january'],
    ['helmikuuta', 'februari', 'february'],
    ['maaliskuuta', 'mars', 'march'],
    ['huhtikuuta', 'april', 'april'],
    ['toukokuuta', 'maj', 'may'],
    ['kesäkuuta', 'juni', 'june'],
    ['heinäkuuta', 'juli', 'july'],
    ['elokuuta', 'augusti', 'august'],
    ['syyskuuta', 'september', 'september'],
    ['lokakuuta', 'oktober', 'october'],
    ['marraskuuta', 'november', 'november'],
    ['joulukuuta', 'december', 'december'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1])),
);
const MONTH_NAMES = Object.keys(MONTHS).join('|');
const DATE_PATTERNS: { regex: RegExp; parts: (match: RegExpExecArray) => [number, number, number] }[] = [
  { regex: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/gu, parts: (m) => [Number(m[3]), Number(m[2]), Number(m[1])] },
  { regex: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu, parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    regex: new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s+(${MONTH_NAMES})\\s+(\\d{4})(?!\\d)`, 'giu'),
    parts: (m) => [Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])],
  },
  {
    regex: new RegExp(`\\b(${MONTH_NAMES})\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)`, 'giu'),
    parts: (m) => [Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2])],
  },
];

/** Dates written 31.1.2019, 2019-01-31, 31 January 2019, 31. tammikuuta 2019 or January 31, 2019. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { regex, parts } of DATE_PATTERNS) {
    for (const match of text.matchAll(regex)) {
      const [year, month, day] = parts(match);
      const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (isRealIsoDate(iso)) found.push({ iso, index: match.index, end: match.index + match[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Sentences of a paragraph: split after . ! ? before a capital letter, a digit or a quote. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d"“(])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

const ARTICLE = /(?:(?<![\p{L}\d])(?:artikla[n]?|artikel[n]?|article|art\.?)\s*6\b|(?<![\d.])6\s*(?:artikla[n]?|art\.?)(?![\p{L}]))/giu;
const CONNECTORS = new Set([
  'ja',
  'och',
  'and',
  'sekä',
  'tai',
  'eller',
  'or',
  'alakohta',
  'alakohdan',
  'alakohdat',
  'kohta',
  'kohdan',
  'underpunkt',
  'punkt',
  'point',
  'points',
  'subparagraph',
  'letter',
  'letters',
  'led',
  'mom',
  'momentin',
  'kohdat',
]);

/**
 * GDPR Art 6(1) letters cited in a text: "6 artiklan 1 kohdan e alakohta", "artikel 6, punkt 1, underpunkt c och e",
 * "Article 6(1)(e)", "6 artikla, 1 a-kohta", "Article 6.1 a and c".
 */
export function article6Letters(text: string): (typeof ARTICLE_6_BASES)[number][] {
  const letters = new Set<string>();
  for (const match of text.matchAll(ARTICLE)) {
    const tail = text
      .slice(match.index + match[0].length, match.index + match[0].length + 80)
      .replace(/^[\s,.:(]*(?:\(?1\)?|1\.)?/u, ' ')
      .replace(/([a-f])-(?:kohta|kohdan|kohdat|alakohta)/giu, '$1');
    for (const token of tail
      .split(/[\s,()]+/u)
      .map((raw) => raw.replace(/[.:;]+$/u, ''))
      .filter(Boolean)) {
      const letter = /^(?:1)?([a-f])$/iu.exec(token)?.[1]?.toLowerCase();
      if (letter) letters.add(letter);
      else if (!CONNECTORS.has(token.toLowerCase()) && !/^\d$/u.test(token)) break;
    }
  }
  return ARTICLE_6_BASES.filter((letter) => letters.has(letter));
}

/** Art 6(1) letters a description states in words ("yleisen edun mukainen tehtävä"), when it cites no article. */
export function article6FromWords(text: string, lang: Lang): (typeof ARTICLE_6_BASES)[number][] {
  const words = vocabulary().languages[lang].keywords.article6;
  return ARTICLE_6_BASES.filter((letter) => containsPhrase(text, words[letter] ?? []));
}

/**
 * The birth days whose clients' records are kept permanently ("8, 18 ja 28 päivinä syntyneet"), with the sentence
 * that says so, or undefined.
 */
export function permanentBirthDays(text: string, lang: Lang): { days: number[]; sentence: string } | undefined {
  const words = vocabulary().languages[lang].keywords.permanentBirthDays;
  for (const sentence of sentences(text)) {
    const days = /(?<!\d)(\d{1,2})\.?\s*,\s*(\d{1,2})\.?\s*(?:,|ja|och|and)\s*(\d{1,2})\.?(?!\d)/u.exec(sentence);
    if (!days || !containsPhrase(sentence, words)) continue;
    const numbers = [days[1], days[2], days[3]].map(Number);
    if (numbers.every((day) => day >= 1 && day <= 31)) return { days: numbers, sentence };
  }
  return undefined;
}

/** Splits a list at the given separator characters where they stand outside parentheses, trimming each entry. */
export function splitOutsideParentheses(text: string, separators: ReadonlySet<string>): string[] {
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (separators.has(char) && (depth === 0 || char === '\n')) {
      entries.push(current.trim());
      current = '';
    } else current += char;
  }
  entries.push(current.trim());
  return entries.filter((entry) => entry.length > 0);
}
