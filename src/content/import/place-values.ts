import type { UPDATE_FREQUENCIES } from '../../domain/register.ts';
import { markdown, unplace, use, type Path, type Placer, type PlaceContext } from './draft.ts';
import { findDates } from './facts.ts';
import { fieldOf } from './place-text.ts';
import { phraseRegExp } from './vocabulary.ts';

/**
 * A section whose whole content is one value ("jatkuva", "alkaen vuodesta 1988", "Ei ole"). The value is set and
 * the conversion reported; text the value does not account for stays unplaced, and so does text it cannot read.
 */
function valueSection(read: (text: string, context: PlaceContext) => { value: unknown; rest: string } | undefined, path: Path): Placer {
  return (context) => {
    const blocks = context.section.blocks;
    if (blocks.length === 0) return;
    const source = markdown(blocks);
    const result = read(source.replace(/\s+/gu, ' ').trim(), context);
    if (!result || context.draft.get(path) !== undefined) {
      for (const block of blocks) unplace(context, markdown([block]), block, 'unread');
      return;
    }
    context.draft.set(path, result.value);
    context.draft.conversions.push({ from: source, field: fieldOf(path), to: String(result.value) });
    use(context, fieldOf(path), blocks);
    const rest = result.rest.replace(/^[\s:.,;()–—-]+|[\s:.,;()–—-]+$/gu, '');
    if (/[\p{L}\p{N}]/u.test(rest)) unplace(context, rest, blocks[0], 'unread');
  };
}

/** Removes the first of the phrases found in a text; undefined when none is there. */
function removePhrase(text: string, phrases: readonly string[]): string | undefined {
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    const regex = phraseRegExp(phrase);
    const match = regex.exec(text);
    if (match && !/^[\p{L}]/u.test(text.slice(match.index + match[0].length))) {
      return `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
    }
  }
  return undefined;
}

/** "alkaen vuodesta 1988" gives 1988, "1.1.2013-" gives 2013-01-01. */
export const dataSince = (path: Path) =>
  valueSection((text, { words }) => {
    const date = findDates(text)[0];
    const year = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/u.exec(text);
    const found = date
      ? { value: date.iso, index: date.index, end: date.end }
      : year
        ? { value: year[1]!, index: year.index, end: year.index + 4 }
        : undefined;
    if (!found) return undefined;
    const rest = `${text.slice(0, found.index)} ${text.slice(found.end)}`;
    return { value: found.value, rest: removePhrase(rest, words.values.since) ?? rest };
  }, path);

/** "jatkuva", "kontinuerlig", "monthly". */
export const updateFrequency = (path: Path) =>
  valueSection((text, { words }) => {
    for (const [frequency, phrases] of Object.entries(words.values.updateFrequency)) {
      const rest = removePhrase(text, phrases ?? []);
      if (rest !== undefined) return { value: frequency as (typeof UPDATE_FREQUENCIES)[number], rest };
    }
    return undefined;
  }, path);

/** A web address, or `none` for "Ei ole" / "Finns inte". */
export const publicAddress = (path: Path) =>
  valueSection((text, { words }) => {
    const url = /\b(?:https?:\/\/|www\.)[^\s,;)]+/iu.exec(text);
    if (url) {
      const value = url[0].startsWith('www.') ? `https://${url[0]}` : url[0];
      return { value, rest: `${text.slice(0, url.index)} ${text.slice(url.index + url[0].length)}` };
    }
    const rest = removePhrase(text, words.values.none);
    return rest === undefined ? undefined : { value: 'none', rest };
  }, path);

/** "Kyllä on" / "Ei" as true or false. */
export const yesNo = (path: Path) =>
  valueSection((text, { words }) => {
    const yes = removePhrase(text, words.values.yes);
    const no = removePhrase(text, words.values.no);
    if (yes !== undefined && (no === undefined || yes.length <= no.length)) return { value: true, rest: yes };
    return no === undefined ? undefined : { value: false, rest: no };
  }, path);
