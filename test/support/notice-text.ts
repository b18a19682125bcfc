import type { Lang } from '../../src/domain/language.ts';
import { renderMarkdown } from '../../src/render/markdown.ts';
import type { Block, NoticeView } from '../../src/render/notice-view.ts';

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');

/** The text a reader sees of a notice's view model, with its markdown rendered as the page renders it. */
export function noticeText(view: NoticeView): string {
  const md = (value: string, lang: Lang = view.lang) => decode(renderMarkdown(value, lang));
  const block = (item: Block): string[] => {
    switch (item.kind) {
      case 'markdown':
        return [md(item.text.value)];
      case 'list':
        return item.items.map((entry) => md(entry.value));
      case 'fields':
        return item.rows.flatMap((row) => [row.label, row.href ? row.value.value : md(row.value.value)]);
      case 'statutes':
        return [item.label, ...item.items.flatMap((statute) => [statute.citation, statute.title?.value ?? ''])];
      case 'table':
        return [item.caption, ...item.head, ...item.rows.flatMap((row) => row.map((cell) => md(cell.value)))];
      case 'group':
        return [item.heading ? md(item.heading.value) : '', ...item.blocks.flatMap(block)];
    }
  };
  const parts = [view.title.value, ...view.sections.flatMap((section) => [section.heading, ...section.blocks.flatMap(block)])];
  return parts.join(' ').replace(/\s+/gu, ' ');
}

/** The blocks of a section by its key, for assertions about what a section shows. */
export function sectionOf(view: NoticeView, key: string): NoticeView['sections'][number] {
  const section = view.sections.find((candidate) => candidate.key === key);
  if (!section) throw new Error(`The notice has no section ${key}`);
  return section;
}
