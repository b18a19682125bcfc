import * as z from 'zod';
import { formatPath } from '../domain/catalogue-rules.ts';
import { isoDateSchema } from '../domain/date.ts';
import { LANGS, type Lang } from '../domain/language.ts';
import { localizedTextSchema, type LocalizedText } from '../domain/localized-text.ts';
import { ORGANISATION_KINDS } from '../domain/organisation.ts';
import {
  ARTICLE_6_BASES,
  ARTICLE_9_CONDITIONS,
  CLIENT_SYSTEMS,
  DATA_SUBJECT_RIGHTS,
  REGISTER_STATUSES,
  SPECIAL_CATEGORIES,
  TRANSFER_SAFEGUARDS,
  UPDATE_FREQUENCIES,
} from '../domain/register.ts';
import { formatStatute, parseStatute, statuteRefSchema, statuteUrl } from '../domain/statute.ts';
import { tFor } from '../i18n/index.ts';

/**
 * Forms generated from the zod model: the schema of a register or an organisation is walked alongside its value,
 * and every field is offered by its kind (a localized text, a choice, a date, a yes/no, a number, a statute
 * reference, a plain string), so a field added to the model appears in the editor without a form written for it.
 */
export type AnySchema = z.core.$ZodType;
export type FieldPath = (string | number)[];

/** Looks through optional, default, pipe and lazy wrappers to the schema that says what a value is. */
export function unwrap(schema: AnySchema): AnySchema {
  for (;;) {
    const def = schema._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; getter?: () => AnySchema };
    if (def.innerType) schema = def.innerType;
    else if (def.type === 'pipe' && def.in) schema = def.in;
    else if (def.type === 'lazy' && def.getter) schema = def.getter();
    else return schema;
  }
}

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  entries?: Record<string, string>;
  keyType?: AnySchema;
  valueType?: AnySchema;
}
const defOf = (schema: AnySchema): Def => unwrap(schema)._zod.def as Def;

export const LOCALIZED = unwrap(localizedTextSchema);
const ISO_DATE = unwrap(isoDateSchema);
const STATUTE_REF = unwrap(statuteRefSchema);

/** One localized text in a form: where it is, what it says in each language, and which required ones lack. */
export interface TextField {
  /** The field's path, e.g. `purposes.items[2]`. */
  label: string;
  /** The form control's name: the path as JSON. */
  name: string;
  path: FieldPath;
  values: Partial<Record<Lang, string>>;
  missing: Lang[];
}

/**
 * Every localized text of a value, found by walking its schema. Top-level texts the value does not have yet are
 * offered empty.
 */
export function textFields(root: AnySchema, value: unknown, required: readonly Lang[]): TextField[] {
  const out: TextField[] = [];
  const visit = (schema: AnySchema, node: unknown, path: FieldPath) => {
    const inner = unwrap(schema);
    if (inner === LOCALIZED) {
      const text = (node ?? {}) as LocalizedText;
      out.push({
        label: formatPath(path),
        name: JSON.stringify(path),
        path,
        values: Object.fromEntries(LANGS.flatMap((lang) => (text[lang] ? [[lang, text[lang]]] : []))),
        missing: required.filter((lang) => !text[lang]),
      });
      return;
    }
    const def = inner._zod.def as Def;
    if (def.type === 'object' && def.shape) {
      for (const [key, field] of Object.entries(def.shape)) {
        const child = (node as Record<string, unknown> | undefined)?.[key];
        if (child !== undefined || (path.length === 0 && unwrap(field) === LOCALIZED)) visit(field, child, [...path, key]);
      }
    } else if (def.type === 'array' && def.element && Array.isArray(node)) {
      node.forEach((item, index) => visit(def.element!, item, [...path, index]));
    } else if (def.type === 'union' && def.options && node !== undefined) {
      const option = def.options.find((candidate) => z.safeParse(candidate, node).success);
      if (option) visit(option, node, path);
    }
  };
  visit(root, value, []);
  return out;
}

/** How a field that is not a localized text is edited. */
export type ValueKind = 'enum' | 'choices' | 'boolean' | 'date' | 'number' | 'statute' | 'text';

/** One field that is not a localized text: a choice, a list of choices, a date, a yes/no, a number or a string. */
export interface ValueField {
  label: string;
  /** The path as JSON: the form posts `v:<name>`, with a hidden `f:<name>` saying the field was in the form. */
  name: string;
  path: FieldPath;
  kind: ValueKind;
  /** The saved value as the form shows it; a list of choices as its chosen values. */
  value: string | string[];
  /** For `enum` and `choices`: the values the model allows, each with its label in the reader's language. */
  options: { value: string; label: string }[];
  /** Whether the model lets the field be left out (then an empty control removes it). */
  optional: boolean;
  /** The field's schema as the model has it, against which a typed value is checked on its own. */
  schema: AnySchema;
}

/**
 * Where the locales name the values of a set of choices, by the set's values. A set not here is shown by its values,
 * which are words already (e.g. `replace`, `extend`).
 */
const OPTION_LABELS = new Map<string, (value: string) => string>(
  (
    [
      [UPDATE_FREQUENCIES, (value) => `notice.frequency.${value}`],
      [TRANSFER_SAFEGUARDS, (value) => `notice.safeguard.${value}`],
      [SPECIAL_CATEGORIES, (value) => `notice.special.${value}`],
      [DATA_SUBJECT_RIGHTS, (value) => `notice.right.${value}`],
      [CLIENT_SYSTEMS, (value) => `notice.product.${value}`],
      [ARTICLE_6_BASES, (value) => `notice.art6.${value}`],
      [ARTICLE_9_CONDITIONS, (value) => `notice.art9.${value}`],
      [REGISTER_STATUSES, (value) => `workspace.state.${value}`],
      [LANGS, (value) => `lang.${value}`],
      [ORGANISATION_KINDS, (value) => `orgEditor.kind.${value}`],
    ] as const satisfies readonly (readonly [readonly string[], (value: string) => string])[]
  ).map(([values, key]) => [values.join('|'), key]),
);

function optionsOf(schema: AnySchema, lang: Lang): { value: string; label: string }[] {
  const values = Object.values(defOf(schema).entries ?? {});
  const key = OPTION_LABELS.get(values.join('|'));
  const t = tFor(lang);
  return values.map((value) => {
    const label = key ? t(key(value), { defaultValue: value }) : value;
    return { value, label: label === value ? value : `${label} (${value})` };
  });
}

const isStringLike = (schema: AnySchema): boolean => ['string', 'literal', 'enum'].includes(defOf(schema).type);

/** The kind of a field by its schema, or undefined when it is not a single value the form edits. */
function kindOf(schema: AnySchema, inStatute: boolean): ValueKind | undefined {
  const inner = unwrap(schema);
  const def = inner._zod.def as Def;
  switch (def.type) {
    case 'enum':
      return 'enum';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      if (inner === ISO_DATE) return 'date';
      return inStatute ? 'statute' : 'text';
    case 'union':
      // "permanent" or a duration, "none" or a URL, "unknown" or a country code: typed as text.
      return def.options?.every(isStringLike) ? 'text' : undefined;
    case 'array':
      return def.element && defOf(def.element).type === 'enum' ? 'choices' : undefined;
    default:
      return undefined;
  }
}

/** The saved value as a form control shows it. */
function shown(kind: ValueKind, value: unknown): string | string[] {
  if (kind === 'choices') return Array.isArray(value) ? value.map(String) : [];
  return value === undefined || value === null ? '' : String(value);
}

/** A map from a set of keys to a set of choices, such as a register's `visibility` (section → public or internal). */
function isChoiceMap(schema: AnySchema): boolean {
  const def = defOf(schema);
  return (
    def.type === 'record' && !!def.keyType && !!def.valueType && defOf(def.keyType).type === 'enum' && defOf(def.valueType).type === 'enum'
  );
}

/** One optional choice per key of such a map, offered whether or not the map is written yet. */
function choiceMapFields(schema: AnySchema, node: unknown, path: FieldPath, lang: Lang): ValueField[] {
  const { keyType, valueType } = defOf(schema);
  const optional = z.optional(valueType as z.ZodType);
  return Object.values(defOf(keyType!).entries ?? {}).map((key) => ({
    label: formatPath([...path, key]),
    name: JSON.stringify([...path, key]),
    path: [...path, key],
    kind: 'enum' as const,
    value: shown('enum', (node as Record<string, unknown> | undefined)?.[key]),
    options: optionsOf(valueType!, lang),
    optional: true,
    schema: optional,
  }));
}

/**
 * Every field of a value that is not a localized text, found by walking its schema alongside the value: the
 * fields of each object the value has (those it lacks are offered empty), and of each entry of its lists. Keys in
 * `fixed` at the top are left out: they name the file or decide who may edit it.
 */
export function valueFields(root: AnySchema, value: unknown, lang: Lang, fixed: readonly string[] = []): ValueField[] {
  const out: ValueField[] = [];
  const visit = (schema: AnySchema, node: unknown, path: FieldPath) => {
    const inner = unwrap(schema);
    if (inner === LOCALIZED || node === undefined) return;
    const def = inner._zod.def as Def;
    if (def.type === 'object' && def.shape) {
      for (const [key, field] of Object.entries(def.shape)) {
        if (path.length === 0 && fixed.includes(key)) continue;
        const child = (node as Record<string, unknown>)[key];
        const kind = kindOf(field, inner === STATUTE_REF && key === 'ref');
        if (kind) {
          out.push({
            label: formatPath([...path, key]),
            name: JSON.stringify([...path, key]),
            path: [...path, key],
            kind,
            value: shown(kind, child),
            options: kind === 'enum' ? optionsOf(field, lang) : kind === 'choices' ? optionsOf(defOf(field).element!, lang) : [],
            optional: field._zod.optin === 'optional',
            schema: field,
          });
        } else if (isChoiceMap(field)) out.push(...choiceMapFields(field, child, [...path, key], lang));
        else visit(field, child, [...path, key]);
      }
    } else if (def.type === 'array' && def.element && Array.isArray(node)) {
      node.forEach((item, index) => visit(def.element!, item, [...path, index]));
    } else if (def.type === 'union' && def.options) {
      const option = def.options.find((candidate) => z.safeParse(candidate, node).success);
      if (option) visit(option, node, path);
    }
  };
  visit(root, value, []);
  return out;
}

/** A field's value refused on its own: the message key of the locales and its parameters. */
export interface FieldError {
  /** The field's path as `seloste check` writes it. */
  label: string;
  message: string;
  params: Record<string, unknown>;
}

/** The message of a value refused by a field's schema, as an i18n key with parameters that name what was typed. */
function messageOf(issue: z.core.$ZodIssue, typed: unknown): { message: string; params: Record<string, unknown> } {
  const value = Array.isArray(typed) ? typed.join(', ') : typed === undefined ? '' : `“${String(typed)}”`;
  const params = { ...((issue as { params?: Record<string, unknown> }).params ?? {}), value };
  if (issue.message.startsWith('errors.')) return { message: issue.message, params };
  if (typed === undefined) return { message: 'errors.required', params };
  if (issue.code === 'invalid_value') return { message: 'errors.invalidValue', params: { ...params, allowed: issue.values.join(', ') } };
  if (issue.code === 'too_small') return { message: 'errors.number.tooSmall', params: { ...params, minimum: issue.minimum } };
  if (issue.code === 'too_big') return { message: 'errors.tooBig', params: { ...params, maximum: issue.maximum } };
  return { message: 'errors.form.invalid', params };
}

/** A value posted for a field, as the model types it: `undefined` for an empty control. */
function typedValue(field: ValueField, form: FormData): unknown {
  const key = `v:${field.name}`;
  if (field.kind === 'choices') {
    const chosen = form.getAll(key).map(String);
    return chosen.length > 0 ? chosen : undefined;
  }
  const raw = String(form.get(key) ?? '').trim();
  if (raw === '') return undefined;
  if (field.kind === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  if (field.kind === 'number') return /^-?\d+$/u.test(raw) ? Number(raw) : raw;
  return raw;
}

export interface PostedValues {
  /** The fields whose posted value differs from the saved one, with the value to write. */
  changes: { field: ValueField; value: unknown }[];
  /** Refused values, by the field's name. */
  errors: Record<string, FieldError>;
  /** What was typed, by the field's name, so a refused form shows it again. */
  posted: Record<string, string[]>;
  /** Every field whose posted value differs from the saved one, refused or not. */
  differing: ValueField[];
}

/**
 * Reads the posted values of the fields that were in the form, and checks each changed one against its own schema,
 * so that a typing error is named at its field, in the user's language, before the whole value is checked.
 */
export function readPostedValues(fields: readonly ValueField[], form: FormData): PostedValues {
  const result: PostedValues = { changes: [], errors: {}, posted: {}, differing: [] };
  for (const field of fields) {
    if (!form.has(`f:${field.name}`)) continue;
    result.posted[field.name] = form.getAll(`v:${field.name}`).map(String);
    const value = typedValue(field, form);
    const saved = field.kind === 'choices' ? (field.value.length > 0 ? field.value : undefined) : field.value || undefined;
    const now = value === undefined ? undefined : field.kind === 'choices' ? value : String(value);
    if (JSON.stringify(now) === JSON.stringify(saved)) continue;
    result.differing.push(field);
    const checked = z.safeParse(field.schema, value);
    if (checked.success) result.changes.push({ field, value });
    else result.errors[field.name] = { label: field.label, ...messageOf(checked.error.issues[0]!, value) };
  }
  return result;
}

/**
 * A statute reference checked as typed: its canonical citation and its official text (Finlex for a Finnish act,
 * EUR-Lex for an EU act) in the reader's language, or, when it does not parse, a message naming the accepted forms.
 * The editor shows it beside the field, from the server on save and from `/api/statute` as the user types.
 */
export type StatuteCheck =
  { ok: true; citation: string; url: string; site: 'Finlex' | 'EUR-Lex'; text: string; linkText: string } | { ok: false; text: string };

export function checkStatute(ref: string, lang: Lang): StatuteCheck {
  const t = tFor(lang);
  const parsed = parseStatute(ref.slice(0, 200));
  if (!parsed) return { ok: false, text: t(ref.trim() ? 'editorFields.statute.invalid' : 'editorFields.statute.forms') };
  const site = parsed.kind === 'fi' ? 'Finlex' : 'EUR-Lex';
  const citation = formatStatute(parsed);
  return {
    ok: true,
    citation,
    url: statuteUrl(parsed, lang),
    site,
    text: t('editorFields.statute.parsed', { citation }),
    linkText: t('editorFields.statute.link', { site }),
  };
}

/** A field path from the form, checked to be a list of keys and indexes. */
export function parsePath(json: string): FieldPath | undefined {
  try {
    const path: unknown = JSON.parse(json);
    if (!Array.isArray(path) || path.length === 0 || path.length > 12) return undefined;
    return path.every((part) => (typeof part === 'string' && /^[A-Za-z][A-Za-z0-9]*$/u.test(part)) || (Number.isInteger(part) && part >= 0))
      ? (path as FieldPath)
      : undefined;
  } catch {
    return undefined;
  }
}

/** What a refused form had typed: texts by control name (`t:<lang>:<path>`), values by field name. */
export interface Typed {
  posted: Record<string, string>;
  values: Record<string, string[]>;
}

export interface PostedTexts {
  posted: Record<string, string>;
  wanted: { path: FieldPath; lang: Lang; value: string }[];
}

/** The texts of a form, `t:<lang>:<path as JSON>`, with line ends made plain and the ends trimmed. */
export function readPostedTexts(form: FormData): PostedTexts {
  const result: PostedTexts = { posted: {}, wanted: [] };
  for (const [name, raw] of form.entries()) {
    if (typeof raw !== 'string') continue;
    const [, lang, json] = /^t:(fi|sv|en):(.+)$/u.exec(name) ?? [];
    const path = json ? parsePath(json) : undefined;
    if (!lang || !path) continue;
    result.posted[name] = raw;
    result.wanted.push({ path, lang: lang as Lang, value: raw.replace(/\r\n/gu, '\n').trim() });
  }
  return result;
}

const valueAt = (root: unknown, path: FieldPath): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], root);

/** The texts that differ from the saved value, as changes to write; an emptied text removes its language. */
export function textChanges(saved: unknown, texts: PostedTexts): { path: FieldPath; value: string | undefined }[] {
  return texts.wanted.flatMap(({ path, lang, value }) =>
    String(valueAt(saved, [...path, lang]) ?? '') === value ? [] : [{ path: [...path, lang], value: value || undefined }],
  );
}

/** A field whose posted value differs from the value saved meanwhile by someone else. */
export interface Conflict {
  label: string;
  /** The language, for a text. */
  lang?: Lang;
  yours: string;
  theirs: string;
}

/** For a stale save: every field the user typed that differs from what is saved now, with both versions. */
export function conflicts(saved: unknown, texts: PostedTexts, values: PostedValues): Conflict[] {
  return [
    ...texts.wanted.flatMap(({ path, lang, value }) => {
      const theirs = String(valueAt(saved, [...path, lang]) ?? '');
      return theirs === value ? [] : [{ label: formatPath(path), lang, yours: value, theirs }];
    }),
    ...values.differing.map((field) => ({
      label: field.label,
      yours: values.posted[field.name]!.join(', '),
      theirs: [field.value].flat().join(', '),
    })),
  ];
}

/** Problems of the whole value (a rule across fields) that fall on a value field, as errors at that field. */
export function errorsAt(
  fields: readonly ValueField[],
  problems: readonly { path: string; message: string }[],
): Record<string, FieldError> {
  return Object.fromEntries(
    problems.flatMap((problem) => {
      const field = fields.find((candidate) => candidate.path.map(String).join('.') === problem.path);
      return field ? [[field.name, { label: field.label, message: problem.message, params: {} }]] : [];
    }),
  );
}

/** What saving a generated form comes to: saved, refused because someone saved meanwhile, or refused as invalid. */
export type FormSaveResult =
  | { ok: true }
  | ({ ok: false; reason: 'stale'; conflicts: Conflict[]; hash: string } & Typed)
  | ({
      ok: false;
      reason: 'invalid';
      problems: { path: string; message: string; params?: Record<string, unknown> }[];
      errors: Record<string, FieldError>;
    } & Typed);

/** What writing the changes into the file came to (the shape of the content layer's save outcome). */
type WriteOutcome = { kind: 'saved' } | { kind: 'stale' } | { kind: 'invalid'; problems: { path: string; message: string }[] };

/**
 * Saves a posted generated form over the value it was made from (a register, an organisation): refused as stale when
 * the file changed since the form was loaded (with both versions of each field), refused at its fields when a value
 * does not pass its own schema, otherwise only what changed is written through `write`. `changed` is how many fields
 * were written, for the audit. 'retry' means the file changed between reading and writing: read it again and retry.
 */
export async function saveForm(
  saved: unknown,
  fields: readonly ValueField[],
  sourceHash: string,
  form: FormData,
  write: (baseHash: string, changes: { path: FieldPath; value: unknown }[]) => Promise<WriteOutcome>,
): Promise<(FormSaveResult & { changed?: number }) | 'retry'> {
  const baseHash = String(form.get('hash') ?? '');
  const texts = readPostedTexts(form);
  const values = readPostedValues(fields, form);
  const typed: Typed = { posted: texts.posted, values: values.posted };
  if (baseHash !== sourceHash)
    return { ok: false, reason: 'stale', conflicts: conflicts(saved, texts, values), hash: sourceHash, ...typed };
  if (Object.keys(values.errors).length > 0) {
    const problems = Object.values(values.errors).map((error) => ({ path: error.label, message: error.message, params: error.params }));
    return { ok: false, reason: 'invalid', problems, errors: values.errors, ...typed };
  }
  const changes = [...textChanges(saved, texts), ...values.changes.map(({ field, value }) => ({ path: field.path, value }))];
  if (changes.length === 0) return { ok: true, changed: 0 };
  const outcome = await write(baseHash, changes);
  if (outcome.kind === 'stale') return 'retry';
  if (outcome.kind === 'invalid')
    return { ok: false, reason: 'invalid', problems: outcome.problems, errors: errorsAt(fields, outcome.problems), ...typed };
  return { ok: true, changed: changes.length };
}
