import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { linesToBlocks, type DroppedText, type Extraction, type SourceLine } from './blocks.ts';
import { ImportRefusal } from './errors.ts';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

interface Segment {
  x: number;
  end: number;
  text: string;
}

/** A run of text on a line, where it starts and ends. */
interface Part {
  x: number;
  end: number;
  text: string;
  size: number;
}

interface PdfLine {
  page: number;
  y: number;
  size: number;
  bold: boolean;
  parts: Part[];
  /** The line's text in pieces separated by wide gaps (table cells, a right-aligned date). */
  segments: Segment[];
  /** In the top or bottom band of the page, where headers, footers and page numbers sit. */
  band?: 'header' | 'footer';
}

const IMAGE_OPS = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
const BAND = 0.08;
const PAGE_NUMBER = /^(?:-\s*)?(?:(?:sivu|sida|page|s\.|p\.)\s*)?\d{1,4}(?:\s*(?:\/|of|av|\(|-)\s*\d{1,4}\)?)?(?:\s*-)?$/iu;
/** A document with fewer visible characters per page than this is a scan without a text layer. */
const MIN_CHARS_PER_PAGE = 20;

/**
 * The text of a PDF with its layout: lines with their font size and weight, paragraph breaks from the vertical
 * gaps, two-column tables (a label column and a value column) as labelled rows, and repeated page headers,
 * footers and page numbers removed and reported. Encrypted, broken and image-only PDFs are refused.
 */
export async function extractPdf(bytes: Uint8Array, file: string, maxPages: number): Promise<Extraction> {
  const task = getDocument({
    // pdf.js takes the buffer over; it works on a copy so that the caller keeps the file.
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    fontExtraProperties: true,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      const name = error instanceof Error ? error.name : '';
      throw new ImportRefusal(name === 'PasswordException' ? 'encrypted' : 'broken', { file });
    });
    if (pdf.numPages > maxPages) throw new ImportRefusal('tooManyPages', { file, pages: pdf.numPages, max: maxPages });
    const lines: PdfLine[] = [];
    let characters = 0;
    let imagePages = 0;
    let width = 595;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const operators = await page.getOperatorList();
      const content = await page.getTextContent();
      const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
      width = x1 - x0;
      const items = (content.items as unknown[]).filter((item): item is TextItem => typeof (item as TextItem).str === 'string');
      const pageLines = groupLines(items, number, (fontName) => isBoldFont(page.commonObjs, fontName));
      for (const line of pageLines) {
        const height = y1 - y0;
        if (line.y > y1 - height * BAND) line.band = 'header';
        else if (line.y < y0 + height * BAND) line.band = 'footer';
      }
      const pageCharacters = pageLines.reduce((sum, line) => sum + lineText(line).replace(/\s/gu, '').length, 0);
      characters += pageCharacters;
      if (pageCharacters < MIN_CHARS_PER_PAGE && operators.fnArray.some((fn) => IMAGE_OPS.has(fn))) imagePages++;
      lines.push(...pageLines);
      page.cleanup();
    }
    if (characters < MIN_CHARS_PER_PAGE * pdf.numPages && (imagePages > 0 || characters === 0)) {
      throw new ImportRefusal(imagePages > 0 ? 'scanned' : 'empty', { file });
    }
    const dropped: DroppedText[] = [];
    const kept = dropPageFurniture(lines, pdf.numPages, dropped);
    return { blocks: linesToBlocks(toSourceLines(kept, width)), pages: pdf.numPages, dropped, imageOnlyPages: imagePages };
  } finally {
    await task.destroy();
  }
}

function isBoldFont(objects: { get(name: string): unknown }, fontName: string): boolean {
  try {
    const font = objects.get(fontName) as { name?: string } | undefined;
    return /bold|black|heavy|semibold|demi/iu.test(font?.name ?? '');
  } catch {
    return false;
  }
}

/** Items on the same baseline form a line; a wide horizontal gap splits a line into segments (table cells). */
function groupLines(items: TextItem[], page: number, bold: (fontName: string) => boolean): PdfLine[] {
  // pdf.js reports a gap as a space item as wide as the gap: spaces are left out and gaps measured instead.
  const positioned = items
    .filter((item) => item.str.trim().length > 0)
    .map((item) => {
      const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
      return { item, x, y, size: Math.hypot(c, d) || 10 };
    })
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; parts: typeof positioned }[] = [];
  for (const part of positioned) {
    const line = lines.find((candidate) => Math.abs(candidate.y - part.y) <= Math.max(2, 0.4 * part.size));
    if (line) line.parts.push(part);
    else lines.push({ y: part.y, size: part.size, parts: [part] });
  }
  return lines.map((line) => {
    const sorted = line.parts.sort((a, b) => a.x - b.x);
    const parts = sorted.map(({ item, x, size }) => ({ x, end: x + item.width, text: item.str, size }));
    const size = Math.max(...sorted.map((part) => part.size));
    const boldChars = sorted.filter((part) => bold(part.item.fontName)).reduce((sum, part) => sum + part.item.str.length, 0);
    const chars = sorted.reduce((sum, part) => sum + part.item.str.length, 0);
    return { page, y: line.y, size, bold: boldChars >= chars * 0.9 && chars > 0, parts, segments: joinParts(parts) };
  });
}

/** Joins the runs of a line into text, with a space where there is a gap; a wide gap (or `cut`) starts a new segment. */
function joinParts(parts: Part[], cut?: number): Segment[] {
  const segments: Segment[] = [];
  for (const part of parts) {
    const last = segments.at(-1);
    const gap = last ? part.x - last.end : 0;
    const across = cut !== undefined && last !== undefined && last.x < cut - 5 && part.x >= cut - 5;
    if (!last || across || (cut === undefined && gap > Math.max(3 * part.size, 36))) {
      segments.push({ x: part.x, end: part.end, text: part.text });
      continue;
    }
    const space = gap > 0.15 * part.size && !/\s$/u.test(last.text) && !/^\s/u.test(part.text) ? ' ' : '';
    last.text += space + part.text;
    last.end = Math.max(last.end, part.end);
  }
  return segments;
}

const lineText = (line: PdfLine) => line.segments.map((segment) => segment.text).join(' ');
const furnitureKey = (text: string) => text.toLocaleLowerCase('fi').replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim();

/** Drops lines in the header and footer bands that repeat on several pages, and page numbers; lists each once. */
function dropPageFurniture(lines: PdfLine[], pages: number, dropped: DroppedText[]): PdfLine[] {
  const pagesByKey = new Map<string, Set<number>>();
  for (const line of lines) {
    if (!line.band) continue;
    const key = furnitureKey(lineText(line));
    pagesByKey.set(key, (pagesByKey.get(key) ?? new Set()).add(line.page));
  }
  const reported = new Map<string, DroppedText>();
  return lines.filter((line) => {
    if (!line.band) return true;
    const text = lineText(line).trim();
    const key = furnitureKey(text);
    const pageNumber = PAGE_NUMBER.test(text);
    const repeated = pages > 1 && (pagesByKey.get(key)?.size ?? 0) >= 2;
    if (!pageNumber && !repeated) return true;
    const entry = reported.get(key);
    if (entry) entry.count++;
    else {
      const reason = pageNumber ? 'pageNumber' : line.band!;
      const fresh: DroppedText = { text, reason, count: 1 };
      reported.set(key, fresh);
      dropped.push(fresh);
    }
    return false;
  });
}

/**
 * Lines for the block builder. A paragraph break is a vertical gap clearly wider than the usual line spacing.
 * Where many lines have a second segment starting at the same place, the page has a two-column table: each row's
 * left column (wrapped over several lines, perhaps) is a label, a heading, and the right column its value.
 */
function toSourceLines(lines: PdfLine[], width: number): SourceLine[] {
  const spacing = usualSpacing(lines);
  const valueX = valueColumn(lines, width);
  const region = valueX === undefined ? undefined : tableRegion(lines, valueX);
  const edges = rightEdges(lines, valueX);
  const out: SourceLine[] = [];
  let row: { label: SourceLine; values: SourceLine[]; lastValue?: PdfLine } | undefined;
  const flush = () => {
    if (row) out.push(row.label, ...row.values);
    row = undefined;
  };
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const gap = previous && previous.page === line.page ? previous.y - line.y : Number.POSITIVE_INFINITY;
    const breakBefore = gap > spacing * 1.35;
    const base = { size: line.size, bold: line.bold, position: `page ${line.page}`, indent: 0 };
    const inTable = valueX !== undefined && region?.has(index);
    const cells = inTable ? joinParts(line.parts, valueX) : [];
    const left = cells.filter((cell) => cell.x < valueX! - 5 && cell.end <= valueX! + 10);
    const right = cells.filter((cell) => cell.x >= valueX! - 5);
    if (!inTable || left.length + right.length !== cells.length) {
      flush();
      const { left: margin, right: edge } = edges.text.get(line.page)!;
      const full = line.segments.at(-1)!.end >= edge - 0.12 * (edge - margin);
      out.push({
        ...base,
        text: lineText(line),
        indent: Math.round(line.segments[0]!.x),
        breakBefore: breakBefore || previous?.page !== line.page,
        full,
      });
      return;
    }
    const labelText = left.map((cell) => cell.text).join(' ');
    if (left.length > 0 && (!row || breakBefore || /^\d{1,2}[.)]?\s/u.test(labelText))) {
      flush();
      row = { label: { ...base, text: labelText, breakBefore: true, label: true }, values: [] };
    } else if (left.length > 0) row!.label.text += ` ${labelText}`;
    if (right.length === 0) return;
    row ??= { label: { ...base, text: '', breakBefore: true, label: true }, values: [] };
    const valueGap = row.lastValue ? row.lastValue.y - line.y : Number.POSITIVE_INFINITY;
    const edge = edges.values.get(line.page) ?? right.at(-1)!.end;
    const full = right.at(-1)!.end >= edge - 0.12 * (edge - valueX!);
    row.values.push({ ...base, text: right.map((cell) => cell.text).join(' '), breakBefore: valueGap > spacing * 1.35, full });
    row.lastValue = line;
  });
  flush();
  return out.filter((line) => line.text.length > 0);
}

/** Per page, the left and right edges of the text, and the right edge of a table's value column. */
function rightEdges(lines: PdfLine[], valueX: number | undefined) {
  const text = new Map<number, { left: number; right: number }>();
  const values = new Map<number, number>();
  for (const line of lines) {
    const edge = text.get(line.page) ?? { left: Number.POSITIVE_INFINITY, right: 0 };
    edge.left = Math.min(edge.left, line.segments[0]!.x);
    edge.right = Math.max(edge.right, line.segments.at(-1)!.end);
    text.set(line.page, edge);
    const value = valueX === undefined ? undefined : line.parts.filter((part) => part.x >= valueX - 5).at(-1);
    if (value) values.set(line.page, Math.max(values.get(line.page) ?? 0, value.end));
  }
  return { text, values };
}

/** The lines from the first to the last that have text in both columns, page by page: the table itself. */
function tableRegion(lines: PdfLine[], valueX: number): Set<number> {
  const both = (line: PdfLine) => line.parts.some((part) => part.x < valueX - 5) && line.parts.some((part) => part.x >= valueX - 5);
  const region = new Set<number>();
  const pages = new Set(lines.map((line) => line.page));
  for (const page of pages) {
    const indexes = lines.flatMap((line, index) => (line.page === page ? [index] : []));
    const marked = indexes.filter((index) => both(lines[index]!));
    if (marked.length === 0) continue;
    for (let index = marked[0]!; index <= marked.at(-1)!; index++) region.add(index);
    // A row's label may end after the last line that has a value.
    for (
      let index = marked.at(-1)! + 1;
      index <= indexes.at(-1)! && lines[index]!.parts.every((part) => part.end <= valueX + 10);
      index++
    ) {
      region.add(index);
    }
  }
  return region;
}

/** The commonest gap between consecutive lines on a page: the line spacing of the body text. */
function usualSpacing(lines: PdfLine[]): number {
  const gaps = new Map<number, number>();
  for (let index = 1; index < lines.length; index++) {
    const [a, b] = [lines[index - 1]!, lines[index]!];
    if (a.page !== b.page) continue;
    const gap = Math.round((a.y - b.y) * 2) / 2;
    if (gap > 0) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  return [...gaps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 14;
}

/** Where a table's value column starts, if at least three lines have a second segment there. */
function valueColumn(lines: PdfLine[], width: number): number | undefined {
  const starts = new Map<number, number>();
  for (const line of lines) {
    if (line.segments.length < 2) continue;
    const x = Math.round(line.segments[1]!.x / 5) * 5;
    starts.set(x, (starts.get(x) ?? 0) + 1);
  }
  const [x, count] = [...starts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return count >= 3 && x > width * 0.2 ? x : undefined;
}
