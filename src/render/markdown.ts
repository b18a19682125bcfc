import markdownit from 'markdown-it';
import type { Lang } from '../domain/language.ts';
import { parseStatute, statuteUrl } from '../domain/statute.ts';

type MarkdownIt = ReturnType<typeof markdownit>;
type Token = InstanceType<typeof markdownit.Token>;

/** A citation inside running text: 621/1999, 1050/2018 34 §, with § and momentti where written. */
const CITATION =
  /(?<![\p{L}\p{N}/])(\d{1,4})\/((?:17|18|19|20)\d{2})(?:\s+(\d{1,3}(?:\s?[a-z])?)\s?§(?::n)?(?:\s+(\d{1,2})\s?mom\.?)?)?(?![\p{N}/])/gu;

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
          const statute = parseStatute(`${match[1]}/${match[2]}`);
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

function create(lang: Lang, headings = false): MarkdownIt {
  // No raw HTML: content is trusted to be text, never markup. markdown-it also refuses javascript:, vbscript: and data: links.
  // `breaks`: authors write one line per address row in YAML, and expect to see it so.
  const md = markdownit('default', { html: false, linkify: true, typographer: false, breaks: true });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: true });
  // Headings inside a section would break the notice's outline: they render as bold paragraphs. Seloste's own fixed
  // pages keep their `##` headings, which are the page's h2s under its h1.
  if (!headings) md.disable(['heading', 'lheading']);
  statuteLinks(md, lang);
  return md;
}

const renderers = new Map<Lang, MarkdownIt>();
const pageRenderers = new Map<Lang, MarkdownIt>();
/** Rendered HTML by language, inline flag and source: content is finite and changes rarely, so pages skip re-parsing. */
const rendered = new Map<string, string>();
const MAX_CACHED = 20_000;

function render(source: string, lang: Lang, mode: 'block' | 'inline' | 'page'): string {
  const key = `${lang}${mode[0]}${source}`;
  let html = rendered.get(key);
  if (html !== undefined) return html;
  const pool = mode === 'page' ? pageRenderers : renderers;
  let md = pool.get(lang);
  if (!md) pool.set(lang, (md = create(lang, mode === 'page')));
  html = mode === 'inline' ? md.renderInline(source) : md.render(source);
  if (rendered.size >= MAX_CACHED) rendered.clear();
  rendered.set(key, html);
  return html;
}

/** Markdown to safe HTML, with statute citations linked for the reader's language. */
export function renderMarkdown(source: string, lang: Lang): string {
  return render(source, lang, 'block');
}

/** Seloste's own long texts (templates/pages), whose `##` headings become the page's h2 headings. */
export function renderPageMarkdown(source: string, lang: Lang): string {
  return render(source, lang, 'page');
}

/** Markdown to safe inline HTML (no paragraph), for list items and short values. */
export function renderInlineMarkdown(source: string, lang: Lang): string {
  return render(source, lang, 'inline');
}

/** A run of inline text with its emphasis and link, for layouts that are not HTML (the PDF). */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

/** A block of markdown for non-HTML layouts: a paragraph, or a list whose items are runs. */
export type TextBlock = { kind: 'paragraph'; runs: TextRun[] } | { kind: 'list'; ordered: boolean; items: TextRun[][] };

/** Markdown as paragraphs and lists of runs, with the same parsing rules (and statute links) as the web page. */
export function markdownBlocks(source: string, lang: Lang): TextBlock[] {
  let md = renderers.get(lang);
  if (!md) renderers.set(lang, (md = create(lang)));
  const tokens = md.parse(source, {});
  const blocks: TextBlock[] = [];
  const lists: { ordered: boolean; items: TextRun[][] }[] = [];
  for (const token of tokens) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open')
      lists.push({ ordered: token.type === 'ordered_list_open', items: [] });
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      const list = lists.pop()!;
      // A nested list is flattened into its parent's items: the PDF keeps every item, at one level.
      if (lists.length > 0) lists[lists.length - 1]!.items.push(...list.items);
      else blocks.push({ kind: 'list', ...list });
    } else if (token.type === 'list_item_open' && lists.length > 0) lists[lists.length - 1]!.items.push([]);
    else if (token.type === 'inline') {
      const runs = inlineRuns(token.children ?? []);
      const list = lists[lists.length - 1];
      const item = list?.items[list.items.length - 1];
      if (item) item.push(...(item.length > 0 ? [{ text: '\n' }] : []), ...runs);
      else blocks.push({ kind: 'paragraph', runs });
    } else if ((token.type === 'code_block' || token.type === 'fence') && token.content.trim()) {
      blocks.push({ kind: 'paragraph', runs: [{ text: token.content.trimEnd() }] });
    }
  }
  return blocks;
}

function inlineRuns(children: Token[]): TextRun[] {
  const runs: TextRun[] = [];
  let bold = 0;
  let italic = 0;
  const links: string[] = [];
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
          });
        break;
      default:
        if (child.content) runs.push({ text: child.content });
    }
  }
  return runs;
}
