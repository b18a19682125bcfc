import type { Block, DroppedText, Extraction } from './blocks.ts';

/** Elements whose content is never text of the description. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'select', 'button']);
/** Page furniture of a saved web page: dropped and listed in the report. */
const CHROME = new Set(['nav', 'footer', 'aside']);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'td', 'th', 'tr',
  'table', 'thead', 'tbody', 'tfoot', 'caption', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'figure', 'figcaption', 'address',
  'form', 'fieldset', 'legend', 'body', 'html', 'hr',
]); // prettier-ignore
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'col', 'area', 'base', 'source', 'track', 'embed']);
const STRONG = new Set(['b', 'strong']);

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '', ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', bdquo: '„', bull: '•', middot: '·', sect: '§',
  copy: '©', reg: '®', euro: '€', deg: '°', auml: 'ä', ouml: 'ö', aring: 'å', Auml: 'Ä', Ouml: 'Ö', Aring: 'Å',
  uuml: 'ü', Uuml: 'Ü', eacute: 'é', Eacute: 'É', egrave: 'è', aacute: 'á', oacute: 'ó', iacute: 'í', ntilde: 'ñ',
  szlig: 'ß', times: '×', para: '¶', zwnj: '', zwj: '', lrm: '', rlm: '', ensp: ' ', emsp: ' ', thinsp: ' ',
}; // prettier-ignore

/** Decodes character references: named ones in common use and every numeric one. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/giu, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

interface Token {
  kind: 'open' | 'close' | 'text';
  name?: string;
  text?: string;
}

/** A forgiving tokenizer: tags and text, comments and doctype skipped, malformed markup read as text. */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/gu;
  let last = 0;
  for (const match of html.matchAll(pattern)) {
    if (match.index > last) tokens.push({ kind: 'text', text: html.slice(last, match.index) });
    last = match.index + match[0].length;
    if (!match[2]) continue;
    const name = match[2].toLowerCase();
    if (match[1]) tokens.push({ kind: 'close', name });
    else {
      tokens.push({ kind: 'open', name });
      if (match[3] || VOID.has(name)) tokens.push({ kind: 'close', name });
    }
  }
  if (last < html.length) tokens.push({ kind: 'text', text: html.slice(last) });
  return tokens;
}

/** Keeps only <main> when a page has one; otherwise drops navigation, footers and asides. Both are reported. */
function visibleTokens(tokens: Token[], dropped: DroppedText[]): Token[] {
  const mainStart = tokens.findIndex((token) => token.kind === 'open' && token.name === 'main');
  const outside: string[] = [];
  const kept: Token[] = [];
  let skipDepth = 0;
  let skipName = '';
  let chromeDepth = 0;
  let inMain = mainStart < 0;
  tokens.forEach((token, index) => {
    if (index === mainStart) inMain = true;
    if (skipDepth > 0) {
      if (token.name === skipName) skipDepth += token.kind === 'open' ? 1 : token.kind === 'close' ? -1 : 0;
      return;
    }
    if (token.kind === 'open' && INVISIBLE.has(token.name!)) {
      skipDepth = 1;
      skipName = token.name!;
      return;
    }
    if (token.kind === 'open' && CHROME.has(token.name!)) chromeDepth++;
    const isChrome = chromeDepth > 0 || !inMain;
    if (token.kind === 'close' && CHROME.has(token.name!)) chromeDepth = Math.max(0, chromeDepth - 1);
    if (token.kind === 'close' && token.name === 'main') inMain = false;
    if (isChrome) {
      if (token.kind === 'text') outside.push(token.text!);
      return;
    }
    kept.push(token);
  });
  const chrome = decodeEntities(outside.join(' ')).replace(/\s+/gu, ' ').trim();
  if (chrome.length > 0) dropped.push({ text: chrome.length > 200 ? `${chrome.slice(0, 199)}…` : chrome, reason: 'chrome', count: 1 });
  return kept;
}

/**
 * Blocks from HTML, as a saved web page, an HTML fragment in a text file or mammoth's rendering of a Word file
 * gives it: headings, paragraphs, list items with their nesting, and table rows whose first cell is a label.
 */
export function extractHtml(html: string, positionOf: (index: number) => string = (index) => `block ${index + 1}`): Extraction {
  const dropped: DroppedText[] = [];
  const tokens = visibleTokens(tokenize(html), dropped);
  const blocks: Block[] = [];
  let text = '';
  let strongChars = 0;
  let strongDepth = 0;
  let listDepth = 0;
  let itemDepth = 0;
  let kind: { type: Block['type']; level?: number } = { type: 'paragraph' };
  let cell = 0;
  let firstCellBlocks: Block[] = [];

  const flush = () => {
    const clean = text
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/gu, ' ').trim())
      .filter((line) => line.length > 0)
      .join('\n');
    const letters = clean.replace(/[\s*_]/gu, '').length;
    if (clean.length > 0) {
      const block: Block = { type: kind.type, text: clean, position: positionOf(blocks.length) };
      if (kind.level !== undefined) block.level = kind.level;
      if (kind.type !== 'heading' && letters > 0 && strongChars >= letters * 0.9) block.emphasis = true;
      if (cell === 1) firstCellBlocks.push(block);
      blocks.push(block);
    }
    text = '';
    strongChars = 0;
  };

  for (const token of tokens) {
    if (token.kind === 'text') {
      const value = decodeEntities(token.text!.replace(/\s+/gu, ' '));
      text += value;
      if (strongDepth > 0) strongChars += value.replace(/\s/gu, '').length;
      continue;
    }
    const name = token.name!;
    if (STRONG.has(name)) strongDepth = Math.max(0, strongDepth + (token.kind === 'open' ? 1 : -1));
    if (name === 'br' && token.kind === 'open') text += '\n';
    if (!BLOCKS.has(name)) continue;
    flush();
    if (name === 'ul' || name === 'ol') listDepth = Math.max(0, listDepth + (token.kind === 'open' ? 1 : -1));
    if (name === 'tr') {
      // A row of two or more cells is a label and its value; a lone cell is plain text.
      if (token.kind === 'close' && cell > 1) for (const block of firstCellBlocks) block.label = true;
      cell = 0;
      firstCellBlocks = [];
    }
    if ((name === 'td' || name === 'th') && token.kind === 'open') cell++;
    if (name === 'li') itemDepth = Math.max(0, itemDepth + (token.kind === 'open' ? 1 : -1));
    const inItem: typeof kind = { type: 'item', level: Math.max(0, listDepth - 1) };
    if (token.kind === 'open' && /^h[1-6]$/u.test(name)) kind = { type: 'heading', level: Number(name[1]) };
    else kind = itemDepth > 0 ? inItem : { type: 'paragraph' };
  }
  flush();
  return { blocks: blocks.map(stripBullet), pages: 1, dropped };
}

/** A list item whose text repeats its bullet ("• Migrationsverkets register") loses the typed bullet. */
function stripBullet(block: Block): Block {
  if (block.type !== 'item') return block;
  return { ...block, text: block.text.replace(/^[•·▪◦●○■□➢►–—-]\s*/u, '') };
}
