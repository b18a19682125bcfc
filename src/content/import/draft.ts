import type { Lang } from '../../domain/language.ts';
import type { LocalizedText } from '../../domain/localized-text.ts';
import type { Organisation } from '../../domain/organisation.ts';
import type { RegisterFormat } from '../../domain/register.ts';
import type { Block } from './blocks.ts';
import type { Section } from './sections.ts';
import type { LanguageVocabulary } from './vocabulary.ts';

export type Path = (string | number)[];

/** Why a piece of text went to the unplaced part. */
export type UnplacedReason = 'noField' | 'unknownHeading' | 'beforeHeadings' | 'unread' | 'invalid';

/** Text the import could not place, with where it came from. */
export interface Piece {
  text: string;
  lang: Lang;
  heading?: string;
  source?: string;
  reason: UnplacedReason;
}

/** A value written differently from the source: a date, a year, a frequency, an address with "(a)". */
export interface Conversion {
  from: string;
  field: string;
  to: string;
}

/** The register being built from one document in one language, field by field, with what could not be placed. */
export class Draft {
  readonly data: Record<string, unknown> = {};
  readonly unplaced: Piece[] = [];
  readonly conversions: Conversion[] = [];
  /** Dates of the document itself, with what their label says they are. */
  readonly dates: { iso: string; kind?: 'published' | 'updated' }[] = [];

  readonly lang: Lang;
  readonly file: string;

  constructor(lang: Lang, file: string) {
    this.lang = lang;
    this.file = file;
  }

  loc(text: string): LocalizedText {
    return { [this.lang]: text };
  }

  get(path: Path): unknown {
    let value: unknown = this.data;
    for (const key of path) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string | number, unknown>)[key];
    }
    return value;
  }

  set(path: Path, value: unknown): void {
    let target = this.data as Record<string | number, unknown>;
    path.slice(0, -1).forEach((key, index) => {
      target[key] ??= typeof path[index + 1] === 'number' ? [] : {};
      target = target[key] as Record<string | number, unknown>;
    });
    target[path.at(-1)!] = value;
  }

  /** Sets a localized text, or adds a paragraph to one that is there already (several sections may fill one field). */
  appendText(path: Path, text: string): void {
    const existing = this.get(path) as LocalizedText | undefined;
    const current = existing?.[this.lang];
    this.set(path, this.loc(current ? `${current}\n\n${text}` : text));
  }

  /** Adds an item to a list and returns its index. */
  push(path: Path, value: unknown): number {
    const list = (this.get(path) as unknown[] | undefined) ?? [];
    list.push(value);
    this.set(path, list);
    return list.length - 1;
  }
}

/** What a placer works with: the section, the draft, and a record of the blocks it used and the fields it filled. */
export interface PlaceContext {
  draft: Draft;
  section: Section;
  lang: Lang;
  words: LanguageVocabulary;
  format: RegisterFormat;
  organisation: Organisation;
  used: Set<Block>;
  filled: Set<string>;
}

/** Marks blocks as placed, under a field name for the report. */
export function use(context: PlaceContext, field: string, blocks: readonly Block[]): void {
  for (const block of blocks) context.used.add(block);
  context.filled.add(field);
}

/** Text that stays with the draft, unplaced, with its heading and position. */
export function unplace(context: PlaceContext, text: string, block: Block | undefined, reason: UnplacedReason): void {
  if (block) context.used.add(block);
  if (!/[\p{L}\p{N}]/u.test(text)) return;
  const piece: Piece = {
    text,
    lang: context.lang,
    source: `${context.draft.file}, ${block?.position ?? context.section.position}`,
    reason,
  };
  if (context.section.heading) piece.heading = context.section.heading;
  context.draft.unplaced.push(piece);
}

/** Blocks as markdown: paragraphs separated by blank lines, list items as "- " lines, nested items indented. */
export function markdown(blocks: readonly Block[]): string {
  const parts: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length > 0) parts.push(list.join('\n'));
    list = [];
  };
  for (const block of blocks) {
    if (block.type === 'item') {
      list.push(`${'  '.repeat(block.level ?? 0)}- ${block.text.replace(/\n/gu, ' ')}`);
      continue;
    }
    flush();
    parts.push(block.text);
  }
  flush();
  return parts.join('\n\n');
}

/** The lines of a block, without empty ones. */
export const linesOf = (block: Block) =>
  block.text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/** Places the blocks of one section into the draft; blocks it leaves unused become unplaced text. */
export type Placer = (context: PlaceContext) => void;
