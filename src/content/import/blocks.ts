import { matchHeading, MAX_HEADING_CHARS } from './headings.ts';

/**
 * The text of a source document as a list of blocks, whatever its format: what the extractors produce and the
 * recognition reads. Plain text and PDF arrive as lines and are grouped here; HTML and Word arrive as blocks.
 */
export interface Block {
  /** heading: marked as a heading by the source (h1–h6, markdown #); paragraph: prose or lines; item: a list item. */
  type: 'heading' | 'paragraph' | 'item';
  /** The text, with a line break where the source breaks a short line (an address) and spaces where it wraps prose. */
  text: string;
  /** Heading level (1 is the largest) or list nesting (0 is the outermost). */
  level?: number;
  /** The whole block is bold or set larger than the body text: a heading or a lead-in. */
  emphasis?: boolean;
  /** The first cell of a table row, whose other cells follow as their own blocks: often a heading. */
  label?: boolean;
  /** Where the block starts in the source, e.g. "page 2" or "line 14". */
  position: string;
}

/** Dropped text: repeated headers and footers, page numbers, navigation of a web page, text repeating a field. */
export interface DroppedText {
  text: string;
  reason: 'header' | 'footer' | 'pageNumber' | 'repeated' | 'chrome' | 'duplicate';
  count: number;
}

/** What an extractor returns for one file. */
export interface Extraction {
  blocks: Block[];
  pages: number;
  dropped: DroppedText[];
  /** Pages of a PDF that have an image and no text: parts of it may be a scan the import cannot read. */
  imageOnlyPages?: number;
}

/** A line of text as an extractor sees it, before lines are grouped into blocks. */
export interface SourceLine {
  text: string;
  /** Indentation: leading spaces for text, the left edge in points for PDF. */
  indent: number;
  /** A paragraph break precedes the line: a blank line, or a wide vertical gap in a PDF. */
  breakBefore: boolean;
  position: string;
  /** Font size and weight in a PDF; a change of style starts a new block. */
  size?: number;
  bold?: boolean;
  /** The first cell of a table row (text before a TAB, or the left column of a PDF table). */
  label?: boolean;
  /** Text of a table's value column that continues the row above (a line that starts with a TAB). */
  continuesRow?: boolean;
  /** In a PDF, whether the line reaches the right edge of its column, so that the next line continues it. */
  full?: boolean;
  /** Set when the source marks the line itself: a markdown or HTML heading, or an HTML list item. */
  type?: 'heading' | 'item';
  /** The heading level or list nesting of a marked line. */
  level?: number;
}

/** "8. Tietojen säilyttämisen kesto": a section number, then a capital. */
const NUMBERED = /^\d{1,2}[.)]?\s+\p{Lu}/u;
const BULLET = /^(?:[-–—•·▪◦●○■□➢►*]|o(?=\s))\s*/u;
const SENTENCE_END = /[.!?:;]["”’)]*$/u;

/** The text of a bulleted line without its bullet, or undefined when the line has none. */
function bulletText(text: string): string | undefined {
  const match = BULLET.exec(text);
  if (!match) return undefined;
  // "-5 %" or "–2019" are not bullets; a bullet is followed by a space or stands alone.
  if (match[0].trim() === match[0] && text.length > match[0].length && !/[•·▪◦●○■□➢►]/u.test(match[0])) return undefined;
  return text.slice(match[0].length).trim();
}

/**
 * Groups lines into paragraphs and list items. Consecutive lines form one paragraph; a wrapped line (long, or
 * followed by a line in lower case) is joined with a space, a short line such as an address row keeps its line
 * break. (A paragraph cut by a page break is rejoined later, once headings are known: see sections.ts.)
 */
export function linesToBlocks(lines: SourceLine[]): Block[] {
  const width = wrapWidth(lines);
  const wrapped = isWrappedText(lines, width);
  const blocks: Block[] = [];
  let current: { block: Block; last: SourceLine } | undefined;
  let listIndent: number | undefined;

  const close = () => {
    current = undefined;
  };
  let number: string | undefined;
  for (const [index, line] of lines.entries()) {
    const text = number === undefined ? line.text.trim() : `${number} ${line.text.trim()}`;
    number = undefined;
    if (text.length === 0) {
      close();
      continue;
    }
    // A form's section number on a line of its own belongs to the heading on the next line.
    const next = lines.slice(index + 1).find((candidate) => candidate.text.trim().length > 0);
    if (/^\d{1,2}\.?$/u.test(text) && next && isHeadingShaped(next.text.trim())) {
      number = text;
      close();
      continue;
    }
    const styleChanged = current && (current.last.size !== line.size || current.last.bold !== line.bold);
    if (line.breakBefore || styleChanged || line.label || (current?.block.label && !line.label)) close();
    if (line.type === 'heading') {
      close();
      blocks.push({ type: 'heading', text, level: line.level ?? 1, position: line.position });
      continue;
    }
    const following = lines[index + 1];
    const numberedHeading = NUMBERED.test(text) && following !== undefined && !following.breakBefore && following.text.trim().length > 0;
    if (
      line.type === undefined &&
      !line.label &&
      (isHeadingLine(text) || (numberedHeading && isHeadingShaped(text) && text.split(/\s+/u).length <= 12))
    ) {
      // A known heading, or a numbered one, written on the line above its text without a blank line between.
      close();
      blocks.push({ type: 'paragraph', text, position: line.position, ...(line.bold ? { emphasis: true } : {}) });
      continue;
    }
    const bullet = line.type === 'item' ? text : line.label ? undefined : bulletText(text);
    if (bullet !== undefined) {
      close();
      listIndent ??= line.indent;
      if (bullet.length === 0) continue; // an empty bullet is a PDF artefact
      const level = line.level ?? (line.indent > listIndent + 1 ? 1 : 0);
      const block: Block = { type: 'item', text: bullet, level, position: line.position };
      blocks.push(block);
      current = { block, last: line };
      continue;
    }
    if (current && !line.breakBefore) {
      const previous = current.last.text.trim();
      const wraps = isWrapped(previous, text, wrapped ? width : undefined, current.last.full);
      // Without wrapping, a line after a finished sentence is a paragraph of its own (text typed without blank lines).
      const sentenceEnds = SENTENCE_END.test(previous) && (line.indent > current.last.indent || (!wrapped && /^\p{Lu}/u.test(text)));
      const newParagraph = !wraps && sentenceEnds;
      if (current.block.type === 'item' ? wraps : !newParagraph) {
        current.block.text += wraps ? ` ${text}` : `\n${text}`;
        current.last = line;
        continue;
      }
    }
    if (!line.continuesRow) listIndent = undefined;
    const block: Block = { type: 'paragraph', text, position: line.position };
    if (line.label) block.label = true;
    if (line.bold || (line.size !== undefined && line.size > bodySize(lines) * 1.15)) block.emphasis = true;
    blocks.push(block);
    current = { block, last: line };
  }
  return blocks;
}

/**
 * Whether `next` continues the line before it: it starts in lower case, or the line before is full (in a PDF, it
 * reaches the right edge; in text wrapped at `width`, it is nearly that long).
 */
function isWrapped(previous: string, next: string, width: number | undefined, full: boolean | undefined): boolean {
  if (/^[\p{Ll}(,;]/u.test(next)) return !/[.!?]$/u.test(previous) || /^\p{Ll}/u.test(next);
  if (/:$/u.test(previous)) return false;
  return full ?? (width !== undefined && previous.length >= 0.6 * width);
}

/** A short line that does not end a sentence and starts with a capital or a number. */
function isHeadingShaped(text: string): boolean {
  return text.length <= MAX_HEADING_CHARS && !/[.;,]$/u.test(text) && /^[\p{Lu}\p{N}]/u.test(text);
}

/** A short line that names a known kind of section. */
function isHeadingLine(text: string): boolean {
  return isHeadingShaped(text) && (matchHeading(text)?.score ?? 0) >= 1.75;
}

/**
 * Whether the text was wrapped at a fixed width, as PDF text is: most lines of prose that another line follows
 * are nearly full. Text typed a paragraph a line has lines of every length.
 */
function isWrappedText(lines: SourceLine[], width: number): boolean {
  const prose = (line: SourceLine | undefined) =>
    line !== undefined && line.text.trim().length > 0 && line.type === undefined && bulletText(line.text.trim()) === undefined;
  const inner = lines.filter((line, index) => prose(line) && prose(lines[index + 1]) && !lines[index + 1]!.breakBefore);
  if (inner.length < 3) return false;
  return inner.filter((line) => line.text.trim().length >= 0.75 * width).length >= inner.length / 2;
}

/** The width at which the text wraps: a high percentile of the line lengths (unwrapped text has very long lines). */
function wrapWidth(lines: SourceLine[]): number {
  const lengths = lines
    .map((line) => line.text.trim().length)
    .filter((length) => length > 0)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return 80;
  return Math.max(40, lengths[Math.floor(lengths.length * 0.95)]!);
}

const bodySizeCache = new WeakMap<SourceLine[], number>();

/** The commonest font size, by characters: the body text. */
function bodySize(lines: SourceLine[]): number {
  const cached = bodySizeCache.get(lines);
  if (cached !== undefined) return cached;
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (line.size === undefined) continue;
    const size = Math.round(line.size * 2) / 2;
    counts.set(size, (counts.get(size) ?? 0) + line.text.length);
  }
  const size = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? Number.POSITIVE_INFINITY;
  bodySizeCache.set(lines, size);
  return size;
}
