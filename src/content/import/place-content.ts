import type { LocalizedText } from '../../domain/localized-text.ts';
import { SPECIAL_CATEGORIES } from '../../domain/register.ts';
import type { Block } from './blocks.ts';
import { linesOf, markdown, unplace, use, type Placer, type PlaceContext } from './draft.ts';
import { splitOutsideParentheses } from './facts.ts';
import { containsPhrase } from './vocabulary.ts';

interface Group {
  heading?: LocalizedText;
  description?: LocalizedText;
  items?: LocalizedText[];
  groups?: Group[];
}

const endsLeadIn = (block: Block) => block.type === 'paragraph' && /:\s*$/u.test(block.text);

/** "Lead-in: a, b, c" on one line, when what follows the colon is a list of short phrases and not sentences. */
function inlineList(text: string): { lead: string; items: string[] } | undefined {
  if (text.includes('\n')) return undefined;
  const colon = text.indexOf(': ');
  if (colon < 0 || colon > 160) return undefined;
  const rest = text
    .slice(colon + 2)
    .trim()
    .replace(/\.$/u, '');
  if (/[.!?]\s/u.test(rest) || rest.length === 0) return undefined;
  const items = splitOutsideParentheses(rest, new Set([',']));
  if (items.some((item) => item.split(/\s+/u).length > 14)) return undefined;
  return { lead: text.slice(0, colon + 1), items };
}

/** Several short lines, none of them a sentence: a list written without bullets. */
function lineList(block: Block): string[] | undefined {
  if (block.type !== 'paragraph') return undefined;
  const lines = linesOf(block);
  if (lines.length < 2 || lines.some((line) => line.length > 120 || /[.!?]$/u.test(line))) return undefined;
  return lines;
}

/** "Lead-in: 1. First … 2. Second …" written in one paragraph: the lead-in and the numbered parts. */
function inlineEnumeration(text: string): { lead: string; items: string[] } | undefined {
  const first = /:\s*1[.)]\s+/u.exec(text);
  if (!first) return undefined;
  const items: string[] = [];
  let rest = text.slice(first.index + first[0].length);
  for (let number = 2; ; number++) {
    const next = new RegExp(`\\s${number}[.)]\\s+`, 'u').exec(rest);
    if (!next) break;
    items.push(rest.slice(0, next.index).trim());
    rest = rest.slice(next.index + next[0].length);
  }
  items.push(rest.trim());
  return items.length >= 2 ? { lead: text.slice(0, first.index + 1), items } : undefined;
}

/**
 * The data content, as the model groups it: prose first as the description; a lead-in with its bullets as a group;
 * a lead-in that introduces further lead-ins as a group of groups; "lead-in: a, b, c" and unbulleted short lines as
 * items; a paragraph on sub-registers (and its list) as the sub-registers.
 */
export const dataContent: Placer = (context) => {
  const { draft, section } = context;
  const blocks = section.blocks;
  const groups: Group[] = [];
  let parent: Group | undefined;
  const add = (group: Group) => (parent ? parent.groups!.push(group) : groups.push(group));
  for (let index = 0; index < blocks.length;) {
    const block = blocks[index]!;
    const items = takeItems(blocks, block.type === 'item' ? index : index + 1);
    if (block.type === 'paragraph' && containsPhrase(block.text, context.words.keywords.subRegister)) {
      subRegisters(context, block, items);
      parent = undefined;
      index += 1 + items.length;
      continue;
    }
    if (block.type === 'item') {
      add({ items: items.map((item) => draft.loc(item.text)) });
      index += items.length;
      continue;
    }
    if (items.length > 0) {
      add({ heading: draft.loc(block.text), items: items.map((item) => draft.loc(item.text)) });
      index += 1 + items.length;
      continue;
    }
    const next = blocks[index + 1];
    if (endsLeadIn(block) && next && endsLeadIn(next) && blocks[index + 2]?.type === 'item') {
      parent = { description: draft.loc(block.text), groups: [] };
      groups.push(parent);
      index++;
      continue;
    }
    parent = undefined;
    const inline = inlineList(block.text);
    const lines = lineList(block);
    if (inline) add({ heading: draft.loc(inline.lead), items: inline.items.map((item) => draft.loc(item)) });
    else if (lines) add({ items: lines.map((line) => draft.loc(line)) });
    else if (groups.length === 0) draft.appendText(['dataContent', 'description'], block.text);
    else add({ description: draft.loc(block.text) });
    index++;
  }
  for (const group of groups) draft.push(['dataContent', 'groups'], group);
  use(context, 'dataContent', blocks);
};

function takeItems(blocks: readonly Block[], from: number): Block[] {
  const items: Block[] = [];
  for (let index = from; blocks[index]?.type === 'item'; index++) items.push(blocks[index]!);
  return items;
}

/** Sub-registers: the lead-in as the description, each bulleted or numbered part as one sub-register. */
function subRegisters(context: PlaceContext, lead: Block, items: Block[]): void {
  const { draft } = context;
  const enumeration = items.length === 0 ? inlineEnumeration(lead.text) : undefined;
  const parts = enumeration?.items ?? items.map((item) => item.text);
  // The model needs at least one sub-register: a lone paragraph describes one.
  if (parts.length === 0) parts.push(lead.text);
  else draft.appendText(['subRegisters', 'description'], enumeration?.lead ?? lead.text);
  for (const part of parts) draft.push(['subRegisters', 'items'], { description: draft.loc(part) });
  use(context, 'subRegisters', [lead, ...items]);
}

/** A section of its own on sub-registers. */
export const subRegistersSection: Placer = (context) => {
  const blocks = context.section.blocks;
  const lead = blocks[0];
  if (!lead) return;
  if (lead.type === 'paragraph') subRegisters(context, lead, takeItems(blocks, 1));
  for (const block of blocks) {
    if (!context.used.has(block)) subRegisters(context, block, []);
  }
};

/** Groups of data subjects: each item or short line is a group; prose about them goes to the data content. */
export const dataSubjects: Placer = (context) => {
  const { draft, section } = context;
  for (const block of section.blocks) {
    const names = block.type === 'item' ? [block.text] : lineList(block);
    if (names) for (const name of names) draft.push(['dataSubjectGroups'], { name: draft.loc(name) });
    else draft.appendText(['dataContent', 'description'], block.text);
  }
  use(context, 'dataSubjectGroups', section.blocks);
};

/** Special categories (Art 9, Art 10), recognised by their names; the text is the description. */
export const specialCategories: Placer = (context) => {
  const text = markdown(context.section.blocks);
  const words = context.words.keywords.specialCategories;
  const categories = SPECIAL_CATEGORIES.filter((category) => containsPhrase(text, words[category] ?? []));
  if (categories.length === 0) {
    for (const block of context.section.blocks) unplace(context, markdown([block]), block, 'unread');
    return;
  }
  context.draft.set(['specialCategories'], { categories, description: context.draft.loc(text) });
  use(context, 'specialCategories', context.section.blocks);
};
