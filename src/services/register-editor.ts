import * as z from 'zod';
import { contentDir } from '../content/catalogue.ts';
import { hashText, readRegisterSource, saveEntryChange, saveRegisterChanges } from '../content/register-file.ts';
import { parseDocument } from 'yaml';
import { can } from '../domain/access.ts';
import { formatPath, languageReport } from '../domain/catalogue-rules.ts';
import { isLang, LANGS, type Lang } from '../domain/language.ts';
import { NOTICE_FORMATS } from '../domain/notice-format.ts';
import { registerSchema, type Register } from '../domain/register.ts';
import type { Actor } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { getCatalogue } from './catalogue.ts';
import {
  LOCALIZED,
  parsePath,
  saveForm,
  type FormSaveResult,
  textFields,
  unwrap,
  valueFields,
  type AnySchema,
  type TextField,
  type ValueField,
} from './schema-form.ts';
import { sectionStarts } from './register-sections.ts';

/** The id of a text's place in the editor, from its field path as `seloste check` writes it (`purposes.items[2]`). */
export function editorAnchor(fieldPath: string): string {
  return `text-${fieldPath.replace(/[^A-Za-z0-9]+/gu, '-').replace(/^-|-$/gu, '')}`;
}

export type { Conflict, TextField, ValueField } from './schema-form.ts';

/** The fields of one top-level part of the register (a notice section), under its heading. */
export interface FieldGroup {
  key: string;
  heading: string;
  values: ValueField[];
  fields: TextField[];
}

export interface EditorForm {
  id: string;
  organisation: string;
  hash: string;
  required: Lang[];
  groups: FieldGroup[];
  lists: RepeatableList[];
}

/** Top-level fields the editor leaves alone: the id names the file, and the organisation decides who may edit it. */
const FIXED = ['id', 'organisation'] as const;

/**
 * Every localized text of a register, found by walking the register's zod schema alongside its value, so that a text
 * field added to the model appears in the editor without a form written for it. Top-level texts the register does
 * not have yet are offered empty.
 */
export function localizedFields(register: Register, required: readonly Lang[]): TextField[] {
  return textFields(registerSchema, register, required);
}

/** Every field of a register that is not a localized text (choices, dates, yes/no, numbers, statute references, strings). */
export function registerValueFields(register: Register, lang: Lang): ValueField[] {
  return valueFields(registerSchema, register, lang, FIXED);
}

function headingOf(register: Register, key: string, lang: Lang): string {
  const section = NOTICE_FORMATS[register.format].find((candidate) => candidate.sources.some((source) => source === key));
  return section ? `${section.heading[lang]} (${key})` : key;
}

export class EditorForbiddenError extends Error {
  readonly code = 'EDITOR_FORBIDDEN';
}

/** The editor's form for a register's working copy, or undefined when it cannot be read as a register. */
export async function editorForm(actor: Actor, id: string, lang: Lang, text?: string): Promise<EditorForm | undefined> {
  const source = await readRegisterSource(contentDir(), id);
  if (!source) return undefined;
  const parsed = registerSchema.safeParse(parseDocument(text ?? source.text, { version: '1.2' }).toJS());
  if (!parsed.success) return undefined;
  const register = parsed.data;
  if (!can(actor, 'registers.read', register.organisation)) throw new EditorForbiddenError(id);
  const organisation = (await getCatalogue()).organisations.get(register.organisation);
  const { required } = languageReport(register, organisation);
  // One group per top-level key that has a field, in the model's order.
  const groups = new Map(
    Object.keys(registerSchema.shape).map((key) => [
      key,
      { key, heading: headingOf(register, key, lang), values: [], fields: [] } as FieldGroup,
    ]),
  );
  for (const field of registerValueFields(register, lang)) groups.get(String(field.path[0]))?.values.push(field);
  for (const field of [...localizedFields(register, required), ...sectionStarts(register, required)])
    groups.get(String(field.path[0]))?.fields.push(field);
  return {
    id,
    organisation: register.organisation,
    hash: source.hash,
    required,
    groups: [...groups.values()].filter((group) => group.values.length + group.fields.length > 0),
    lists: repeatableLists(register, lang),
  };
}

export type EditorSaveResult = FormSaveResult;

/**
 * Saves the editor's fields into the working copy. Only the fields that changed are written, each through the YAML
 * document, so everything else in the file stays as it was. A value that its own schema refuses is named at its
 * field and nothing is written. A save made over a field someone else saved meanwhile is refused, and comes back
 * with both versions of each field that differs, so nothing typed is lost. Audited.
 */
export async function saveEditor(store: Store, actor: Actor, id: string, form: FormData): Promise<EditorSaveResult> {
  const source = await readRegisterSource(contentDir(), id);
  if (!source) throw new EditorForbiddenError(id);
  const register = registerSchema.parse(parseDocument(source.text, { version: '1.2' }).toJS());
  if (!can(actor, 'registers.edit', register.organisation)) throw new EditorForbiddenError(id);

  const fields = registerValueFields(register, 'fi');
  const result = await saveForm(register, fields, source.hash, form, (baseHash, changes) =>
    saveRegisterChanges(contentDir(), id, baseHash, changes),
  );
  if (result === 'retry') return saveEditor(store, actor, id, form);
  if (!result.ok || !result.changed) return result;
  await store.audit.append({
    actor: actor.username,
    action: 'register.saved',
    entity: `register:${id}`,
    organisation: register.organisation,
    details: { fields: result.changed },
  });
  return { ok: true };
}

/** A list of the register that the editor can reorder and shorten: its path and a fingerprint of each entry. */
export interface RepeatableList {
  label: string;
  /** The path as JSON, as the form posts it. */
  name: string;
  path: (string | number)[];
  entries: { index: number; fingerprint: string; summary: string }[];
  /** The schema of an entry, from which a new one is made. */
  element: AnySchema;
}

/** The first text of an entry, in the reader's language when it has one, shortened: how the editor names it. */
function entrySummary(entry: unknown, lang: Lang): string {
  const first = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if (LANGS.some((code) => typeof record[code] === 'string'))
      return String(record[lang] ?? LANGS.map((code) => record[code]).find((text) => typeof text === 'string'));
    for (const child of Object.values(record)) {
      const found = first(child);
      if (found) return found;
    }
    return undefined;
  };
  const text = (first(entry) ?? '').replace(/\s+/gu, ' ').trim();
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

/** A short, stable fingerprint of an entry, so that an operation posted from an old form finds the entry it meant. */
export function entryFingerprint(entry: unknown): string {
  return hashText(JSON.stringify(entry)).slice(0, 16);
}

/**
 * Every list of objects in the register (purposes, data-subject groups, sources, disclosures, processors, joint
 * controllers, transfers, statutes, …), found by walking the register's zod schema alongside its value like the
 * texts, so a list added to the model can be reordered and shortened without a form written for it.
 */
export function repeatableLists(register: Register, lang: Lang = 'fi'): RepeatableList[] {
  const out: RepeatableList[] = [];
  const visit = (schema: AnySchema, value: unknown, path: (string | number)[]) => {
    const inner = unwrap(schema);
    if (inner === LOCALIZED || value === undefined) return;
    const def = inner._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; options?: AnySchema[] };
    if (def.type === 'object' && def.shape) {
      for (const [key, field] of Object.entries(def.shape)) {
        const child = (value as Record<string, unknown>)[key];
        // A list the register lacks is offered empty at the top and one level down, so its first entry can be added.
        if (child === undefined && path.length <= 1 && isEntryList(field))
          out.push({
            label: formatPath([...path, key]),
            name: JSON.stringify([...path, key]),
            path: [...path, key],
            entries: [],
            element: elementOf(field),
          });
        else visit(field, child, [...path, key]);
      }
    } else if (def.type === 'array' && def.element && Array.isArray(value)) {
      if (isEntryList(inner))
        out.push({
          label: formatPath(path),
          name: JSON.stringify(path),
          path,
          entries: value.map((entry, index) => ({ index, fingerprint: entryFingerprint(entry), summary: entrySummary(entry, lang) })),
          element: def.element,
        });
      value.forEach((item, index) => visit(def.element!, item, [...path, index]));
    } else if (def.type === 'union' && def.options) {
      const option = def.options.find((candidate) => z.safeParse(candidate, value).success);
      if (option) visit(option, value, path);
    }
  };
  visit(registerSchema, register, []);
  return out;
}

const elementOf = (schema: AnySchema): AnySchema => (unwrap(schema)._zod.def as { element?: AnySchema }).element ?? schema;

/** Whether a schema is a list of objects, texts or statute references: a list whose entries the editor handles. */
function isEntryList(schema: AnySchema): boolean {
  const def = unwrap(schema)._zod.def as { type: string; element?: AnySchema };
  if (def.type !== 'array' || !def.element) return false;
  const element = unwrap(def.element);
  const type = (element._zod.def as { type: string }).type;
  return type === 'object' || type === 'union' || element === LOCALIZED;
}

/**
 * The smallest entry the model accepts, built from its schema: the typed text in the reader's language for each
 * required text (and plain string), the first choice of each required enum, `false`, one entry of each required list;
 * optional fields left out. The author then fills in the rest in the editor.
 */
export function minimalEntry(schema: AnySchema, text: string, lang: Lang): unknown {
  const inner = unwrap(schema);
  if (inner === LOCALIZED) return { [lang]: text };
  const def = inner._zod.def as {
    type: string;
    shape?: Record<string, AnySchema>;
    element?: AnySchema;
    options?: AnySchema[];
    entries?: Record<string, string>;
    values?: unknown[];
  };
  switch (def.type) {
    case 'object': {
      const fields = Object.entries(def.shape ?? {});
      const entry: Record<string, unknown> = Object.fromEntries(
        fields.flatMap(([key, field]) => (field._zod.optin === 'optional' ? [] : [[key, minimalEntry(field, text, lang)]])),
      );
      // An object whose fields are all optional but which needs one of them (a refinement) gets the first that helps.
      for (const [key, field] of fields) {
        if (z.safeParse(inner, entry).success) break;
        if (key in entry) continue;
        entry[key] = minimalEntry(field, text, lang);
        if (!z.safeParse(inner, entry).success) delete entry[key];
      }
      return entry;
    }
    case 'array':
      return def.element ? [minimalEntry(def.element, text, lang)] : [];
    case 'union': {
      const candidates = (def.options ?? []).map((option) => minimalEntry(option, text, lang));
      return candidates.find((candidate) => z.safeParse(inner, candidate).success) ?? candidates[0];
    }
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'boolean':
      return false;
    case 'number':
      return 0;
    default:
      return text;
  }
}

export type EntryResult =
  { ok: true } | { ok: false; reason: 'gone' } | { ok: false; reason: 'invalid'; problems: { path: string; message: string }[] };

/**
 * Removes an entry of a list or moves it one place, from a button of the editor (`entry` = JSON of path, index,
 * fingerprint and operation). The entry is found by its fingerprint in the file as it is now, so a form loaded before
 * someone else's save moves or removes the entry the user saw, never another; when it is gone or changed, nothing is
 * written. Saved through the YAML document atomically, and audited.
 */
export async function changeEntry(store: Store, actor: Actor, id: string, form: FormData): Promise<EntryResult> {
  const request = parseEntryRequest(String(form.get('entry') ?? ''));
  const source = await readRegisterSource(contentDir(), id);
  if (!source) throw new EditorForbiddenError(id);
  const register = registerSchema.parse(parseDocument(source.text, { version: '1.2' }).toJS());
  if (!can(actor, 'registers.edit', register.organisation)) throw new EditorForbiddenError(id);
  const addTo = parsePath(String(form.get('add') ?? ''));
  if (addTo) return addEntry(store, actor, register, source.hash, addTo, form);
  if (!request) return { ok: false, reason: 'gone' };
  const list = repeatableLists(register).find((candidate) => candidate.name === JSON.stringify(request.path));
  const matches = list?.entries.filter((entry) => entry.fingerprint === request.fingerprint) ?? [];
  // Of equal entries, the one at the posted place if it is there, else the first.
  const entry = matches.find((candidate) => candidate.index === request.index) ?? matches[0];
  if (!entry) return { ok: false, reason: 'gone' };
  const outcome = await saveEntryChange(contentDir(), id, source.hash, { path: request.path, index: entry.index, op: request.op });
  if (outcome.kind === 'stale') return changeEntry(store, actor, id, form);
  if (outcome.kind === 'invalid') return { ok: false, reason: 'invalid', problems: outcome.problems };
  if (outcome.source.hash === source.hash) return { ok: true };
  await store.audit.append({
    actor: actor.username,
    action: 'register.saved',
    entity: `register:${id}`,
    organisation: register.organisation,
    details: { list: formatPath(request.path), entry: request.op },
  });
  return { ok: true };
}

/** Adds an entry made from the model (see `minimalEntry`) with the typed text, at the end of the list. */
async function addEntry(
  store: Store,
  actor: Actor,
  register: Register,
  hash: string,
  path: (string | number)[],
  form: FormData,
): Promise<EntryResult> {
  const name = JSON.stringify(path);
  const list = repeatableLists(register).find((candidate) => candidate.name === name);
  if (!list) return { ok: false, reason: 'gone' };
  const lang = String(form.get('lang') ?? '');
  const text = String(form.get(`new:${name}`) ?? '')
    .replace(/\r\n/gu, '\n')
    .trim();
  if (!text || !isLang(lang))
    return { ok: false, reason: 'invalid', problems: [{ path: formatPath(path), message: 'workspace.entries.needText' }] };
  const outcome = await saveEntryChange(contentDir(), register.id, hash, {
    path,
    op: 'add',
    value: minimalEntry(list.element, text, lang),
  });
  if (outcome.kind === 'stale') return changeEntry(store, actor, register.id, form);
  if (outcome.kind === 'invalid') return { ok: false, reason: 'invalid', problems: outcome.problems };
  await store.audit.append({
    actor: actor.username,
    action: 'register.saved',
    entity: `register:${register.id}`,
    organisation: register.organisation,
    details: { list: formatPath(path), entry: 'add' },
  });
  return { ok: true };
}

function parseEntryRequest(
  json: string,
): { path: (string | number)[]; index: number; fingerprint: string; op: 'remove' | 'up' | 'down' } | undefined {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return undefined;
    const { path, index, fingerprint, op } = value as Record<string, unknown>;
    const checked = parsePath(JSON.stringify(path));
    if (!checked || !Number.isInteger(index) || (index as number) < 0) return undefined;
    if (typeof fingerprint !== 'string' || !/^[0-9a-f]{16}$/u.test(fingerprint)) return undefined;
    if (op !== 'remove' && op !== 'up' && op !== 'down') return undefined;
    return { path: checked, index: index as number, fingerprint, op };
  } catch {
    return undefined;
  }
}
