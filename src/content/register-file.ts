import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import type * as z from 'zod';
import { ID_PATTERN } from '../domain/contact.ts';
import { registerSchema } from '../domain/register.ts';
import { writeFileDurably } from '../files/durable-file.ts';

/** Working copies are readable by the authors and the web server, like the rest of the content tree. */
const CONTENT_FILE_MODE = 0o644;

/** A register's working copy as text, with the hash a later save must name to show it saw this text. */
export interface RegisterSource {
  file: string;
  text: string;
  hash: string;
}

export const hashText = (text: string): string => createHash('sha256').update(text).digest('hex');

function registerFile(contentDir: string, id: string): string {
  // The id is checked before any path is joined.
  if (!ID_PATTERN.test(id)) throw new Error(`not a register id: ${id}`);
  return path.join(contentDir, 'registers', `${id}.yaml`);
}

export async function readRegisterSource(contentDir: string, id: string): Promise<RegisterSource | undefined> {
  return readSource(registerFile(contentDir, id));
}

/** A content file's text and hash, or undefined when there is no such file. */
export async function readSource(file: string): Promise<RegisterSource | undefined> {
  try {
    const text = await readFile(file, 'utf8');
    return { file, text, hash: hashText(text) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** One value to set in the file: a path inside the register and the new value, or `undefined` to remove it. */
export interface FieldChange {
  path: (string | number)[];
  value: unknown;
}

export type SaveOutcome =
  | { kind: 'saved'; source: RegisterSource }
  /** Someone saved the file since the editor loaded it: nothing was written, and the file as it is now comes back. */
  | { kind: 'stale'; current: RegisterSource }
  /** The result would not be a structurally valid register: nothing was written. */
  | { kind: 'invalid'; problems: { path: string; message: string }[] };

/**
 * Applies changes to a register's YAML file through the `yaml` Document API, so its comments, key order and layout
 * stay as the author wrote them. Refuses a save made over an older text (optimistic locking by the text's hash) and
 * any result the register schema rejects: a draft may be incomplete, never structurally invalid. The file is
 * replaced atomically (temporary file, fsync, rename), so a crash leaves the old text or the new, never half.
 */
export async function saveRegisterChanges(contentDir: string, id: string, baseHash: string, changes: FieldChange[]): Promise<SaveOutcome> {
  return saveDocumentChanges(registerFile(contentDir, id), baseHash, changes, registerSchema);
}

/** The same for any content file and the schema its whole value must pass (a register's, an organisation's). */
export async function saveDocumentChanges(file: string, baseHash: string, changes: FieldChange[], schema: z.ZodType): Promise<SaveOutcome> {
  const current = await readSource(file);
  if (!current) throw new Error(`no working copy at ${file}`);
  if (current.hash !== baseHash) return { kind: 'stale', current };
  const doc = parseDocument(current.text, { version: '1.2' });
  for (const change of changes) {
    if (change.value === undefined) {
      doc.deleteIn(change.path);
      // A text left with no language is removed whole, rather than kept as an empty map.
      const parentPath = change.path.slice(0, -1);
      const parent = doc.getIn(parentPath, true);
      if (isMap(parent) && parent.items.length === 0) doc.deleteIn(parentPath);
    } else if (typeof change.value !== 'object' || change.value === null) doc.setIn(change.path, change.value);
    else {
      // A list of choices: a new node, written in the flow style (`[c, e]`) when the old one was.
      const node = doc.createNode(change.value);
      const old = doc.getIn(change.path, true);
      if (isSeq(old) && isSeq(node)) node.flow = old.flow ?? false;
      doc.setIn(change.path, node);
    }
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success)
    return {
      kind: 'invalid',
      problems: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  const text = doc.toString({ lineWidth: 0 });
  // Checked again just before the rename, so that the window for a save from elsewhere is as short as it can be.
  const again = await readSource(file);
  if (again?.hash !== baseHash) return { kind: 'stale', current: again ?? current };
  await writeFileDurably(current.file, text, CONTENT_FILE_MODE);
  return { kind: 'saved', source: { file: current.file, text, hash: hashText(text) } };
}

/**
 * Writes a new register's working copy, never over an existing file: the text goes to a flushed temporary file that
 * is then hard-linked to its name, which fails when the name exists, so a crash leaves no file or the whole of it, and
 * two people creating the same id at once cannot overwrite each other. The text must parse as a register.
 * Returns undefined when a file of that id exists.
 */
export async function createRegisterFile(contentDir: string, id: string, text: string): Promise<RegisterSource | undefined> {
  const file = registerFile(contentDir, id);
  const parsed = registerSchema.parse(parseDocument(text, { version: '1.2' }).toJS());
  if (parsed.id !== id) throw new Error(`the text is of register ${parsed.id}, not ${id}`);
  await mkdir(path.dirname(file), { recursive: true });
  if (!(await writeFileDurably(file, text, CONTENT_FILE_MODE, { exclusive: true }))) return undefined;
  return { file, text, hash: hashText(text) };
}

/** A change to one of the register's lists: an entry removed, or moved one place up or down. */
export type EntryChange =
  | { path: (string | number)[]; index: number; op: 'remove' | 'up' | 'down' }
  /** A new entry at the end of the list, which is made when the register lacks it. */
  | { path: (string | number)[]; op: 'add'; value: unknown };

/**
 * Adds, removes or moves an entry of a list in a register's YAML file, through the Document API (the entry keeps its
 * comments), with the same hash check, structural validation and atomic write as a save of texts. A list left empty
 * is removed whole.
 */
export async function saveEntryChange(contentDir: string, id: string, baseHash: string, change: EntryChange): Promise<SaveOutcome> {
  const current = await readRegisterSource(contentDir, id);
  if (!current) throw new Error(`no working copy for ${id}`);
  if (current.hash !== baseHash) return { kind: 'stale', current };
  const doc = parseDocument(current.text, { version: '1.2' });
  const list = doc.getIn(change.path, true);
  if (change.op === 'add') {
    if (isSeq(list)) list.items.push(doc.createNode(change.value));
    else if (list === undefined) doc.setIn(change.path, doc.createNode([change.value]));
    else return { kind: 'stale', current };
  } else if (!isSeq(list) || change.index < 0 || change.index >= list.items.length) return { kind: 'stale', current };
  else if (change.op === 'remove') {
    list.items.splice(change.index, 1);
    if (list.items.length === 0) doc.deleteIn(change.path);
  } else {
    const target = change.op === 'up' ? change.index - 1 : change.index + 1;
    if (target < 0 || target >= list.items.length) return { kind: 'saved', source: current };
    [list.items[change.index], list.items[target]] = [list.items[target], list.items[change.index]];
  }
  const result = registerSchema.safeParse(doc.toJS());
  if (!result.success)
    return {
      kind: 'invalid',
      problems: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  const text = doc.toString({ lineWidth: 0 });
  const again = await readRegisterSource(contentDir, id);
  if (again?.hash !== baseHash) return { kind: 'stale', current: again ?? current };
  await writeFileDurably(current.file, text, CONTENT_FILE_MODE);
  return { kind: 'saved', source: { file: current.file, text, hash: hashText(text) } };
}
