import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Actor } from '../../../src/domain/user.ts';
import { editorForm, saveEditor } from '../../../src/services/register-editor.ts';
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
