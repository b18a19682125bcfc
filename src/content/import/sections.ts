import type { Lang } from '../../domain/language.ts';
import type { Block, DroppedText } from './blocks.ts';
import { classifyByCues, matchHeading, MAX_HEADING_CHARS, splitInlineHeading, type HeadingMatch } from './headings.ts';
import { VALUE_KINDS, type SectionKind } from './section-kinds.ts';
import { headingNumber } from './vocabulary.ts';

/** A run of blocks under one heading. The preamble (before the first heading) and unknown headings have no kind. */
export interface Section {
  kind?: SectionKind;
  /** The heading as the source writes it. */
  heading?: string;
  match?: HeadingMatch;
  blocks: Block[];
  position: string;
}

/** A heading must match its vocabulary line at least this well; a heading the source marks as one needs less. */
const PLAIN_SCORE = 1.75;
const MARKED_SCORE = 1.6;

const wordCount = (text: string) => text.split(/\s+/u).filter(Boolean).length;

/** Whether a block has the shape of a heading: one short line that does not end a sentence. */
function headingShaped(block: Block): boolean {
  const text = block.text.trim();
  if (text.includes('\n') || text.length > MAX_HEADING_CHARS || wordCount(text) > 16) return false;
  if (/[.;,]$/u.test(text) && !/^\s*\d{1,2}\.?$/u.test(text)) return false;
  return /^[\p{Lu}\p{N}§(]/u.test(text);
}

/**
 * Splits a document into sections by its headings. A block is a heading of a known kind when it has a heading's
 * shape and matches the vocabulary; a line inside a paragraph that matches well is split off; "Heading : value"
 * is split into heading and value. A marked heading (h1–h6, a table label, a styled line, the next number of a
 * numbered outline, a question) that matches nothing starts a section of unknown kind, so that its text is not
 * mistaken for part of the section before.
 */
export function splitSections(input: Block[], lang: Lang): Section[] {
  const blocks = input.flatMap((block) => splitHeadingLines(block, lang));
  const sections: Section[] = [{ blocks: [], position: blocks[0]?.position ?? '' }];
  let lastNumber: number | undefined;
  let knownLevel: number | undefined;
  const current = () => sections.at(-1)!;
  const open = (heading: string, block: Block, match?: HeadingMatch) => {
    const number = headingNumber(heading);
    if (number !== undefined) lastNumber = number;
    if (block.type === 'heading' && match) knownLevel = Math.min(knownLevel ?? 9, block.level ?? 1);
    sections.push({ kind: match?.kind, heading, match, blocks: [], position: block.position });
  };

  for (const [index, block] of blocks.entries()) {
    const text = block.text.trim();
    const marked = block.type === 'heading' || block.label === true || block.emphasis === true;
    // Word's and web pages' numbered headings come as one-item lists ("<ol><li>Rekisterinpitäjä</li></ol>"): an item
    // that names a section almost exactly and is followed by prose is a heading.
    const itemHeading = block.type === 'item' && blocks[index + 1]?.type !== 'item' && headingShaped(block);
    const shaped = (block.type !== 'item' && headingShaped(block)) || itemHeading;
    const found = shaped || block.type === 'heading' ? matchHeading(text, lang) : undefined;
    const match = itemHeading && (found?.score ?? 0) < 2.5 ? undefined : found;
    // A plain, unnumbered line that only resembles a heading and introduces a list, or restates the heading just
    // above it, is the section's lead-in ("Rekisteriin tallennetaan seuraavat tiedot:").
    const leadIn =
      !marked &&
      (match?.score ?? 0) < 3 &&
      headingNumber(text) === undefined &&
      (blocks[index + 1]?.type === 'item' || /:$/u.test(text) || (match?.kind === current().kind && current().blocks.length === 0));
    if (match && match.score >= (marked ? MARKED_SCORE : PLAIN_SCORE) && !leadIn) {
      open(text, block, match);
      continue;
    }
    const inline = block.type === 'paragraph' ? splitInlineHeading(text.split('\n')[0]!, lang) : undefined;
    if (inline) {
      open(inline.heading, block, inline.match);
      const rest = [inline.value, ...text.split('\n').slice(1)].join('\n').trim();
      if (rest.length > 0) current().blocks.push({ ...block, text: rest, label: undefined, emphasis: undefined });
      continue;
    }
    if (shaped && (current().blocks.length > 0 || marked) && isUnknownHeading(block, text, lastNumber, knownLevel)) {
      // A heading the vocabulary does not list may still say what it is about ("Mihin tietoja kerätään?").
      const kind = classifyByCues(text, lang);
      open(text, block, kind ? { kind, lang, phrase: '', score: 1 } : undefined);
      continue;
    }
    current().blocks.push(block);
  }
  return resolveAmbiguous(sections).map(rejoinPageBreaks);
}

/** Whether a heading-shaped block that matches no vocabulary line is still a heading of its own section. */
function isUnknownHeading(block: Block, text: string, lastNumber: number | undefined, knownLevel: number | undefined): boolean {
  if (/:$/u.test(text)) return false; // a lead-in: "Asiakastiedot:"
  if (block.type === 'heading') return knownLevel === undefined || (block.level ?? 1) <= knownLevel;
  if (block.label) return true;
  const number = headingNumber(text);
  if (number !== undefined && lastNumber !== undefined && number === lastNumber + 1 && wordCount(text) <= 12) return true;
  return /\?$/u.test(text) && wordCount(text) <= 12;
}

/**
 * A multi-line paragraph whose lines include a heading ("Datasystemets offentliga adress" above the next) or a
 * heading with its value ("Rekisterinpitäjä : …") is split there.
 */
function splitHeadingLines(block: Block, lang: Lang): Block[] {
  if (block.type !== 'paragraph' || !block.text.includes('\n')) return [block];
  const out: Block[] = [];
  let rest: string[] = [];
  const flush = () => {
    if (rest.length > 0) out.push({ ...block, text: rest.join('\n') });
    rest = [];
  };
  for (const line of block.text.split('\n')) {
    const match = headingShaped({ ...block, text: line }) ? matchHeading(line, lang) : undefined;
    if (match && match.score >= 2) {
      flush();
      out.push({ ...block, text: line });
    } else if (rest.length > 0 && splitInlineHeading(line, lang)) {
      // "Rekisterinpitäjä : Siuntion perusturvalautakunta" on a line of its own starts the next section.
      flush();
      rest.push(line);
    } else rest.push(line);
  }
  flush();
  return out;
}

/** "Registeransvarig" names the controller in older Swedish models and the responsible person in others. */
function resolveAmbiguous(sections: Section[]): Section[] {
  const hasController = sections.some((section) => section.kind === 'controller');
  for (const section of sections) {
    if (section.kind === 'responsibleOrController') section.kind = hasController ? 'responsible' : 'controller';
  }
  return sections;
}

/** A paragraph cut by a page break (it ends mid-sentence, the next starts in lower case) is one paragraph again. */
function rejoinPageBreaks(section: Section): Section {
  if (section.kind && VALUE_KINDS.has(section.kind)) return section;
  const blocks: Block[] = [];
  for (const block of section.blocks) {
    const previous = blocks.at(-1);
    if (
      previous?.type === 'paragraph' &&
      block.type === 'paragraph' &&
      !previous.label &&
      !/[.!?:;]["”’)]*$/u.test(previous.text) &&
      /^\p{Ll}/u.test(block.text)
    ) {
      blocks[blocks.length - 1] = { ...previous, text: `${previous.text} ${block.text}` };
    } else blocks.push(block);
  }
  return { ...section, blocks };
}

const normalizeRepeat = (text: string) => text.toLocaleLowerCase('fi').replace(/\s+/gu, ' ').trim();
const DATE_LIKE = /\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b\d{4}-\d{2}-\d{2}\b/u;

/**
 * Drops text repeated on every page of a converted document, as a page header between paragraphs: short
 * paragraphs that occur two or more times, once at least inside a section's text, and do not read as a sentence
 * or a one-word value ("Ei" may repeat).
 * Each is listed once in the report; the blocks are returned for the dates they may carry.
 */
export function dropRepeatedText(sections: Section[], dropped: DroppedText[]): Block[] {
  const counts = new Map<string, number>();
  // A value repeated right under two headings ("Chefen för …" as responsible and contact) is content, not a header,
  // and so is a text that is somewhere the whole of a section ("Sosiaali- ja terveystoimiala").
  const midSection = new Set<string>();
  const wholeSection = new Set<string>();
  for (const section of sections) {
    section.blocks.forEach((block, index) => {
      if (!repeatCandidate(block)) return;
      const key = normalizeRepeat(block.text);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (index > 0) midSection.add(key);
      if (section.heading && section.blocks.length === 1) wholeSection.add(key);
    });
  }
  const removed: Block[] = [];
  const listed = new Set<string>();
  for (const section of sections) {
    section.blocks = section.blocks.filter((block) => {
      const key = normalizeRepeat(block.text);
      if (!repeatCandidate(block) || (counts.get(key) ?? 0) < 2 || !midSection.has(key) || wholeSection.has(key)) return true;
      removed.push(block);
      if (!listed.has(key)) {
        listed.add(key);
        dropped.push({ text: block.text.replace(/\s+/gu, ' '), reason: 'repeated', count: counts.get(key)! });
      }
      return false;
    });
  }
  return removed;
}

function repeatCandidate(block: Block): boolean {
  if (block.type !== 'paragraph' || block.text.length > 150 || /[.!?:]$/u.test(block.text)) return false;
  return wordCount(block.text) >= 3 || block.text.includes('\n') || DATE_LIKE.test(block.text);
}
