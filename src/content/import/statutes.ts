import { formatStatute, parseStatute } from '../../domain/statute.ts';
import { splitOutsideParentheses } from './facts.ts';
import { containsPhrase, vocabulary } from './vocabulary.ts';

/** A statute citation found in text, canonical (`812/2000 20 § 1 mom.`), with where it stood. */
export interface FoundStatute {
  ref: string;
  index: number;
  end: number;
}

const GDPR = 'CELEX:32016R0679';
const NUMBER_YEAR = /(?<![\d/.])(\d{1,4})\s?\/\s?(\d{1,4})(?![\d/])/gu;
const SECTION =
  /^\)?\s*,?\s*(?:(\d{1,3}(?:\s?[a-z])?)\s*§(?::\s?[a-zäö]+)?(?:\s*(\d{1,2})\s*(?:mom\.?|momentin|momentti|moment|kohdan?|mom))?)/u;
const MORE_SECTIONS =
  /^\s*(?:ja|och|and|sekä|,)\s*(\d{1,3}(?:\s?[a-z])?)\s*§(?::\s?[a-zäö]+)?(?:\s*(\d{1,2})\s*(?:mom\.?|momentin|moment))?/u;
/** Words that make "n/yyyy" in running text a statute and not, say, a month: an act, a decree, a section sign. */
const LAW_CONTEXT =
  /(?:laki|lain|lais|lakia|asetu|lag\b|lagen|lagens|förordning|act\b|decree|regulation|direktiiv|direktiv|directive|§|säädö|statut)/iu;
const EU_CONTEXT =
  /(?:\(EU\)|\(EY\)|\(EG\)|\(EC\)|\bEU:n\b|\bEU:s\b|\bEU\b|\bEY\b|tietosuoja-asetu|dataskyddsförordning|data protection regulation|gdpr|direktiivi|direktiv|directive)/iu;

const plausibleYear = (year: number) => year >= 1734 && year <= new Date().getUTCFullYear() + 1;

/**
 * The number and year of "a/b", as Finnish citations write it (621/1999) or as some documents reverse it
 * (1997/1412): the year is the part that can be one. An EU act (2016/679, or 679/2016 next to "tietosuoja-asetus")
 * becomes its CELEX number.
 */
function interpret(a: number, b: number, context: string): string | undefined {
  if (EU_CONTEXT.test(context) && ((plausibleYear(a) && a >= 1990) || (plausibleYear(b) && b >= 1990))) {
    const [year, number] = plausibleYear(a) && a >= 1990 && !(plausibleYear(b) && b > a) ? [a, b] : [b, a];
    const kind = /direktiiv|direktiv|directive/iu.test(context) ? 'L' : 'R';
    return `CELEX:3${year}${kind}${String(number).padStart(4, '0')}`;
  }
  const asWritten = plausibleYear(b) && (!plausibleYear(a) || b > a);
  const [number, year] = asWritten ? [a, b] : [b, a];
  if (!plausibleYear(year) || number < 1) return undefined;
  return `${number}/${year}`;
}

/**
 * Statute citations in a text. In a list of acts (`list`) every "n/yyyy" is one; in running text only where a
 * word for an act or a section sign is near. A citation takes its sections ("24 §", "20 §:n 1 momentin ja 21 §:n").
 */
export function findStatutes(text: string, list = false): FoundStatute[] {
  const found: FoundStatute[] = [];
  for (const match of text.matchAll(NUMBER_YEAR)) {
    const before = text.slice(Math.max(0, match.index - 80), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (!list && !LAW_CONTEXT.test(before + after.slice(0, 12)) && !/^\s*\)?\s*,?\s*\d{1,3}\s*§/u.test(after)) continue;
    // The act's own clause: "tietosuoja-asetus (2016/679), tietosuojalaki (1050/2018)" names two acts.
    const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('.')) + 1);
    const act = interpret(Number(match[1]), Number(match[2]), `${clause} ${match[0]} ${/^[^,;.]*/u.exec(after)![0]}`);
    if (!act) continue;
    let end = match.index + match[0].length;
    const section = act.startsWith('CELEX') ? null : SECTION.exec(text.slice(end));
    if (!section?.[1]) {
      found.push({ ref: act, index: match.index, end });
      continue;
    }
    found.push(withSection(act, section[1], section[2], match.index, (end += section[0].length)));
    for (let more = MORE_SECTIONS.exec(text.slice(end)); more; more = MORE_SECTIONS.exec(text.slice(end))) {
      found.push(withSection(act, more[1]!, more[2], match.index, (end += more[0].length)));
    }
  }
  return found.filter((statute) => parseStatute(statute.ref) !== undefined);
}

function withSection(act: string, section: string, subsection: string | undefined, index: number, end: number): FoundStatute {
  const parsed = parseStatute(`${act} ${section.replace(/\s+/gu, ' ')} §${subsection ? ` ${subsection} mom.` : ''}`);
  return { ref: parsed ? formatStatute(parsed) : act, index, end };
}

/** Unique canonical references of the statutes in a text, in order. */
export function statuteRefs(text: string): string[] {
  return [...new Set(findStatutes(text).map((statute) => statute.ref))];
}

/** One entry of a list of acts: its citations and its title as the document writes it. */
export interface LegislationEntry {
  refs: string[];
  title?: string;
  text: string;
}

/**
 * A list of acts ("Laki toimeentulotuesta 1997/1412", "socialvårdslag (710/1982, 1301/2014)", "Tietosuojalaki"),
 * one act per line, item or comma-separated entry. An act named without a number gets it from vocabulary/acts.yaml;
 * the GDPR is recognised by name.
 */
export function legislationEntries(text: string): LegislationEntry[] {
  return splitTopLevel(text).map((entry) => {
    const statutes = findStatutes(entry, true);
    let title = entry;
    for (const statute of [...statutes].reverse()) title = title.slice(0, statute.index) + title.slice(statute.end);
    title = title
      .replace(/\(\s*(?:[,;]\s*)*\)/gu, '')
      .replace(/\s+/gu, ' ')
      .replace(/[\s,;:(]+$/u, '')
      .trim();
    const refs = [...new Set(statutes.map((statute) => statute.ref))];
    if (refs.length === 0) refs.push(...actsNamed(entry));
    return { refs, title: title.length > 0 ? title : undefined, text: entry };
  });
}

/** Acts known by name (vocabulary/acts.yaml), and the GDPR, named in a text. */
function actsNamed(text: string): string[] {
  if (containsGdpr(text)) return [GDPR];
  const name = text.replace(/\s*\(.*?\)\s*/gu, ' ').trim();
  for (const [ref, names] of Object.entries(vocabulary().acts)) {
    if (names.some((candidate) => candidate.toLocaleLowerCase('fi') === name.toLocaleLowerCase('fi'))) return [ref];
  }
  return [];
}

/** Whether a text names the General Data Protection Regulation. */
export function containsGdpr(text: string): boolean {
  const { languages } = vocabulary();
  return Object.values(languages).some((words) => containsPhrase(text, words.keywords.gdpr));
}

/** Splits a list at line breaks, and at commas and semicolons outside parentheses. */
function splitTopLevel(text: string): string[] {
  return splitOutsideParentheses(text, LIST_SEPARATORS)
    .map((entry) => entry.replace(/[.;,]$/u, '').trim())
    .filter((entry) => /[\p{L}\p{N}]/u.test(entry));
}

const LIST_SEPARATORS = new Set(['\n', ',', ';']);

/** Whether most lines or entries of a text cite an act: then it is a list of legislation. */
export function isLegislationList(text: string): boolean {
  const entries = splitTopLevel(text);
  if (entries.length === 0) return false;
  const cited = entries.filter((entry) => findStatutes(entry, true).length > 0 || actsNamed(entry).length > 0).length;
  if (cited >= Math.max(2, Math.ceil(entries.length * 0.6))) return true;
  // One act alone is a list entry when it reads as a title, not as a sentence that cites it.
  return entries.length === 1 && cited === 1 && !/[.!?]$/u.test(text.trim()) && entries[0]!.split(/\s+/u).length <= 10;
}
