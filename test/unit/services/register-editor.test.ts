import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Actor } from '../../../src/domain/user.ts';
import { changeEntry, editorForm, entryFingerprint, repeatableLists, saveEditor } from '../../../src/services/register-editor.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { copyContent } from '../../support/cli.ts';
import { freshDatabase } from '../../support/databases.ts';

let content: string;
let store: Store;
const previous = process.env.CONTENT_DIR;
const dora: Actor = { username: 'dora.dpo', roles: { helsinki: ['dpo'] } };
const veli: Actor = { username: 'veli.dpo', roles: { helsinki: ['dpo'] } };
const file = () => path.join(content, 'registers/helsinki-atj.yaml');
const name = (lang: string, fieldPath: (string | number)[]) => `t:${lang}:${JSON.stringify(fieldPath)}`;
const post = (hash: string, fields: Record<string, string>) => {
  const data = new FormData();
  data.set('hash', hash);
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

beforeEach(async () => {
  content = copyContent();
  process.env.CONTENT_DIR = content;
  store = await openStore(await freshDatabase('sqlite'));
});
afterEach(async () => {
  await store.close();
  process.env.CONTENT_DIR = previous;
});

describe('the register editor', () => {
  it('offers every localized text of the register, found by walking the model, with the required languages it lacks', async () => {
    const form = (await editorForm(dora, 'helsinki-reception-clients', 'fi'))!;
    const fields = form.groups.flatMap((group) => group.fields);
    expect(form.required).toEqual(['fi', 'sv']);
    expect(fields.find((field) => field.label === 'title')).toBeDefined();
    expect(fields.some((field) => field.label.startsWith('purposes'))).toBe(true);
    expect(fields.filter((field) => field.missing.includes('sv')).length).toBeGreaterThan(0);
  });

  it('saves a text keeping the file’s comments and key order, and audits the save', async () => {
    const before = readFileSync(file(), 'utf8');
    const form = (await editorForm(dora, 'helsinki-atj', 'fi'))!;
    const result = await saveEditor(
      store,
      dora,
      'helsinki-atj',
      post(form.hash, { [name('en', ['title'])]: 'Social welfare client information system ATJ' }),
    );
    expect(result).toEqual({ ok: true });
    const after = readFileSync(file(), 'utf8');
    expect(parse(after).title.en).toBe('Social welfare client information system ATJ');
    const comments = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('#'));
    expect(comments(after)).toEqual(comments(before));
    expect(Object.keys(parse(after))).toEqual(Object.keys(parse(before)));
    expect(await store.audit.count()).toBe(1);
  });

  it('refuses a stale save, showing both versions, and loses nothing', async () => {
    const opened = (await editorForm(dora, 'helsinki-atj', 'fi'))!;
    const other = (await editorForm(veli, 'helsinki-atj', 'fi'))!;
    expect(await saveEditor(store, veli, 'helsinki-atj', post(other.hash, { [name('en', ['title'])]: 'ATJ, as Veli wrote it' }))).toEqual({
      ok: true,
    });
    const stale = await saveEditor(store, dora, 'helsinki-atj', post(opened.hash, { [name('en', ['title'])]: 'ATJ, as Dora wrote it' }));
    expect(stale).toMatchObject({
      ok: false,
      reason: 'stale',
      conflicts: [{ label: 'title', lang: 'en', yours: 'ATJ, as Dora wrote it', theirs: 'ATJ, as Veli wrote it' }],
      posted: { [name('en', ['title'])]: 'ATJ, as Dora wrote it' },
    });
    expect(parse(readFileSync(file(), 'utf8')).title.en).toBe('ATJ, as Veli wrote it');
    // Saving again over the newer text is a deliberate choice, and then it is written.
    const newer = !stale.ok && stale.reason === 'stale' ? stale.hash : '';
    const again = await saveEditor(store, dora, 'helsinki-atj', post(newer, { [name('en', ['title'])]: 'ATJ, as Dora wrote it' }));
    expect(again).toEqual({ ok: true });
    expect(parse(readFileSync(file(), 'utf8')).title.en).toBe('ATJ, as Dora wrote it');
  });

  it('refuses a save that would leave a text with no language, writing nothing, and a user without the DPO role', async () => {
    const before = readFileSync(file(), 'utf8');
    const form = (await editorForm(dora, 'helsinki-atj', 'fi'))!;
    const cleared = await saveEditor(
      store,
      dora,
      'helsinki-atj',
      post(form.hash, { [name('fi', ['title'])]: '', [name('sv', ['title'])]: '' }),
    );
    expect(cleared).toMatchObject({ ok: false, reason: 'invalid' });
    expect(readFileSync(file(), 'utf8')).toBe(before);
    const handler: Actor = { username: 'helmi.handler', roles: { helsinki: ['handler'] } };
    await expect(saveEditor(store, handler, 'helsinki-atj', post(form.hash, { [name('en', ['title'])]: 'x' }))).rejects.toMatchObject({
      code: 'EDITOR_FORBIDDEN',
    });
  });
});

describe('the repeatable parts in the editor', () => {
  const register = () => parse(readFileSync(file(), 'utf8'));
  const entry = (path: (string | number)[], index: number, op: string, value: unknown) => {
    const data = new FormData();
    data.set('entry', JSON.stringify({ path, index, op, fingerprint: entryFingerprint(value) }));
    return data;
  };

  it('finds the lists of the register by walking the model', () => {
    const lists = repeatableLists(register());
    expect(lists.map((list) => list.label)).toEqual(expect.arrayContaining(['purposes.items', 'sources.items']));
    expect(lists.find((list) => list.label === 'purposes.items')!.entries).toHaveLength(11);
  });

  it('moves an entry up and down and removes one, keeping comments, and audits each change', async () => {
    const before = readFileSync(file(), 'utf8');
    const [first, second] = register().purposes.items;
    expect(await changeEntry(store, dora, 'helsinki-atj', entry(['purposes', 'items'], 1, 'up', second))).toEqual({ ok: true });
    expect(register().purposes.items.slice(0, 2)).toEqual([second, first]);
    expect(await changeEntry(store, dora, 'helsinki-atj', entry(['purposes', 'items'], 0, 'down', second))).toEqual({ ok: true });
    expect(register().purposes.items.slice(0, 2)).toEqual([first, second]);
    expect(await changeEntry(store, dora, 'helsinki-atj', entry(['purposes', 'items'], 0, 'remove', first))).toEqual({ ok: true });
    expect(register().purposes.items).toHaveLength(10);
    expect(register().purposes.items[0]).toEqual(second);
    const comments = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('#'));
    expect(comments(readFileSync(file(), 'utf8'))).toEqual(comments(before));
    expect(await store.audit.count()).toBe(3);
  });

  it('from a stale form removes the entry the user saw, never someone else’s, and nothing when it is gone', async () => {
    const items = register().purposes.items;
    // Veli removes the first entry; Dora's form still shows the third at index 2.
    await changeEntry(store, veli, 'helsinki-atj', entry(['purposes', 'items'], 0, 'remove', items[0]));
    expect(await changeEntry(store, dora, 'helsinki-atj', entry(['purposes', 'items'], 2, 'remove', items[2]))).toEqual({ ok: true });
    const after = register().purposes.items;
    expect(after).toEqual([items[1], ...items.slice(3)]);
    // Dora's stale form also removes the first entry, which Veli already removed: nothing is written.
    const text = readFileSync(file(), 'utf8');
    expect(await changeEntry(store, dora, 'helsinki-atj', entry(['purposes', 'items'], 0, 'remove', items[0]))).toEqual({
      ok: false,
      reason: 'gone',
    });
    expect(readFileSync(file(), 'utf8')).toBe(text);
    await expect(
      changeEntry(
        store,
        { username: 'olli', roles: { siuntio: ['dpo'] } },
        'helsinki-atj',
        entry(['purposes', 'items'], 0, 'up', items[1]),
      ),
    ).rejects.toMatchObject({ code: 'EDITOR_FORBIDDEN' });
  });

  it('adds an entry made from the model, to an existing list or a list the register lacks, and refuses an empty one', async () => {
    const add = (path: (string | number)[], text: string) => {
      const data = new FormData();
      data.set('add', JSON.stringify(path));
      data.set('lang', 'fi');
      data.set(`new:${JSON.stringify(path)}`, text);
      return data;
    };
    expect(await changeEntry(store, dora, 'helsinki-atj', add(['purposes', 'items'], 'tilastointi'))).toEqual({ ok: true });
    expect(register().purposes.items.at(-1)).toEqual({ fi: 'tilastointi' });
    expect(repeatableLists(register()).find((list) => list.label === 'processors')?.entries).toEqual([]);
    expect(await changeEntry(store, dora, 'helsinki-atj', add(['processors'], 'Esimerkki Oy'))).toEqual({ ok: true });
    // Each required text of the new processor starts with the typed text; the optional fields are left out.
    expect(register().processors).toEqual([{ name: { fi: 'Esimerkki Oy' }, tasks: { fi: 'Esimerkki Oy' } }]);
    expect(await store.audit.count()).toBe(2);
    const text = readFileSync(file(), 'utf8');
    expect(await changeEntry(store, dora, 'helsinki-atj', add(['processors'], '  '))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(readFileSync(file(), 'utf8')).toBe(text);
  });
});
