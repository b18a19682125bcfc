import type { Block } from './blocks.ts';
import { markdown, unplace, use, type Placer, type PlaceContext } from './draft.ts';
import { permanentBirthDays, sentences } from './facts.ts';
import { statuteRefs } from './statutes.ts';
import { containsPhrase } from './vocabulary.ts';

const refsOf = (text: string) => statuteRefs(text).map((ref) => ({ ref }));

/** One regular source: its text, whether it arrives through a technical interface, how often, on which provisions. */
function sourceItem(context: PlaceContext, text: string): Record<string, unknown> {
  const { keywords } = context.words;
  const item: Record<string, unknown> = { description: context.draft.loc(text) };
  if (containsPhrase(text, keywords.technicalInterface)) item.technicalInterface = true;
  const frequency = Object.entries(keywords.frequency).find(([, phrases]) => containsPhrase(text, phrases ?? []));
  if (frequency) item.frequency = frequency[0];
  const refs = refsOf(text);
  if (refs.length > 0) item.legalBasis = refs;
  return item;
}

/**
 * Regular sources: a single paragraph is the description; several paragraphs are one source each; with a bulleted
 * list, the prose before it is the description and the bullets and any paragraphs after them are sources.
 */
export const sources: Placer = (context) => {
  const { draft, section } = context;
  const blocks = section.blocks;
  if (blocks.length === 0) return;
  const firstItem = blocks.findIndex((block) => block.type === 'item');
  const lead = firstItem < 0 ? (blocks.length === 1 ? blocks : []) : blocks.slice(0, firstItem);
  const rest = firstItem < 0 ? (blocks.length === 1 ? [] : blocks) : blocks.slice(firstItem);
  if (lead.length > 0) draft.appendText(['sources', 'description'], markdown(lead));
  for (const block of rest) draft.push(['sources', 'items'], sourceItem(context, block.text));
  use(context, 'sources', blocks);
};

/** Regular disclosures: bullets are recipients, prose is the description. */
export const disclosures: Placer = (context) => placeDisclosures(context, context.section.blocks);

function placeDisclosures(context: PlaceContext, blocks: readonly Block[]): void {
  const { draft } = context;
  const prose = blocks.filter((block) => block.type !== 'item');
  if (prose.length > 0) draft.appendText(['disclosures', 'description'], markdown(prose));
  for (const item of blocks.filter((block) => block.type === 'item')) {
    const entry: Record<string, unknown> = { recipient: draft.loc(item.text) };
    const refs = refsOf(item.text);
    if (refs.length > 0) entry.legalBasis = refs;
    draft.push(['disclosures', 'items'], entry);
  }
  if (blocks.length > 0) use(context, 'disclosures', blocks);
}

const ABOUT_TRANSFERS = /\b(?:EU|ETA|EES|EEA|EU\/ETA|ETA-alue|EU-|tredje land|tredjeländer|third countr|kolmansi)/iu;

/** A section on disclosures and transfers together: the sentences that speak of the EU/EEA are the transfer statement. */
export const disclosuresAndTransfers: Placer = (context) => {
  const disclosed: Block[] = [];
  const transferred: Block[] = [];
  for (const block of context.section.blocks) {
    if (block.type === 'item' || !ABOUT_TRANSFERS.test(block.text)) {
      disclosed.push(block);
      continue;
    }
    const parts = sentences(block.text);
    const about = parts.filter((sentence) => ABOUT_TRANSFERS.test(sentence));
    const rest = parts.filter((sentence) => !about.includes(sentence));
    transferred.push({ ...block, text: about.join(' ') });
    if (rest.length > 0) disclosed.push({ ...block, text: rest.join(' ') });
    context.used.add(block);
  }
  placeDisclosures(context, disclosed);
  placeTransfers(context, transferred);
};

/** Transfers outside the EU/EEA: whether there are any is read from the text; when it cannot be, the text stays unplaced. */
export const transfers: Placer = (context) => placeTransfers(context, context.section.blocks);

function placeTransfers(context: PlaceContext, blocks: readonly Block[]): void {
  if (blocks.length === 0) return;
  const text = markdown(blocks);
  const { keywords } = context.words;
  const none = containsPhrase(text, keywords.transferNone);
  const some = containsPhrase(text, keywords.transferSome);
  if (none === some) {
    for (const block of blocks) unplace(context, markdown([block]), block, 'unread');
    return;
  }
  const existing = context.draft.get(['transfers', 'description']);
  context.draft.set(['transfers', 'outsideEea'], some);
  if (existing === undefined) context.draft.set(['transfers', 'description'], context.draft.loc(text));
  else context.draft.appendText(['transfers', 'description'], text);
  use(context, 'transfers', blocks);
}

/** Processors listed as "Name – what it does" or "Name: what it does"; other text stays unplaced. */
export const processors: Placer = (context) => {
  const { draft } = context;
  for (const block of context.section.blocks) {
    const parts = /^(.{2,80}?)\s*(?:\s[–—-]\s|:\s)(.+)$/u.exec(block.text.replace(/\n/gu, ' '));
    if (!parts) {
      unplace(context, markdown([block]), block, 'unread');
      continue;
    }
    draft.push(['processors'], { name: draft.loc(parts[1]!.trim()), tasks: draft.loc(parts[2]!.trim()) });
    use(context, 'processors', [block]);
  }
};

/**
 * Retention: the text, the provisions it cites, and the archival rule for clients born on given days of the month
 * (the sentence that states it moves to the archival description).
 */
export const retention: Placer = (context) => {
  const { draft, section } = context;
  let text = markdown(section.blocks);
  if (text.length === 0) return;
  const archival = permanentBirthDays(text, context.lang);
  if (archival) {
    draft.set(['retention', 'archival'], { description: draft.loc(archival.sentence), permanentBirthDays: archival.days });
    text = text.replace(archival.sentence, '').replace(/ {2,}/gu, ' ').replace(/\s+\n/gu, '\n').trim();
  }
  if (text.length > 0) draft.appendText(['retention', 'description'], text);
  const refs = refsOf(markdown(section.blocks));
  if (refs.length > 0) draft.set(['retention', 'legalBasis'], refs);
  use(context, 'retention', section.blocks);
};

/** Whether the data is public or secret, read from the text ("salassa pidettäviä", "delvis sekretessbelagda"). */
export const confidentiality: Placer = (context) => {
  const { draft, section } = context;
  const text = markdown(section.blocks);
  if (text.length === 0) return;
  const level = confidentialityLevel(context, text);
  if (!level) {
    for (const block of section.blocks) unplace(context, markdown([block]), block, 'unread');
    return;
  }
  const refs = refsOf(text);
  draft.set(['confidentiality'], { level, description: draft.loc(text), ...(refs.length > 0 ? { legalBasis: refs } : {}) });
  use(context, 'confidentiality', section.blocks);
};

function confidentialityLevel(context: PlaceContext, text: string): 'public' | 'confidential' | 'partly-confidential' | undefined {
  const { keywords } = context.words;
  if (containsPhrase(text, keywords.partlyConfidential)) return 'partly-confidential';
  const negated = keywords.confidential.some((phrase) =>
    new RegExp(`(?<![\\p{L}])(?:ei|eivät|eikä|inte|ej|not|non)\\b[^.]{0,40}${phrase.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'iu').test(
      text,
    ),
  );
  if (negated || containsPhrase(text, keywords.public)) return 'public';
  return containsPhrase(text, keywords.confidential) ? 'confidential' : undefined;
}

/** Automated decision-making: present or not, read from the text; unclear text stays unplaced. */
export const automatedDecisions: Placer = (context) => {
  const { draft, section } = context;
  const text = markdown(section.blocks);
  if (text.length === 0) return;
  const none = containsPhrase(text, context.words.keywords.automatedNone);
  const some = containsPhrase(text, context.words.keywords.automatedSome);
  if (none === some) {
    for (const block of section.blocks) unplace(context, markdown([block]), block, 'unread');
    return;
  }
  draft.set(['automatedDecisions'], { present: some, description: draft.loc(text) });
  use(context, 'automatedDecisions', section.blocks);
};
