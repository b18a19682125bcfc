import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { LANG_TAGS, type Lang } from '../../domain/language.ts';
import type { Localized } from '../../domain/localized-text.ts';
import { markdownBlocks, type ListBlock, type TextRun } from '../markdown.ts';
import type { Block, NoticeView } from '../notice-view.ts';
import type { PdfLabels, PdfLayout } from './pdf-templates.ts';

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

export interface PdfOptions {
  layout: PdfLayout;
  labels: PdfLabels;
  /** Names of the languages in the reader's language, for the fallback notice. */
  languageNames: Record<Lang, string>;
  /** The notice's public address, printed on the first page. */
  publicUrl?: string;
  /** First-page facts instead of the notice's dates and address, e.g. a letter's date and reference. */
  facts?: { label: string; value: string }[];
  /** Formats a date for the first page. */
  formatDate: (isoDate: string) => string;
  /** A fixed creation date makes the file byte-for-byte reproducible (its ID derives from it): for tests and archives. */
  creationDate?: Date;
  /** Laid out as a letter: the sender's letterhead, the recipient's address block, and a footer naming the sender. */
  letter?: LetterFrame;
  /**
   * A working copy's preview: this mark ("Draft – not published", in the notice's language) heads every page and
   * the document's title, so no printed page can pass for the published notice.
   */
  draftMark?: string;
}

/** What makes a document a letter rather than a notice. */
export interface LetterFrame {
  letterhead: { name: string; lines: string[]; logo?: Uint8Array };
  /** The recipient's name and postal address, one row per line. */
  addressBlock: string[];
  /** The footer of every page: the sender, never the software. */
  footer: string;
}

const require = createRequire(import.meta.url);
/** Noto Sans as TrueType, embedded and subset: it covers å, ä, ö, €, §, typographic quotes and dashes. */
const FONT_FILES = {
  Body: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  Bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  Italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  BoldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
} as const;

type ParsedFont = fontkit.Font;
let parsedFonts: Record<keyof typeof FONT_FILES, ParsedFont> | undefined;

/**
 * The fonts, parsed once per process: parsing a TrueType file costs far more than laying out a notice, and pdfkit
 * takes a parsed font as it is (each document still makes its own subset).
 */
function fonts(): Record<keyof typeof FONT_FILES, ParsedFont> {
  parsedFonts ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [
      name,
      withLayoutCache(fontkit.create(readFileSync(require.resolve(file))) as fontkit.Font),
    ]),
  ) as Record<keyof typeof FONT_FILES, ParsedFont>;
  return parsedFonts;
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
const MAX_LAYOUTS = 100_000;

/**
 * Remembers the OpenType shaping of each word across documents: shaping dominates the render time, and notices
 * repeat their words. pdfkit scales the positions it gets in place, so each caller receives fresh copies.
 */
function withLayoutCache(font: ParsedFont): ParsedFont {
  const shape = font.layout.bind(font);
  const cache = new Map<string, { glyphs: unknown[]; positions: Position[] }>();
  const layout = (text: string, ...rest: unknown[]) => {
    if (rest.some((argument) => argument !== undefined)) return (shape as (...args: unknown[]) => unknown)(text, ...rest);
    let hit = cache.get(text);
    if (!hit) {
      const run = shape(text);
      hit = {
        glyphs: run.glyphs,
        positions: run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }: Position) => ({ xAdvance, yAdvance, xOffset, yOffset })),
      };
      if (cache.size >= MAX_LAYOUTS) cache.clear();
      cache.set(text, hit);
    }
    const positions = hit.positions.map((position) => ({ ...position }));
    let advanceWidth: number | undefined;
    return {
      glyphs: hit.glyphs,
      positions,
      // Read only after pdfkit has scaled the positions, so it is summed once, then.
      get advanceWidth() {
        return (advanceWidth ??= positions.reduce((width, position) => width + position.xAdvance, 0));
      },
    };
  };
  return Object.assign(font, { layout }) as ParsedFont;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/gu, (whole, key: string) => String(values[key] ?? whole));

/**
 * Renders a notice as a tagged PDF (PDF/UA subset, PDF 1.7): a structure tree of headings, paragraphs, lists and
 * tables, the document language and title, bookmarks per section, embedded fonts, and running header and page
 * numbers marked as artifacts. It lays out the same view model as the web page.
 */
export function renderNoticePdf(view: NoticeView, options: PdfOptions): Promise<Uint8Array<ArrayBuffer>> {
  const { layout } = options;
  const info: Record<string, string | Date> = {
    Title: options.draftMark ? `${options.draftMark}: ${view.title.value}` : view.title.value,
    Author: view.organisation.value,
    Subject: view.formatName,
    Keywords: [view.formatName, view.id].join(', '),
    Creator: 'Seloste',
  };
  if (options.creationDate) {
    info.CreationDate = options.creationDate;
    info.ModDate = options.creationDate;
  }
  const doc = new PDFDocument({
    size: layout.size,
    margins: layout.margins,
    pdfVersion: '1.7',
    // @ts-expect-error -- @types/pdfkit lags behind pdfkit 0.20, which accepts the PDF/UA subset.
    subset: 'PDF/UA',
    tagged: true,
    displayTitle: true,
    lang: view.langTag,
    bufferPages: true,
    autoFirstPage: true,
    info,
  });
  for (const [name, font] of Object.entries(fonts())) doc.registerFont(name, font as unknown as string);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  new NoticeLayout(doc, view, options).render();
  doc.end();
  return done;
}

/** An item of a list as the PDF lays it out: its text, its number (none for a bullet) and its nested lists. */
interface ListEntry {
  runs: TextRun[];
  lang?: Lang;
  label?: string;
  lists?: ListEntry[][];
}

class NoticeLayout {
  private readonly left: number;
  private readonly width: number;
  private readonly root: Struct;

  private readonly doc: Doc;
  private readonly view: NoticeView;
  private readonly options: PdfOptions;

  constructor(doc: Doc, view: NoticeView, options: PdfOptions) {
    this.doc = doc;
    this.view = view;
    this.options = options;
    this.left = options.layout.margins.left;
    this.width = doc.page.width - options.layout.margins.left - options.layout.margins.right;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private get layout() {
    return this.options.layout;
  }

  private get bottom() {
    return this.doc.page.height - this.layout.margins.bottom;
  }

  render(): void {
    this.titlePage();
    this.fallbackNote();
    if (this.view.introduction) this.markdown(this.root, this.view.introduction, 2);
    for (const section of this.view.sections) this.section(section);
    this.root.end();
    this.pageFurniture();
  }

  /** Adds a structure element under `parent` and runs `draw` inside it, so its content is tagged with it. */
  private tag(parent: Struct, type: string, draw: () => void, lang?: Lang): Struct {
    const element = this.doc.struct(type, lang && lang !== this.view.lang ? { lang: LANG_TAGS[lang] } : {});
    parent.add(element);
    element.add(draw);
    element.end();
    return element;
  }

  private container(parent: Struct, type: string, lang?: Lang): Struct {
    const element = this.doc.struct(type, lang && lang !== this.view.lang ? { lang: LANG_TAGS[lang] } : {});
    parent.add(element);
    return element;
  }

  /** Starts a new page unless `height` points fit above the bottom margin. */
  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private font(bold = false, italic = false): string {
    return bold && italic ? 'BoldItalic' : bold ? 'Bold' : italic ? 'Italic' : 'Body';
  }

  /** A letter's first page: the letterhead (logo, sender, address), then the recipient's address block. */
  private letterFrame(frame: LetterFrame): void {
    const { doc, layout } = this;
    if (frame.letterhead.logo) {
      const figure = this.doc.struct('Figure', { alt: frame.letterhead.name });
      this.root.add(figure);
      figure.add(() => doc.image(Buffer.from(frame.letterhead.logo!), this.left, doc.y, { fit: [140, 48] }));
      figure.end();
      doc.y += 54;
    }
    this.tag(this.root, 'P', () => {
      doc
        .font('Bold')
        .fontSize(layout.fontSize.h3)
        .fillColor(layout.colors.text)
        .text(frame.letterhead.name, this.left, doc.y, { width: this.width });
      doc
        .font('Body')
        .fontSize(layout.fontSize.small)
        .fillColor(layout.colors.muted)
        .text(frame.letterhead.lines.join('\n'), { width: this.width });
    });
    doc.fillColor(layout.colors.text);
    doc.moveDown(1.5);
    this.tag(this.root, 'P', () =>
      doc
        .font('Body')
        .fontSize(layout.fontSize.body)
        .text(frame.addressBlock.join('\n'), this.left, doc.y, { width: this.width * 0.6, lineGap: layout.lineGap }),
    );
    doc.moveDown(1.5);
  }

  private titlePage(): void {
    const { doc, view, layout, options } = this;
    const { labels } = options;
    if (options.letter) this.letterFrame(options.letter);
    doc.fillColor(layout.colors.muted);
    if (!options.letter)
      this.tag(
        this.root,
        'P',
        () =>
          doc
            .font('Body')
            .fontSize(layout.fontSize.kicker)
            .text(`${view.organisation.value} · ${view.formatName}`, { lineGap: layout.lineGap }),
        view.organisation.lang,
      );
    doc.moveDown(0.4);
    doc.fillColor(layout.colors.text);
    this.tag(
      this.root,
      'H1',
      () => doc.font('Bold').fontSize(layout.fontSize.title).text(view.title.value, { lineGap: 1 }),
      view.title.isFallback ? view.title.lang : undefined,
    );
    if (view.subtitle) {
      const subtitle = view.subtitle;
      this.tag(
        this.root,
        'P',
        () => doc.font('Body').fontSize(layout.fontSize.h3).text(subtitle.value, this.left, doc.y, { width: this.width }),
        subtitle.isFallback ? subtitle.lang : undefined,
      );
    }
    doc.moveDown(0.5);
    if (options.facts) {
      this.fieldTable(
        this.root,
        options.facts.map((fact) => ({ label: fact.label, value: this.plain(fact.value) })),
      );
    } else {
      const rows: [string, Localized][] = [[labels.organisation, view.organisation]];
      if (view.published) rows.push([labels.published, this.plain(options.formatDate(view.published))]);
      if (view.updated) rows.push([labels.updated, this.plain(options.formatDate(view.updated))]);
      rows.push([labels.version, this.plain(String(view.version))]);
      if (options.publicUrl) rows.push([labels.publicUrl, this.plain(options.publicUrl)]);
      this.fieldTable(
        this.root,
        rows.map(([label, value]) => ({ label, value, href: value.value === options.publicUrl ? options.publicUrl : undefined })),
      );
    }
    doc.moveDown(0.5);
  }

  /** Once, before the sections: what is not in the reader's language, and the recorded exception when there is one. */
  private fallbackNote(): void {
    const { doc, layout, view, options } = this;
    if (!view.fallback) return;
    const { exception, langs } = view.fallback;
    const text = exception
      ? fill(options.labels.languageException, { reason: exception.reason.value, date: options.formatDate(exception.until) })
      : fill(options.labels.fallback, { langs: langs.map((lang) => options.languageNames[lang]).join(', ') });
    doc.fillColor(layout.colors.fallback);
    this.tag(this.root, 'P', () => doc.font('Italic').fontSize(layout.fontSize.body).text(text, this.left, doc.y, { width: this.width }));
    doc.fillColor(layout.colors.text);
    doc.moveDown(0.5);
  }

  private plain(value: string): Localized {
    return { value, lang: this.view.lang, isFallback: false };
  }

  private section(section: NoticeView['sections'][number]): void {
    const { doc, layout } = this;
    const sect = this.container(this.root, 'Sect');
    this.ensureSpace(layout.fontSize.h2 * 4);
    doc.moveDown(0.6);
    doc.outline.addItem(section.heading);
    doc.fillColor(layout.colors.text);
    this.tag(sect, 'H2', () =>
      doc.font('Bold').fontSize(layout.fontSize.h2).text(section.heading, this.left, doc.y, { width: this.width, lineGap: 1 }),
    );
    doc.moveDown(0.3);
    this.blocks(sect, section.blocks, 3);
    sect.end();
  }

  private blocks(parent: Struct, blocks: Block[], level: number): void {
    for (const block of blocks) this.block(parent, block, level);
  }

  private block(parent: Struct, block: Block, level: number): void {
    const { doc, layout } = this;
    switch (block.kind) {
      case 'markdown':
        return this.markdown(parent, block.text, level);
      case 'list':
        return this.list(
          parent,
          block.items.map((item) => ({ runs: this.inlineRuns(item), lang: item.isFallback ? item.lang : undefined })),
        );
      case 'fields':
        return this.fieldTable(parent, block.rows);
      case 'statutes': {
        this.ensureSpace(layout.fontSize.body * 3);
        this.tag(parent, 'P', () =>
          doc.font('Bold').fontSize(layout.fontSize.body).text(block.label, this.left, doc.y, { width: this.width }),
        );
        return this.list(
          parent,
          block.items.map((item) => ({
            runs: [{ text: item.citation, link: item.url }, ...(item.title ? [{ text: ` ${item.title.value}` }] : [])],
            lang: item.title?.isFallback ? item.title.lang : undefined,
          })),
        );
      }
      case 'table':
        return this.table(parent, block.caption, block.head, block.rows);
      case 'group': {
        if (block.heading) {
          const size = level === 3 ? layout.fontSize.h3 : layout.fontSize.h4;
          this.ensureSpace(size * 4);
          doc.moveDown(0.3);
          this.tag(
            parent,
            `H${Math.min(level, 6)}`,
            () => doc.font('Bold').fontSize(size).text(block.heading!.value, this.left, doc.y, { width: this.width }),
            block.heading.isFallback ? block.heading.lang : undefined,
          );
          doc.moveDown(0.15);
        }
        return this.blocks(parent, block.blocks, Math.min(level + 1, 6));
      }
    }
  }

  /**
   * A localized markdown text as tagged paragraphs, sub-headings (at the level below the current one), lists and
   * tables, in its own language when it is a fallback.
   */
  private markdown(parent: Struct, text: Localized, level: number): void {
    const { doc, layout } = this;
    const lang = text.isFallback ? text.lang : undefined;
    const container = lang ? this.container(parent, 'Div', lang) : parent;
    for (const part of markdownBlocks(text.value, this.view.lang)) {
      switch (part.kind) {
        case 'paragraph':
          this.paragraph(container, part.runs, this.left, this.width);
          break;
        case 'heading':
          this.ensureSpace(layout.fontSize.h4 * 4);
          doc.moveDown(0.2);
          this.tag(container, `H${Math.min(level, 6)}`, () =>
            doc
              .font('Bold')
              .fontSize(layout.fontSize.h4)
              .text(part.runs.map((run) => run.text).join(''), this.left, doc.y, { width: this.width }),
          );
          doc.moveDown(0.1);
          break;
        case 'list':
          this.list(container, this.listItems(part));
          break;
        case 'table':
          this.grid(
            container,
            undefined,
            part.head.length ? part.head.map((runs) => runs.map((run) => run.text).join('')) : undefined,
            part.rows.map((row) => row.map((runs) => ({ runs }))),
            part.head.length
              ? part.head.map(() => this.width / part.head.length)
              : (part.rows[0] ?? []).map((_cell, _i, row) => this.width / row.length),
            true,
          );
          break;
      }
    }
    if (container !== parent) container.end();
  }

  /** A markdown list as items for `list`: numbered when ordered, with its nested lists. */
  private listItems(part: ListBlock): ListEntry[] {
    return part.items.map((item, index) => ({
      runs: item.runs,
      label: part.ordered ? `${part.start + index}.` : undefined,
      lists: item.lists.map((nested) => this.listItems(nested)),
    }));
  }

  /** A text as one run of lines, for a list item, a field's value or a table cell: its lists keep their numbers. */
  private inlineRuns(text: Localized): TextRun[] {
    const lines = (part: ListBlock, depth: number): TextRun[][] =>
      part.items.flatMap((item, index) => [
        [{ text: `${'  '.repeat(depth)}${part.ordered ? `${part.start + index}.` : '•'} ` }, ...item.runs],
        ...item.lists.flatMap((nested) => lines(nested, depth + 1)),
      ]);
    return markdownBlocks(text.value, this.view.lang).flatMap((part, index) => {
      const parts =
        part.kind === 'list'
          ? lines(part, 0)
          : part.kind === 'table'
            ? [
                ...(part.head.length ? [part.head.flatMap((cell, i) => [...(i ? [{ text: ' | ' }] : []), ...cell])] : []),
                ...part.rows.map((row) => row.flatMap((cell, i) => [...(i ? [{ text: ' | ' }] : []), ...cell])),
              ]
            : [part.runs];
      const joined = parts.flatMap((runs, i) => (i > 0 ? [{ text: '\n' }, ...runs] : runs));
      return index > 0 ? [{ text: '\n' }, ...joined] : joined;
    });
  }

  /**
   * Writes runs as one flowing text from (x, current y); it breaks across pages by itself. With `element`, each run
   * is tagged as its content, and a run marked with another language as a Span in that language.
   */
  private writeRuns(runs: TextRun[], x: number, width: number, size = this.layout.fontSize.body, element?: Struct): void {
    const { doc, layout } = this;
    // Each line is written as its own run of continued text: pdfkit does not break at a newline inside continued
    // text, which printed an address's rows on one line.
    const lines = runs.reduce<TextRun[][]>(
      (out, run) => {
        if (run.text === '\n') out.push([]);
        else out[out.length - 1]!.push(run);
        return out;
      },
      [[]],
    );
    lines.forEach((line) => {
      const visible = line.length > 0 ? line : [{ text: ' ' }];
      visible.forEach((run, index) => {
        const last = index === visible.length - 1;
        doc
          .font(this.font(run.bold, run.italic))
          .fontSize(size)
          .fillColor(run.link ? layout.colors.link : layout.colors.text);
        const options = { width, lineGap: layout.lineGap, continued: !last, link: run.link ?? null, underline: Boolean(run.link) };
        const write = () => (index === 0 ? doc.text(run.text, x, doc.y, options) : doc.text(run.text, options));
        if (!element) write();
        else if (run.lang && run.lang !== this.view.lang) this.tag(element, 'Span', write, run.lang);
        else element.add(write);
      });
    });
    doc.fillColor(layout.colors.text);
  }

  private paragraph(parent: Struct, runs: TextRun[], x: number, width: number, lang?: Lang): void {
    this.ensureSpace(this.layout.fontSize.body * 2);
    if (runs.some((run) => run.lang && run.lang !== this.view.lang)) {
      // A passage in another language: each run is its own content, the passage a Span with its language.
      const p = this.container(parent, 'P', lang);
      this.writeRuns(runs, x, width, undefined, p);
      p.end();
    } else this.tag(parent, 'P', () => this.writeRuns(runs, x, width), lang);
    this.doc.y += this.layout.paragraphGap;
  }

  /**
   * A list: L, with an LI per item holding its bullet or number (Lbl) and text (LBody); a nested list sits in its
   * item's LBody, indented one step further.
   */
  private list(parent: Struct, items: ListEntry[], depth = 0): void {
    const { doc, layout } = this;
    const list = this.container(parent, 'L');
    const indent = depth * layout.listIndent;
    for (const item of items) {
      this.ensureSpace(layout.fontSize.body * 2);
      const li = this.container(list, 'LI', item.lang);
      const top = doc.y;
      this.tag(li, 'Lbl', () =>
        doc
          .font('Body')
          .fontSize(layout.fontSize.body)
          .fillColor(layout.colors.text)
          .text(item.label ?? '•', this.left + indent + 2, top, { lineBreak: false }),
      );
      doc.y = top;
      const body = this.container(li, 'LBody');
      const x = this.left + indent + layout.listIndent;
      if (item.runs.some((run) => run.lang && run.lang !== this.view.lang))
        this.writeRuns(item.runs, x, this.width - indent - layout.listIndent, undefined, body);
      else body.add(() => this.writeRuns(item.runs, x, this.width - indent - layout.listIndent));
      for (const nested of item.lists ?? []) {
        doc.y += layout.paragraphGap / 2;
        this.list(body, nested, depth + 1);
      }
      body.end();
      li.end();
      doc.y += layout.paragraphGap / 2;
    }
    list.end();
    if (depth === 0) doc.y += layout.paragraphGap / 2;
  }

  /** Label–value rows as a two-column table: TH for the label (row header), TD for the value. */
  private fieldTable(parent: Struct, rows: { label: string; value: Localized; href?: string }[]): void {
    const { layout } = this;
    const labelWidth = Math.round(this.width * layout.fieldLabelWidth);
    this.grid(
      parent,
      undefined,
      undefined,
      rows.map((row) => [
        { runs: [{ text: row.label, bold: true }], header: true },
        {
          runs: row.href ? [{ text: row.value.value, link: row.href }] : this.inlineRuns(row.value),
          lang: row.value.isFallback ? row.value.lang : undefined,
        },
      ]),
      [labelWidth, this.width - labelWidth],
      false,
    );
  }

  private table(parent: Struct, caption: string, head: string[], rows: Localized[][]): void {
    const widths = head.map(() => this.width / head.length);
    this.grid(
      parent,
      caption,
      head,
      rows.map((row) => row.map((cell) => ({ runs: this.inlineRuns(cell), lang: cell.isFallback ? cell.lang : undefined }))),
      widths,
      true,
    );
  }

  /**
   * Draws a table row by row. A row that does not fit moves to the next page; a row taller than a whole page is
   * allowed to flow, cell by cell, so no text is ever cut off.
   */
  private grid(
    parent: Struct,
    caption: string | undefined,
    head: string[] | undefined,
    rows: { runs: TextRun[]; header?: boolean; lang?: Lang }[][],
    widths: number[],
    ruled: boolean,
  ): void {
    const { doc, layout } = this;
    const pad = layout.cellPadding;
    const table = this.container(parent, 'Table');
    // The caption and the header row never sit alone at the foot of a page: they move on with the first row.
    const rowHeight = (row: { runs: TextRun[] }[] | undefined) =>
      row ? Math.max(...row.map((cell, index) => this.runsHeight(cell.runs, widths[index]! - 2 * pad) + 2 * pad)) : 0;
    const opening =
      (caption ? layout.fontSize.body * 2 : 0) + rowHeight(head?.map((text) => ({ runs: [{ text, bold: true }] }))) + rowHeight(rows[0]);
    if (opening <= this.bottom - layout.margins.top) this.ensureSpace(opening);
    if (caption) {
      this.tag(table, 'Caption', () =>
        doc.font('Bold').fontSize(layout.fontSize.body).text(caption, this.left, doc.y, { width: this.width }),
      );
      doc.y += 2;
    }
    const allRows: { runs: TextRun[]; header?: boolean; lang?: Lang }[][] = [
      ...(head ? [head.map((text) => ({ runs: [{ text, bold: true }], header: true }))] : []),
      ...rows,
    ];
    for (const [rowIndex, row] of allRows.entries()) {
      const isHead = Boolean(head) && rowIndex === 0;
      const heights = row.map((cell, index) => this.runsHeight(cell.runs, widths[index]! - 2 * pad) + 2 * pad);
      const height = Math.max(...heights);
      const pageHeight = this.bottom - layout.margins.top;
      if (height <= pageHeight) this.ensureSpace(height);
      const top = doc.y;
      const tr = this.container(table, 'TR');
      let x = this.left;
      let lowest = top;
      row.forEach((cell, index) => {
        const width = widths[index]!;
        if (ruled && isHead) doc.save().rect(x, top, width, height).fill(layout.colors.headerFill).restore();
        const type = cell.header ? 'TH' : 'TD';
        const element = this.doc.struct(type, {
          ...(cell.header ? { scope: isHead ? 'Column' : 'Row' } : {}),
          ...(cell.lang && cell.lang !== this.view.lang ? { lang: LANG_TAGS[cell.lang] } : {}),
        });
        tr.add(element);
        doc.y = top + pad;
        element.add(() => this.writeRuns(cell.runs, x + pad, width - 2 * pad));
        element.end();
        lowest = Math.max(lowest, doc.y + pad);
        if (height > pageHeight) doc.y = top; // an oversized row: the next cell starts beside this one, and may flow too
        x += width;
      });
      tr.end();
      const end = height > pageHeight ? lowest : top + height;
      if (ruled) this.rule(top, end, widths);
      doc.y = end;
    }
    table.end();
    doc.y += layout.paragraphGap;
  }

  private rule(top: number, bottom: number, widths: number[]): void {
    const { doc, layout } = this;
    if (bottom <= top || bottom > this.doc.page.height) return;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.save().lineWidth(0.5).strokeColor(layout.colors.rule);
    let x = this.left;
    for (const width of widths) {
      doc.rect(x, top, width, bottom - top).stroke();
      x += width;
    }
    doc.restore();
    doc.endMarkedContent();
  }

  private runsHeight(runs: TextRun[], width: number): number {
    const { doc, layout } = this;
    // Measure with the body font; bold runs are slightly wider, so allow a line of slack when any run is bold.
    const text = runs.map((run) => run.text).join('') || ' ';
    const bold = runs.some((run) => run.bold);
    doc.font(bold ? 'Bold' : 'Body').fontSize(layout.fontSize.body);
    return doc.heightOfString(text, { width, lineGap: layout.lineGap });
  }

  /** The running header and the page numbers, on every page, marked as pagination artifacts. */
  private pageFurniture(): void {
    const { doc, view, layout, options } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      const margins = { ...doc.page.margins };
      doc.page.margins.top = 0;
      doc.page.margins.bottom = 0;
      doc.font('Body').fontSize(layout.fontSize.small).fillColor(layout.colors.muted);
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
      doc.text(`${view.organisation.value} – ${view.title.value}`, this.left, layout.header.y, {
        width: this.width,
        lineBreak: false,
        ellipsis: true,
      });
      doc.endMarkedContent();
      if (options.draftMark) {
        // Like the running header, furniture of the page: the document's title already says it to a screen reader.
        doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
        doc
          .font('Bold')
          .fontSize(layout.fontSize.body)
          .fillColor(layout.colors.fallback)
          .text(options.draftMark, this.left, layout.header.y + layout.fontSize.small * 1.6, { width: this.width, lineBreak: false });
        doc.endMarkedContent();
        doc.font('Body').fontSize(layout.fontSize.small).fillColor(layout.colors.muted);
      }
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
      const y = doc.page.height - layout.footer.fromBottom;
      doc.text(options.letter?.footer ?? options.labels.generated, this.left, y, {
        width: this.width * 0.8,
        lineBreak: false,
        ellipsis: true,
      });
      doc.text(fill(options.labels.page, { page: index + 1, pages: range.count }), this.left, y, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      });
      doc.endMarkedContent();
      doc.page.margins = margins;
    }
  }
}
