import path from 'node:path';
import { collectLocalizedTexts, isLocalizedText } from '../../domain/localized-text.ts';
import type { Organisation } from '../../domain/organisation.ts';
import { registerSchema, type Register, type RegisterFormat } from '../../domain/register.ts';
import type { Draft, Piece } from './draft.ts';
import type { Merged } from './merge.ts';
import { containsGdpr, findStatutes } from './statutes.ts';
import { vocabulary } from './vocabulary.ts';

/** Words that name a register or a system, which a title line usually has. */
const REGISTER_WORD = /rekister|register|järjestelmä|system|file|tiedosto/iu;

export interface Finalized {
  register: Register;
  unplaced: Piece[];
  /** Unplaced text that repeats text placed in a field (a page header such as the unit's name): dropped. */
  duplicates: Piece[];
  /** Fields whose imported value the model refused: their text went to the unplaced part. */
  refused: { field: string; key: string }[];
  /** Where the title came from when the source has no heading for it. */
  titleFrom: 'heading' | 'systemName' | 'firstLine' | 'fileName';
}

const normalize = (text: string) =>
  text
    .toLocaleLowerCase('fi')
    .replace(/[\s,.;:]+/gu, ' ')
    .trim();
const KEY_ORDER = Object.keys(registerSchema.shape);

/**
 * The register from the merged drafts: identity and dates, a title however the source names it, and only what the
 * model accepts. A value the model refuses (a telephone number it cannot read, a person without a name or post)
 * is taken out and its text kept in the unplaced part, so the draft always validates and nothing is lost.
 */
export function finalize(
  merged: Merged,
  drafts: readonly Draft[],
  options: { id: string; organisation: Organisation; format: RegisterFormat },
): Finalized {
  const data: Record<string, unknown> = structuredClone(merged.data);
  const all = drafts.flatMap((draft) => draft.unplaced);
  const { titleFrom, promoted } = ensureTitle(data, drafts, all);
  const unplaced = all.filter((piece) => !promoted.has(piece));
  const system = data.informationSystem as Record<string, unknown> | undefined;
  if (system && system.name === undefined) system.name = data.title;

  const { duplicates, kept } = dropDuplicates(unplaced, data, Object.values(options.organisation.name));
  const identity = {
    id: options.id,
    format: options.format,
    status: 'draft',
    organisation: options.organisation.id,
    version: 1,
    ...documentDates(drafts),
  };
  const candidate: Record<string, unknown> = { ...identity, ...data };
  const refused: Finalized['refused'] = [];
  for (let round = 0; round < 50; round++) {
    const ordered = order({ ...candidate, unplaced: kept.length > 0 ? kept.map(toUnplaced) : undefined });
    const result = registerSchema.safeParse(ordered);
    if (result.success) return { register: result.data, unplaced: kept, duplicates, refused, titleFrom };
    const issue = result.error.issues[0]!;
    const cut = removalPath(candidate, issue.path as (string | number)[]);
    if (cut.length === 0 || ['id', 'format', 'status', 'organisation', 'version', 'title'].includes(String(cut[0]))) {
      throw new Error(`import produced an invalid ${String(issue.path.join('.'))}: ${issue.message}`);
    }
    const removed = removeAt(candidate, cut);
    refused.push({ field: cut.join('.'), key: issue.message });
    for (const text of textsIn(removed))
      kept.push({ ...text, heading: cut.filter((key) => typeof key === 'string').join('.'), reason: 'invalid' });
  }
  throw new Error('import could not produce a valid register');
}

/** A title is required: the register's name, else the system's name, else the document's first line, else the file name. */
function ensureTitle(
  data: Record<string, unknown>,
  drafts: readonly Draft[],
  unplaced: Piece[],
): { titleFrom: Finalized['titleFrom']; promoted: Set<Piece> } {
  const promoted = new Set<Piece>();
  if (data.title !== undefined) return { titleFrom: 'heading', promoted };
  const system = (data.informationSystem as Record<string, unknown> | undefined)?.name;
  if (system !== undefined) {
    data.title = system;
    return { titleFrom: 'systemName', promoted };
  }
  const title: Record<string, string> = {};
  let titleFrom: Finalized['titleFrom'] = 'firstLine';
  for (const draft of drafts) {
    const candidates = unplaced.filter(
      (piece) =>
        piece.lang === draft.lang &&
        piece.reason === 'beforeHeadings' &&
        !piece.text.includes('\n') &&
        piece.text.length <= 120 &&
        !/[.!?]$/u.test(piece.text) &&
        // "EU:n yleinen tietosuoja-asetus (2016/679), artiklat 13 ja 14" says what the document is under, not its name.
        findStatutes(piece.text, true).length === 0 &&
        !containsGdpr(piece.text),
    );
    const first = candidates.find((piece) => REGISTER_WORD.test(piece.text)) ?? candidates[0];
    if (first) {
      title[draft.lang] = withoutDocumentName(first.text, draft);
      promoted.add(first);
    } else {
      title[draft.lang] = path.basename(draft.file, path.extname(draft.file));
      titleFrom = 'fileName';
    }
  }
  data.title = title;
  return { titleFrom, promoted };
}

/**
 * "Tietosuojaseloste, nuorisopalvelujen asiakasrekisteri" names the register after the kind of document; the kind
 * is the format's to say, so the title is the rest (the conversion is reported).
 */
function withoutDocumentName(line: string, draft: Draft): string {
  const { languages } = vocabulary();
  const names = Object.values(languages).flatMap((words) => words.headings.documentTitle ?? []);
  for (const name of names.sort((a, b) => b.length - a.length)) {
    const match = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\s*[,:–—-]\\s*(.+)$`, 'iu').exec(line);
    if (match) {
      draft.conversions.push({ from: line, field: 'title', to: match[1]! });
      return match[1]!;
    }
  }
  return line;
}

/** The date first published and last updated: as labelled, else the earliest and latest date of the documents. */
function documentDates(drafts: readonly Draft[]): { published?: string; updated?: string } {
  const dates = drafts.flatMap((draft) => draft.dates);
  if (dates.length === 0) return {};
  const sorted = (kind?: 'published' | 'updated') =>
    dates
      .filter((date) => kind === undefined || date.kind === kind || date.kind === undefined)
      .map((date) => date.iso)
      .sort();
  const published = sorted('published')[0] ?? sorted()[0]!;
  const updated = sorted('updated').at(-1) ?? sorted().at(-1)!;
  return updated < published ? { published, updated: published } : { published, updated };
}

/**
 * Unplaced text before the first heading that is already in a field, whole or as one of its lines, or that is
 * the organisation's name (a page header such as "HELSINGIN KAUPUNKI").
 */
function dropDuplicates(
  pieces: Piece[],
  data: Record<string, unknown>,
  organisationNames: string[],
): { duplicates: Piece[]; kept: Piece[] } {
  const placed = new Set<string>(organisationNames.map(normalize));
  for (const { text } of collectLocalizedTexts(data)) {
    for (const value of Object.values(text)) {
      if (!value) continue;
      placed.add(normalize(value));
      for (const line of value.split('\n')) placed.add(normalize(line));
    }
  }
  const duplicates = pieces.filter((piece) => piece.reason === 'beforeHeadings' && placed.has(normalize(piece.text)));
  return { duplicates, kept: pieces.filter((piece) => !duplicates.includes(piece)) };
}

function toUnplaced(piece: Piece): Record<string, string> {
  const entry: Record<string, string> = { text: piece.text, lang: piece.lang };
  if (piece.heading) entry.heading = piece.heading;
  if (piece.source) entry.source = piece.source;
  return entry;
}

/** The fields in the order of the schema, without empty values. */
function order(value: Record<string, unknown>): Record<string, unknown> {
  const keys = [...KEY_ORDER, ...Object.keys(value).filter((key) => !KEY_ORDER.includes(key))];
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, prune(value[key])]));
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(prune);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, prune(item)]),
    );
  }
  return value;
}

/**
 * What to take out for an issue: the list element it is in (a whole person, a whole source), else the field or
 * sub-field at most two levels down; for a missing required key, the object that lacks it.
 */
function removalPath(data: Record<string, unknown>, issuePath: (string | number)[]): (string | number)[] {
  let target = issuePath;
  while (target.length > 0 && valueAt(data, target) === undefined) target = target.slice(0, -1);
  const firstIndex = target.findIndex((key) => typeof key === 'number');
  if (firstIndex >= 0) {
    const element = target.slice(0, firstIndex + 1);
    // An element of a list of texts is the text itself; its parent object is the unit to move.
    return isLocalizedText(valueAt(data, element)) && firstIndex >= 2 ? target.slice(0, firstIndex - 1) : element;
  }
  return target.slice(0, Math.min(target.length, 2));
}

function valueAt(data: unknown, keys: (string | number)[]): unknown {
  let value = data;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Removes the value at a path, then any list or object left empty by it, and returns the value. */
function removeAt(data: Record<string, unknown>, keys: (string | number)[]): unknown {
  const parent = valueAt(data, keys.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const last = keys.at(-1)!;
  const removed = (parent as Record<string | number, unknown>)[last];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Record<string | number, unknown>)[last];
  const empty = Array.isArray(parent) ? parent.length === 0 : Object.keys(parent).length === 0;
  if (empty && keys.length > 1) removeAt(data, keys.slice(0, -1));
  return removed;
}

/** Every text inside a removed value, with its language; values without a language take the first one found. */
function textsIn(value: unknown): { text: string; lang: Piece['lang'] }[] {
  const texts = collectLocalizedTexts(value).flatMap(({ text }) =>
    (Object.entries(text) as [Piece['lang'], string][]).map(([lang, content]) => ({ text: content, lang })),
  );
  const lang = texts[0]?.lang ?? 'fi';
  const plain: string[] = [];
  const walk = (item: unknown) => {
    if (typeof item === 'string') plain.push(item);
    else if (Array.isArray(item)) item.forEach(walk);
    else if (item !== null && typeof item === 'object' && !isLocalizedText(item)) Object.values(item).forEach(walk);
  };
  walk(value);
  return [...texts, ...plain.filter((text) => /[\p{L}\p{N}]/u.test(text)).map((text) => ({ text, lang }))];
}
