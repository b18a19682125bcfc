import markdownit from 'markdown-it';
import { isLang, LANG_TAGS, type Lang } from '../domain/language.ts';
import { parseStatute, statuteUrl } from '../domain/statute.ts';

type MarkdownIt = ReturnType<typeof markdownit>;
type Token = InstanceType<typeof markdownit.Token>;

/** A citation inside running text: 621/1999, 1050/2018 34 §, with § and momentti where written. */
const CITATION =
  /(?<![\p{L}\p{N}/])(?:2016\/679(?![\p{N}/])|(\d{1,4})\/((?:17|18|19|20)\d{2}))(?:\s+(\d{1,3}(?:\s?[a-z])?)\s?§(?::n)?(?:\s+(\d{1,2})\s?mom\.?)?)?(?![\p{N}/])/gu;

/** The GDPR as running text cites it, `(679/2016)` or `2016/679`: an EU regulation, never a Finnish act. */
const GDPR_CITATION = /(?<![\p{N}/])(?:679\/2016|2016\/679)(?![\p{N}/])/u;
const GDPR = parseStatute('CELEX:32016R0679')!;

/**
 * Links statute citations in text to Finlex in the reader's language. A core rule after linkify, because an
 * inline rule never sees "621/1999" inside a text run; text inside links and code is left alone.
 */
function statuteLinks(md: MarkdownIt, lang: Lang): void {
  const { Token } = markdownit;
  md.core.ruler.after('linkify', 'statute_links', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const out: Token[] = [];
      let linkDepth = 0;
      for (const token of block.children) {
        if (token.type === 'link_open') linkDepth++;
        if (token.type === 'link_close') linkDepth--;
        if (token.type !== 'text' || linkDepth > 0) {
          out.push(token);
          continue;
        }
        let last = 0;
        for (const match of token.content.matchAll(CITATION)) {
          const statute = GDPR_CITATION.test(match[0]) ? GDPR : parseStatute(`${match[1]}/${match[2]}`);
          if (!statute) continue;
          const text = (content: string) => Object.assign(new Token('text', '', 0), { content });
          if (match.index > last) out.push(text(token.content.slice(last, match.index)));
          const open = new Token('link_open', 'a', 1);
          open.attrs = [
            ['href', statuteUrl(statute, lang)],
            ['class', 'statute'],
          ];
          out.push(open, text(match[0]), new Token('link_close', 'a', -1));
          last = match.index + match[0].length;
        }
        if (last === 0) out.push(token);
        else if (last < token.content.length) out.push(Object.assign(new Token('text', '', 0), { content: token.content.slice(last) }));
      }
      block.children = out;
    }
  });
}

/**
 * `[text]{lang=sv}`: a passage in another language than its surroundings, so that screen readers and the PDF's tags
 * switch language (WCAG 3.1.2). Rendered as `<span lang="sv-FI">`.
 */
function languageSpans(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'lang_span', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
    const end = state.md.helpers.parseLinkLabel(state, state.pos, false);
    if (end < 0) return false;
    const marker = /^\{lang=(fi|sv|en)\}/u.exec(state.src.slice(end + 1));
    if (!marker || !isLang(marker[1])) return false;
    if (!silent) {
      const open = state.push('lang_open', 'span', 1);
      open.attrs = [['lang', LANG_TAGS[marker[1]]]];
      open.meta = { lang: marker[1] };
      const [pos, max] = [state.pos, state.posMax];
      state.pos = pos + 1;
      state.posMax = end;
      state.md.inline.tokenize(state);
      state.pos = pos;
      state.posMax = max;
      state.push('lang_close', 'span', -1);
    }
    state.pos = end + 1 + marker[0].length;
    return true;
  });
}

/**
 * Headings inside a notice's text sit under the section's h2 and its groups' h3: `#` and `##` become h3, deeper ones
 * follow. A fixed page keeps the levels as written, under its own h1.
 */
function headingLevels(md: MarkdownIt): void {
  md.core.ruler.push('section_headings', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'heading_open' && token.type !== 'heading_close') continue;
      const level = Number(token.tag.slice(1));
      token.tag = `h${Math.min(6, Math.max(3, level + 1))}`;
    }
  });
}

/** How a text's headings fit the document around it: a notice section's text, or a whole fixed page. */
export type Outline = 'section' | 'page';

function create(lang: Lang, outline: Outline = 'section'): MarkdownIt {
  // No raw HTML: content is trusted to be text, never markup. markdown-it also refuses javascript:, vbscript: and data: links.
  // `breaks`: authors write one line per address row in YAML, and expect to see it so.
  const md = markdownit('default', { html: false, linkify: true, typographer: false, breaks: true });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: true });
  if (outline === 'section') headingLevels(md);
  languageSpans(md);
  statuteLinks(md, lang);
  return md;
}

const renderers = new Map<string, MarkdownIt>();

function renderer(lang: Lang, outline: Outline = 'section'): MarkdownIt {
  const key = `${lang}:${outline}`;
  let md = renderers.get(key);
  if (!md) renderers.set(key, (md = create(lang, outline)));
  return md;
}
/** Rendered HTML by language, inline flag and source: content is finite and changes rarely, so pages skip re-parsing. */
const rendered = new Map<string, string>();
const MAX_CACHED = 20_000;

function render(source: string, lang: Lang, inline: boolean, outline: Outline = 'section'): string {
  const key = `${lang}${inline ? 'i' : 'b'}${outline === 'page' ? 'p' : ''}\u0000${source}`;
  let html = rendered.get(key);
  if (html !== undefined) return html;
  const md = renderer(lang, outline);
  html = inline ? md.renderInline(source) : md.render(source);
  if (rendered.size >= MAX_CACHED) rendered.clear();
  rendered.set(key, html);
  return html;
}

/** Markdown to safe HTML, with statute citations linked for the reader's language. */
export function renderMarkdown(source: string, lang: Lang, outline: Outline = 'section'): string {
  return render(source, lang, false, outline);
}

/** Markdown to safe inline HTML (no paragraph), for list items and short values. */
export function renderInlineMarkdown(source: string, lang: Lang): string {
  return render(source, lang, true);
}

/** A run of inline text with its emphasis, link and language, for layouts that are not HTML (the PDF). */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
  /** Set on a passage marked `[…]{lang=sv}`. */
  lang?: Lang;
}

/** One item of a list: its own text, and any lists nested in it. */
export interface ListItem {
  runs: TextRun[];
  lists: ListBlock[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** The number of the first item of an ordered list. */
  start: number;
  items: ListItem[];
}

/** A block of markdown for non-HTML layouts: a paragraph, a sub-heading, a list (nested) or a table. */
export type TextBlock =
  | { kind: 'paragraph'; runs: TextRun[] }
  | { kind: 'heading'; runs: TextRun[] }
  | ListBlock
  | { kind: 'table'; head: TextRun[][]; rows: TextRun[][][] };

/** Markdown as paragraphs, sub-headings, lists and tables of runs, with the same parsing rules (and links) as the web page. */
export function markdownBlocks(source: string, lang: Lang): TextBlock[] {
  const tokens = renderer(lang).parse(source, {});
  let index = 0;

  // Reads blocks until the closing token of the container it is in (or the end).
  const blocks = (close?: string): TextBlock[] => {
    const out: TextBlock[] = [];
    while (index < tokens.length) {
      const token = tokens[index]!;
      if (close && token.type === close) {
        index++;
        return out;
      }
      index++;
      switch (token.type) {
        case 'inline':
          out.push({ kind: 'paragraph', runs: inlineRuns(token.children ?? []) });
          break;
        case 'heading_open':
          out.push({ kind: 'heading', runs: inlineRuns(tokens[index]!.children ?? []) });
          index += 2;
          break;
        case 'bullet_list_open':
        case 'ordered_list_open':
          out.push(list(token));
          break;
        case 'table_open':
          out.push(table());
          break;
        case 'code_block':
        case 'fence':
          if (token.content.trim()) out.push({ kind: 'paragraph', runs: [{ text: token.content.trimEnd() }] });
          break;
      }
    }
    return out;
  };

  const list = (open: Token): ListBlock => {
    const ordered = open.type === 'ordered_list_open';
    const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const result: ListBlock = { kind: 'list', ordered, start: Number(open.attrGet('start') ?? 1), items: [] };
    while (index < tokens.length && tokens[index]!.type !== close) {
      if (tokens[index]!.type !== 'list_item_open') {
        index++;
        continue;
      }
      index++;
      const content = blocks('list_item_close');
      const item: ListItem = { runs: [], lists: [] };
      for (const block of content) {
        if (block.kind === 'list') item.lists.push(block);
        else if (block.kind === 'paragraph' || block.kind === 'heading')
          item.runs.push(...(item.runs.length > 0 ? [{ text: '\n' }] : []), ...block.runs);
      }
      result.items.push(item);
    }
    index++;
    return result;
  };

  const table = (): TextBlock => {
    const head: TextRun[][] = [];
    const rows: TextRun[][][] = [];
    let row: TextRun[][] | undefined;
    let inHead = false;
    while (index < tokens.length && tokens[index]!.type !== 'table_close') {
      const token = tokens[index++]!;
      if (token.type === 'thead_open') inHead = true;
      else if (token.type === 'thead_close') inHead = false;
      else if (token.type === 'tr_open') row = [];
      else if (token.type === 'tr_close' && row) {
        if (inHead) head.push(...row);
        else rows.push(row);
        row = undefined;
      } else if (token.type === 'inline' && row) row.push(inlineRuns(token.children ?? []));
    }
    index++;
    return { kind: 'table', head, rows };
  };

  return blocks();
}

function inlineRuns(children: Token[]): TextRun[] {
  const runs: TextRun[] = [];
  let bold = 0;
  let italic = 0;
  const links: string[] = [];
  const langs: Lang[] = [];
  for (const child of children) {
    switch (child.type) {
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'link_open':
        links.push(String(child.attrGet('href') ?? ''));
        break;
      case 'link_close':
        links.pop();
        break;
      case 'lang_open':
        langs.push((child.meta as { lang: Lang }).lang);
        break;
      case 'lang_close':
        langs.pop();
        break;
      case 'softbreak':
      case 'hardbreak':
        runs.push({ text: '\n' });
        break;
      case 'text':
      case 'code_inline':
        if (child.content)
          runs.push({
            text: child.content,
            bold: bold > 0 || undefined,
            italic: italic > 0 || undefined,
            link: links[links.length - 1] || undefined,
            lang: langs[langs.length - 1],
          });
        break;
      default:
        if (child.content) runs.push({ text: child.content });
    }
  }
  return runs.map((run) => (run.lang === undefined ? (({ lang: _lang, ...rest }) => rest)(run) : run));
}
