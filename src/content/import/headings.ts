import type { Lang } from '../../domain/language.ts';
import { LANGS } from '../../domain/language.ts';
import type { SectionKind } from './section-kinds.ts';
import { headingWords, normalizeHeading, sameWord, vocabulary, type HeadingPhrase } from './vocabulary.ts';

export interface HeadingMatch {
  kind: SectionKind;
  lang: Lang;
  /** The vocabulary line that matched. */
  phrase: string;
  /** 0–3: 3 for an exact match, otherwise recall plus precision of the words. */
  score: number;
}

/** Longest text that can be a heading; longer blocks are prose. */
export const MAX_HEADING_CHARS = 160;
const MAX_HEADING_WORDS = 16;

/**
 * The section kind a heading names, by the heading vocabularies of every language. Every word of a vocabulary
 * line must be found in the heading, and most words of the heading must belong to the line, so that a heading
 * with a few extra words still matches but a sentence that merely mentions a topic does not.
 */
export function matchHeading(text: string, preferred?: Lang): HeadingMatch | undefined {
  if (text.length > MAX_HEADING_CHARS) return undefined;
  const { headings, stopwords } = vocabulary();
  const normalized = normalizeHeading(text);
  if (normalized.length === 0) return undefined;
  const words = headingWords(normalized, stopwords);
  if (words.length === 0 || words.length > MAX_HEADING_WORDS) return undefined;
  let best: HeadingMatch | undefined;
  for (const phrase of headings) {
    const score = scorePhrase(normalized, words, phrase);
    if (score === 0) continue;
    const better =
      !best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && phrase.lang === preferred && best.lang !== preferred);
    if (better) best = { kind: phrase.kind, lang: phrase.lang, phrase: phrase.text, score };
  }
  return best;
}

function scorePhrase(normalized: string, words: string[], phrase: HeadingPhrase): number {
  if (normalized === phrase.normalized) return 3;
  if (phrase.words.length === 0) return 0;
  const used = new Set<number>();
  let matched = 0;
  for (const word of phrase.words) {
    const index = words.findIndex((candidate, i) => !used.has(i) && sameWord(candidate, word));
    if (index >= 0) {
      used.add(index);
      matched++;
    }
  }
  const recall = matched / phrase.words.length;
  const precision = matched / words.length;
  const accepted = (recall === 1 && precision >= 0.6) || (phrase.words.length >= 4 && recall >= 0.75 && precision >= 0.75);
  // A longer vocabulary line that matches is more specific than a shorter one.
  return accepted ? recall + precision + phrase.words.length / 100 : 0;
}

/**
 * A heading at the start of a line followed by its value: "Rekisterinpitäjä : Siuntion perusturvalautakunta" or
 * "Registrets namn<TAB>Klientregister …". Returns the heading, its match and the value.
 */
export function splitInlineHeading(text: string, preferred?: Lang): { heading: string; value: string; match: HeadingMatch } | undefined {
  const separator = /\s*(?:\t+|\s:\s|:\s+)/u.exec(text);
  if (!separator || separator.index === 0) return undefined;
  const heading = text.slice(0, separator.index).trim();
  if (heading.length > 90 || /[.!?]$/u.test(heading)) return undefined;
  const match = matchHeading(heading, preferred);
  if (!match || match.score < 1.75) return undefined;
  return { heading, value: text.slice(separator.index + separator[0].length).trim(), match };
}

const cueWords = (text: string) =>
  text
    .toLocaleLowerCase('fi')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The kind of section an unlisted heading names, by its cue words (vocabulary `cues`): "Mihin tarkoitukseen tietoja
 * kerätään?" has "tarkoitu…", so it is about the purpose. Each cue line whose word beginnings are all in the heading
 * counts as long as its longest word, the longest evidence wins, and a tie is no answer, except that disclosures
 * and transfers together are the section on both.
 */
export function classifyByCues(text: string, lang: Lang): SectionKind | undefined {
  const words = cueWords(normalizeHeading(text));
  const { languages } = vocabulary();
  const scores = new Map<SectionKind, number>();
  for (const candidate of [lang, ...LANGS.filter((other) => other !== lang)]) {
    for (const [kind, cues] of Object.entries(languages[candidate].cues) as [SectionKind, string[]][]) {
      for (const cue of cues) {
        const parts = cueWords(cue);
        if (parts.every((part) => words.some((word) => word.startsWith(part)))) {
          // A cue weighs as its most telling word: "what data" is not more specific than "purpose".
          scores.set(kind, Math.max(scores.get(kind) ?? 0, ...parts.map((part) => part.length)));
        }
      }
    }
    if (scores.size > 0) break;
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return undefined;
  if (second && second[1] === first[1]) {
    const pair = new Set([first[0], second[0]]);
    return pair.has('disclosures') && pair.has('transfers') ? 'disclosuresAndTransfers' : undefined;
  }
  if (first[0] === 'disclosures' && scores.has('transfers')) return 'disclosuresAndTransfers';
  return first[0];
}
