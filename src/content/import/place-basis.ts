import type { Block } from './blocks.ts';
import { linesOf, markdown, unplace, use, type Placer, type PlaceContext } from './draft.ts';
import { article6FromWords, article6Letters } from './facts.ts';
import { placeDescribedList } from './place-text.ts';
import { isLegislationList, legislationEntries } from './statutes.ts';
import { containsPhrase } from './vocabulary.ts';

/** A list of acts into `legislation`, one entry per citation with the act's title as written; unknown acts stay unplaced. */
function placeLegislation(context: PlaceContext, text: string, block: Block): void {
  const { draft } = context;
  for (const entry of legislationEntries(text)) {
    if (entry.refs.length === 0) {
      unplace(context, entry.text, block, 'unread');
      continue;
    }
    for (const ref of entry.refs) draft.push(['legislation'], entry.title ? { ref, title: draft.loc(entry.title) } : { ref });
  }
  use(context, 'legislation', [block]);
}

/** The legal basis in the description's words, with the Art 6(1) letters it cites (or, failing that, names). */
function placeLegalBasis(context: PlaceContext, blocks: Block[]): void {
  if (blocks.length === 0) return;
  const { draft } = context;
  const text = markdown(blocks);
  draft.appendText(['legalBasis', 'description'], text);
  const cited = article6Letters(text);
  const letters = cited.length > 0 ? cited : article6FromWords(text, context.lang);
  if (letters.length > 0) {
    const existing = (draft.get(['legalBasis', 'article6']) as string[] | undefined) ?? [];
    draft.set(['legalBasis', 'article6'], [...new Set([...existing, ...letters])].sort());
  }
  use(context, 'legalBasis', blocks);
}

/**
 * Takes the acts out of a block: a list of acts goes to legislation whole; a block that lists acts below a lead
 * line ("Asiakassuhde" then "Laki toimeentulotuesta 1997/1412", …) keeps the lead line as prose.
 */
function splitActs(context: PlaceContext, block: Block): Block | undefined {
  const lines = block.type === 'item' ? [] : linesOf(block);
  const cited = lines.filter((line) => isLegislationList(line));
  if (cited.length >= 2) {
    placeLegislation(context, cited.join('\n'), block);
    const prose = lines.filter((line) => !cited.includes(line));
    return prose.length > 0 ? { ...block, text: prose.join('\n') } : undefined;
  }
  if (!isLegislationList(block.text)) return block;
  placeLegislation(context, block.text, block);
  return undefined;
}

/** "Käsittelyn oikeusperuste": prose into the legal basis, lists of acts into legislation. */
export const legalBasis: Placer = (context) => {
  placeLegalBasis(
    context,
    context.section.blocks.flatMap((block) => splitActs(context, block) ?? []),
  );
  for (const block of context.section.blocks) context.used.add(block);
};

/** "Keskeinen lainsäädäntö": every entry that cites an act. */
export const legislation: Placer = (context) => {
  for (const block of context.section.blocks) placeLegislation(context, block.text, block);
};

/**
 * "Käsittelyn tarkoitus ja oikeusperuste" and the old "Rekisterin pitämisen peruste ja käyttötarkoitus": lists of
 * acts into legislation, paragraphs that speak of the legal basis or cite GDPR Art 6 into the legal basis, and the
 * rest into the purposes.
 */
export const purposeAndBasis: Placer = (context) => {
  const purposes: Block[] = [];
  const basis: Block[] = [];
  for (const block of context.section.blocks) {
    const rest = splitActs(context, block);
    if (!rest) continue;
    const aboutBasis =
      rest.type === 'paragraph' &&
      (containsPhrase(rest.text, context.words.keywords.legalBasis) ||
        article6Letters(rest.text).length > 0 ||
        (rest !== block && rest.text.length < 80));
    (aboutBasis ? basis : purposes).push(rest);
    context.used.add(block);
  }
  placeLegalBasis(context, basis);
  placeDescribedList(context, ['purposes'], purposes);
};
