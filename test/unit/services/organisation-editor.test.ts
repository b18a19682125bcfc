import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Actor } from '../../../src/domain/user.ts';
import { organisationForm, organisationList, saveOrganisation } from '../../../src/services/organisation-editor.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { copyContent } from '../../support/cli.ts';
import { freshDatabase } from '../../support/databases.ts';

let content: string;
let store: Store;
const previous = process.env.CONTENT_DIR;
const dora: Actor = { username: 'dora.dpo', roles: { helsinki: ['dpo'], siuntio: ['handler'] } };
const file = () => path.join(content, 'organisations/helsinki.yaml');
const helsinki = () => parse(readFileSync(file(), 'utf8'), { version: '1.2' });
/** The form as the editor posts it: the hash, each value with its marker, and texts by their control names. */
const post = (hash: string, values: Record<string, string | string[]>, texts: Record<string, string> = {}) => {
  const data = new FormData();
  data.set('hash', hash);
  for (const [key, value] of Object.entries(values)) {
    const name = JSON.stringify(key.split('.'));
    data.set(`f:${name}`, '1');
    for (const one of [value].flat()) data.append(`v:${name}`, one);
  }
  for (const [key, value] of Object.entries(texts)) data.set(key, value);
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

describe('the organisation editor', () => {
  it('lists the organisations the user sees, editable where they hold the DPO role', async () => {
    const rows = await organisationList(dora, 'fi');
    expect(rows.map((row) => [row.id, row.editable])).toEqual([
      ['helsinki', true],
      ['siuntio', false],
    ]);
    await expect(organisationForm(dora, 'siuntio', 'fi')).rejects.toMatchObject({ code: 'ORGANISATION_FORBIDDEN' });
  });

  it('is generated from the organisation model: texts with their required languages, choices, strings', async () => {
    const form = (await organisationForm(dora, 'helsinki', 'sv'))!;
    expect(form.required).toEqual(['fi', 'sv']);
    const values = form.groups.flatMap((group) => group.values);
    const texts = form.groups.flatMap((group) => group.fields);
    expect(values.find((field) => field.label === 'kind')).toMatchObject({ kind: 'enum', value: 'municipality' });
    expect(values.find((field) => field.label === 'kind')!.options[0]).toEqual({ value: 'municipality', label: 'kommun (municipality)' });
    expect(values.find((field) => field.label === 'officialLanguages')).toMatchObject({ kind: 'choices', value: ['fi', 'sv'] });
    expect(values.find((field) => field.label === 'accent')).toMatchObject({ kind: 'text', value: '#0000bf' });
    expect(values.find((field) => field.label === 'registryOffice.email')).toMatchObject({ value: 'helsinki.kirjaamo@hel.fi' });
    expect(texts.map((field) => field.label)).toEqual(expect.arrayContaining(['name', 'contact.postalAddress', 'dpo.title']));
    expect(values.some((field) => field.label === 'id')).toBe(false);
  });

  it('saves a value and a text keeping the file’s comments and key order, and audits the save', async () => {
    const before = readFileSync(file(), 'utf8');
    const { hash } = (await organisationForm(dora, 'helsinki', 'fi'))!;
    const result = await saveOrganisation(
      store,
      dora,
      'helsinki',
      post(hash, { accent: '#004080', website: 'https://www.hel.fi/fi' }, { 't:en:["nameMark"]': 'Helsinki (City)' }),
    );
    expect(result).toEqual({ ok: true });
    const after = readFileSync(file(), 'utf8');
    expect(helsinki()).toMatchObject({ accent: '#004080', website: 'https://www.hel.fi/fi', nameMark: { en: 'Helsinki (City)' } });
    expect(after).toContain("accent: '#004080'\n");
    const comments = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('#'));
    expect(comments(after)).toEqual(comments(before));
    expect(Object.keys(helsinki())).toEqual(Object.keys(parse(before, { version: '1.2' })));
    const [event] = (await store.audit.query({}, undefined, 10)).events;
    expect(event).toMatchObject({ actor: 'dora.dpo', action: 'organisation.saved', entity: 'organisation:helsinki' });
  });

  it('refuses an accent too light for AA contrast and a bad business ID at their fields, writing nothing', async () => {
    const before = readFileSync(file(), 'utf8');
    const { hash } = (await organisationForm(dora, 'helsinki', 'fi'))!;
    const result = await saveOrganisation(store, dora, 'helsinki', post(hash, { accent: '#7fb2e5', businessId: '0201256-7' }));
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: {
        '["accent"]': { label: 'accent', message: 'errors.accent.contrast', params: { ratio: 2.23, background: '#ffffff' } },
        '["businessId"]': { label: 'businessId', message: 'errors.businessId.invalid' },
      },
      values: { '["accent"]': ['#7fb2e5'] },
    });
    expect(readFileSync(file(), 'utf8')).toBe(before);
    expect(await store.audit.count()).toBe(0);
  });

  it('refuses a stale save, showing both versions, and loses nothing', async () => {
    const opened = (await organisationForm(dora, 'helsinki', 'fi'))!;
    expect(await saveOrganisation(store, dora, 'helsinki', post(opened.hash, { kind: 'other' }))).toEqual({ ok: true });
    const stale = await saveOrganisation(store, dora, 'helsinki', post(opened.hash, { kind: 'joint-authority' }));
    expect(stale).toMatchObject({ ok: false, reason: 'stale', conflicts: [{ label: 'kind', yours: 'joint-authority', theirs: 'other' }] });
    expect(helsinki().kind).toBe('other');
  });
});
