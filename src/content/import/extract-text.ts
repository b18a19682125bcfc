import { linesToBlocks, type Extraction, type SourceLine } from './blocks.ts';
import { extractHtml } from './extract-html.ts';

/** Characters of text that count as one page when a text file has no page breaks, for the page limit and the report. */
export const CHARS_PER_PAGE = 3000;

const HTML_TAG = /<\/?(?:p|li|ul|ol|b|strong|br|div|h[1-6]|table|tr|td|span|em|i|a)\b[^>]*>/iu;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/u;
const MARKDOWN_BOLD_LINE = /^(?:\*\*|__)(.+?)(?:\*\*|__)(:?)$/u;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$/u;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}/u;

/**
 * Lines of a text or markdown file: markdown headings, bold lines, tables and lists; TAB-separated "label<TAB>value"
 * rows, as text copied from a two-column table gives them; and HTML fragments that text exported from a web
 * publishing system still carries.
 */
export function extractText(source: string): Extraction {
  const text = source.replace(/\r\n?/gu, '\n').replace(/\u00a0/gu, ' ');
  const withHtml = (text.match(new RegExp(HTML_TAG.source, 'giu'))?.length ?? 0) >= 2;
  const lines: SourceLine[] = [];
  let breakPending = true;
  let lineNumber = 0;
  const pages = text.split('\f');

  const push = (line: Omit<SourceLine, 'breakBefore'> & { breakBefore?: boolean }) => {
    lines.push({ ...line, breakBefore: line.breakBefore ?? breakPending });
    breakPending = false;
  };
  /** A cell's text, which may itself hold HTML paragraphs and lists. */
  const pushCell = (cell: string, position: string, label = false) => {
    if (withHtml && HTML_TAG.test(cell)) {
      for (const block of extractHtml(cell).blocks) {
        block.text.split('\n').forEach((row, index) => {
          push({
            text: row,
            indent: 0,
            breakBefore: index === 0,
            position,
            label: label || undefined,
            bold: block.emphasis,
            type: block.type === 'paragraph' ? undefined : block.type,
            level: block.level,
          });
        });
      }
      return;
    }
    push({ text: cell.trim(), indent: 0, breakBefore: true, position, label: label || undefined });
  };

  for (const page of pages) {
    for (const raw of page.split('\n')) {
      lineNumber++;
      const position = `line ${lineNumber}`;
      const line = raw.replace(/\s+$/u, '');
      if (!/[\p{L}\p{N}]/u.test(line) || RULE.test(line)) {
        breakPending = true;
        continue;
      }
      const heading = MARKDOWN_HEADING.exec(line);
      if (heading) {
        push({ text: heading[2]!, indent: 0, breakBefore: true, position, type: 'heading', level: heading[1]!.length });
        breakPending = true;
        continue;
      }
      if (/^\s*\|.*\|\s*$/u.test(line)) {
        if (TABLE_SEPARATOR.test(line.trim())) continue;
        const cells = line
          .trim()
          .slice(1, -1)
          .split('|')
          .map((cell) => cell.trim())
          .filter((cell) => cell.length > 0);
        cells.forEach((cell, index) => pushCell(cell, position, index === 0 && cells.length > 1));
        breakPending = true;
        continue;
      }
      const row = /^([^\t]*\S[^\t]*?)\t+(.*)$/u.exec(line);
      if (/^\t/u.test(line) && lines.length > 0) {
        pushCell(line.trim(), position);
        lines.at(-1)!.continuesRow = true;
        continue;
      }
      if (row && /[\p{L}\p{N}]/u.test(row[2]!)) {
        pushCell(row[1]!.trim(), position, true);
        pushCell(row[2]!, position);
        continue;
      }
      const bold = MARKDOWN_BOLD_LINE.exec(line.trim());
      if (bold) {
        push({ text: `${bold[1]}${bold[2]}`, indent: 0, breakBefore: true, position, bold: true });
        breakPending = true;
        continue;
      }
      if (withHtml && HTML_TAG.test(line)) {
        pushCell(line, position);
        continue;
      }
      const indent = /^[ \t]*/u.exec(line)![0].replace(/\t/gu, '    ').length;
      push({ text: line.trim(), indent, position });
    }
    breakPending = true;
  }
  const characters = text.replace(/\s+/gu, '').length;
  return {
    blocks: linesToBlocks(lines),
    pages: pages.length > 1 ? pages.length : Math.max(1, Math.ceil(characters / CHARS_PER_PAGE)),
    dropped: [],
  };
}
