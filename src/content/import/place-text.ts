import type { Block } from './blocks.ts';
import { linesOf, markdown, unplace, use, type Path, type Placer, type PlaceContext, type UnplacedReason } from './draft.ts';
import { findDates } from './facts.ts';
import { containsPhrase, vocabulary } from './vocabulary.ts';

const fieldOf = (path: Path) => path.filter((key) => typeof key === 'string').join('.');

/** The section's text, as markdown, in one localized text field (added to what earlier sections put there). */
export const text =
  (path: Path): Placer =>
  (context) => {
    const blocks = context.section.blocks;
    if (blocks.length === 0) return;
    context.draft.appendText(path, markdown(blocks));
    use(context, fieldOf(path), blocks);
  };

/**
 * A lead-in and a bulleted list, as `{ description, items }`. When prose follows the list, the whole section stays
 * one description so that its order is kept.
 */
export const describedList =
  (path: Path): Placer =>
  (context) =>
    placeDescribedList(context, path, context.section.blocks);

export function placeDescribedList(context: PlaceContext, path: Path, blocks: readonly Block[]): void {
  if (blocks.length === 0) return;
  const { draft } = context;
  const firstItem = blocks.findIndex((block) => block.type === 'item');
  const proseAfterList = firstItem >= 0 && blocks.slice(firstItem).some((block) => block.type !== 'item');
  if (firstItem < 0 || proseAfterList) {
    draft.appendText([...path, 'description'], markdown(blocks));
  } else {
    if (firstItem > 0) draft.appendText([...path, 'description'], markdown(blocks.slice(0, firstItem)));
    for (const item of blocks.slice(firstItem)) draft.push([...path, 'items'], draft.loc(item.text));
  }
  use(context, fieldOf(path), blocks);
}

/** Every line and item as an entry of a list of localized texts ("Salaiset tiedot": one data group per line). */
export const lineList =
  (path: Path): Placer =>
  (context) => {
    const { draft, section } = context;
    for (const block of section.blocks) {
      for (const line of block.type === 'item' ? [block.text] : linesOf(block)) draft.push(path, draft.loc(line));
    }
    use(context, fieldOf(path), section.blocks);
  };

/** A name: the first block; anything after it has no field. */
export const name =
  (path: Path): Placer =>
  (context) => {
    const [first, ...rest] = context.section.blocks;
    if (!first) return;
    const value = first.text.replace(/\s*\n\s*/gu, ' ').trim();
    if (context.draft.get(path) === undefined) {
      context.draft.set(path, context.draft.loc(value));
      use(context, fieldOf(path), [first]);
    } else unplace(context, first.text, first, 'noField');
    for (const block of rest) unplace(context, markdown([block]), block, 'noField');
  };

/** The name of the information system, and the product and supplier it names (vocabulary/systems.yaml). */
export const systemName: Placer = (context) => {
  name(['informationSystem', 'name'])(context);
  const value = context.section.blocks[0]?.text;
  if (!value || !context.used.has(context.section.blocks[0]!)) return;
  const { products, vendors } = vocabulary().systems;
  const product = Object.entries(products).find(([, spellings]) => containsPhrase(value, spellings ?? []));
  if (product) context.draft.set(['informationSystem', 'product'], product[0]);
  const vendor = vendors.find((candidate) => containsPhrase(value, [candidate]));
  if (vendor) context.draft.set(['informationSystem', 'vendor'], vendor);
};

/** Sections with no field in the model: kept whole in the unplaced part; dates in them still date the document. */
export const noField: Placer = (context) => {
  for (const block of context.section.blocks) {
    collectDates(context, block);
    unplace(context, markdown([block]), block, 'noField');
  }
};

/** Text before the first heading and under headings the vocabulary does not know. */
export const unrecognised =
  (reason: UnplacedReason): Placer =>
  (context) => {
    for (const block of context.section.blocks) {
      const rest = takeDate(context, block);
      if (rest === undefined) context.used.add(block);
      else unplace(context, rest, block, reason);
    }
  };

/**
 * Dates of the document in a short block: all its dates when it labels them ("Päivitetty 1.2.2024"), else the
 * dates that stand on a line with little else ("12.9.2023"). A date inside a sentence ("ilmoitus on jätettävä
 * viimeistään 4.4.2022") belongs to the sentence and stays.
 */
function collectDates(context: PlaceContext, block: Block, labelled?: 'published' | 'updated'): { rest: string; found: boolean } {
  if (block.text.length > 160) return { rest: block.text, found: false };
  const labels = dateLabelsIn(block.text);
  const parts = labelled !== undefined || labels.length > 0 ? [block.text] : block.text.split('\n');
  const kind = labelled ?? dateKind(block.text);
  const field = kind ?? 'published, updated';
  let found = false;
  const rest = parts.map((part) => {
    const dates = findDates(part);
    let text = part;
    for (const date of [...dates].reverse()) text = `${text.slice(0, date.index)} ${text.slice(date.end)}`;
    const words = withoutDateLabels(text)
      .split(/\s+/u)
      .filter((word) => /\p{L}/u.test(word)).length;
    const dated = labelled !== undefined || labels.length > 0;
    if (dates.length === 0 || (!dated && words > 3)) return part;
    found = true;
    for (const date of dates) {
      context.draft.dates.push({ iso: date.iso, kind });
      context.draft.conversions.push({ from: [...labels, part.slice(date.index, date.end)].join(' '), field, to: date.iso });
    }
    return text;
  });
  if (found) context.filled.add(field);
  return { rest: rest.join('\n'), found };
}

/** The text of a block without its dates and their labels, or undefined when nothing else is left. */
function takeDate(context: PlaceContext, block: Block, labelled?: 'published' | 'updated'): string | undefined {
  const { rest, found } = collectDates(context, block, labelled);
  if (!found) return block.text;
  const remaining = withoutDateLabels(rest).replace(/^[\s:.,–—-]+|[\s:.,–—-]+$/gu, '');
  return /[\p{L}\p{N}]/u.test(remaining) ? remaining : undefined;
}

const dateLabels = () => {
  const { languages } = vocabulary();
  return Object.values(languages).flatMap((words) => [...(words.headings.updated ?? []), ...(words.headings.published ?? [])]);
};

const labelRegExp = (label: string) => new RegExp(label.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s*'), 'giu');

function withoutDateLabels(text: string): string {
  let rest = text;
  for (const label of dateLabels().sort((a, b) => b.length - a.length)) rest = rest.replace(labelRegExp(label), ' ');
  return rest.replace(/\s+/gu, ' ').trim();
}

/** The date labels a text contains, as it writes them, longest first and without overlaps. */
function dateLabelsIn(text: string): string[] {
  const found: string[] = [];
  let rest = text;
  for (const label of dateLabels().sort((a, b) => b.length - a.length)) {
    for (const match of rest.matchAll(labelRegExp(label))) found.push(match[0]);
    rest = rest.replace(labelRegExp(label), ' ');
  }
  return found;
}

/** Whether a date is labelled as the date published or the date updated; both, or none, leave it open. */
function dateKind(text: string): 'published' | 'updated' | undefined {
  const { languages } = vocabulary();
  const all = Object.values(languages);
  const updated = all.some((words) => containsPhrase(text, words.headings.updated ?? []));
  const published = all.some((words) => containsPhrase(text, words.headings.published ?? []));
  return updated === published ? undefined : updated ? 'updated' : 'published';
}

/** A dated section ("Päivitetty 1.2.2024"): the dates of the document, labelled by the heading. */
export const documentDate =
  (kind: 'published' | 'updated'): Placer =>
  (context) => {
    for (const block of context.section.blocks) {
      const rest = takeDate(context, block, kind);
      if (rest !== block.text) use(context, kind, [block]);
      if (rest !== undefined) unplace(context, rest, block, 'unread');
    }
  };

export { fieldOf };
