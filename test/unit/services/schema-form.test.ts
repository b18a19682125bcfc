import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Actor } from '../../../src/domain/user.ts';
import { editorForm, registerValueFields, saveEditor } from '../../../src/services/register-editor.ts';
import { checkStatute, readPostedValues, type ValueField } from '../../../src/services/schema-form.ts';
import { GET as statuteEndpoint } from '../../../src/pages/api/statute.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { copyContent } from '../../support/cli.ts';
import { freshDatabase } from '../../support/databases.ts';

let content: string;
let store: Store;
const previous = process.env.CONTENT_DIR;
const dora: Actor = { username: 'dora.dpo', roles: { helsinki: ['dpo'] } };
const file = () => path.join(content, 'registers/helsinki-atj.yaml');
const atj = () => parse(readFileSync(file(), 'utf8'), { version: '1.2' });
const field = (fields: ValueField[], label: string) => fields.find((candidate) => candidate.label === label)!;
/** A form as the editor posts it: the hash, and for each value field its marker and its value(s). */
const post = (hash: string, values: Record<string, string | string[]>, texts: Record<string, string> = {}) => {
  const data = new FormData();
  data.set('hash', hash);
  for (const [label, value] of Object.entries(values)) {
    const name = JSON.stringify(
      label.split('.').flatMap((part) =>
        part
          .split(/\[(\d+)\]/u)
          .filter(Boolean)
          .map((p) => (/^\d+$/u.test(p) ? Number(p) : p)),
      ),
    );
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

describe('the fields of the generated editor that are not texts', () => {
  it('finds choices, dates, yes/no, numbers, statute references and strings by walking the model', () => {
    const fields = registerValueFields(atj(), 'en');
    expect(field(fields, 'status')).toMatchObject({ kind: 'enum', value: 'published', optional: false });
    expect(field(fields, 'status').options).toContainEqual({ value: 'draft', label: 'Draft (draft)' });
    expect(field(fields, 'published')).toMatchObject({ kind: 'date', value: '2019-01-25', optional: true });
    expect(field(fields, 'version')).toMatchObject({ kind: 'number', value: '1' });
    expect(field(fields, 'sources.items[2].technicalInterface')).toMatchObject({ kind: 'boolean', value: 'true' });
    expect(field(fields, 'sources.items[4].frequency')).toMatchObject({ kind: 'enum', value: 'monthly' });
    expect(field(fields, 'sources.items[4].frequency').options).toContainEqual({ value: 'monthly', label: 'monthly' });
    expect(field(fields, 'confidentiality.legalBasis[0].ref')).toMatchObject({ kind: 'statute', value: '621/1999 24 §' });
    expect(field(fields, 'informationSystem.publicAddress')).toMatchObject({ kind: 'text', value: 'none' });
    expect(field(fields, 'informationSystem.updateFrequency').options).toContainEqual({ value: 'continuous', label: 'continuous' });
    // The id names the file and the organisation decides who may edit: neither is offered.
    expect(fields.some((candidate) => candidate.label === 'id' || candidate.label === 'organisation')).toBe(false);
  });

  it('checks a changed value against its own schema and names the field, keeping what was typed', () => {
    const fields = registerValueFields(atj(), 'fi');
    const result = readPostedValues(fields, post('', { published: '2019-02-31', 'confidentiality.legalBasis[0].ref': '621 1999' }));
    expect(result.errors['["published"]']).toMatchObject({ label: 'published', message: 'errors.date.invalid' });
    expect(result.errors['["confidentiality","legalBasis",0,"ref"]']).toMatchObject({
      message: 'errors.statute.malformed',
      params: { value: '“621 1999”' },
    });
    expect(result.posted['["published"]']).toEqual(['2019-02-31']);
    expect(result.changes).toEqual([]);
  });

  it('reads a statute reference as its citation and links it to Finlex or EUR-Lex in the reader’s language', () => {
    expect(checkStatute('621/1999 24§', 'sv')).toEqual({
      ok: true,
      citation: '621/1999 24 §',
      url: 'https://www.finlex.fi/sv/lagstiftning/1999/621',
      site: 'Finlex',
      text: 'Tolkad: 621/1999 24 §.',
      linkText: 'Öppna i Finlex',
    });
    expect(checkStatute('32016r0679 art. 6(1)(e)', 'fi')).toMatchObject({
      citation: 'CELEX:32016R0679 art. 6(1)(e)',
      url: 'https://eur-lex.europa.eu/legal-content/FI/TXT/?uri=CELEX:32016R0679',
      linkText: 'Avaa EUR-Lexissä',
    });
    // What does not parse is answered with the forms that do.
    const refused = checkStatute('laki 621', 'en');
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain('621/1999 24 §');
    expect(refused.text).toContain('CELEX:32016R0679');
  });

  it('answers the editor’s check as the user types, in the user’s language, and keeps no answer', async () => {
    const ask = (query: string) => statuteEndpoint({ url: new URL(`http://localhost/api/statute?${query}`) } as never) as Promise<Response>;
    const answer = await ask(new URLSearchParams({ ref: '1050/2018 34 §', lang: 'en' }).toString());
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toEqual({
      ok: true,
      citation: '1050/2018 34 §',
      url: 'https://www.finlex.fi/en/legislation/translations/2018/eng/1050',
      site: 'Finlex',
      text: 'Read as: 1050/2018 34 §.',
      linkText: 'Open in Finlex',
    });
    const refused = await (await ask('ref=tietosuojalaki&lang=sv')).json();
    expect(refused).toEqual({ ok: false, text: expect.stringMatching(/^Hänvisningen känns inte igen\..*621\/1999 24 §/u) });
  });
});

describe('saving the fields that are not texts', () => {
  it('saves a choice, a date, a yes/no and a statute reference through the YAML document, keeping comments and order', async () => {
    const before = readFileSync(file(), 'utf8');
    const { hash } = (await editorForm(dora, 'helsinki-atj', 'fi'))!;
    const result = await saveEditor(
      store,
      dora,
      'helsinki-atj',
      post(hash, {
        status: 'draft',
        updated: '2026-11-30',
        'sources.items[2].technicalInterface': 'false',
        'sources.items[4].frequency': 'weekly',
        'confidentiality.legalBasis[0].ref': '621/1999 24 § 1 mom.',
      }),
    );
    expect(result).toEqual({ ok: true });
    const after = readFileSync(file(), 'utf8');
    const register = parse(after, { version: '1.2' });
    expect(register.status).toBe('draft');
    expect(register.updated).toBe('2026-11-30');
    expect(register.sources.items[2].technicalInterface).toBe(false);
    expect(register.sources.items[4].frequency).toBe('weekly');
    expect(register.confidentiality.legalBasis[0].ref).toBe('621/1999 24 § 1 mom.');
    // The date stays a plain YAML 1.2 date string, unquoted, where it was.
    expect(after).toContain('\nupdated: 2026-11-30\n');
    const comments = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('#'));
    expect(comments(after)).toEqual(comments(before));
    expect(Object.keys(register)).toEqual(Object.keys(parse(before, { version: '1.2' })));
    expect(await store.audit.count()).toBe(1);
  });

  it('offers a list of choices as such, labelled from the locales, and saves it in the flow style it had', async () => {
    const reception = path.join(content, 'registers/helsinki-reception-clients.yaml');
    const fields = registerValueFields(parse(readFileSync(reception, 'utf8'), { version: '1.2' }), 'en');
    expect(field(fields, 'legalBasis.article6')).toMatchObject({ kind: 'choices', value: ['c', 'e'] });
    expect(field(fields, 'legalBasis.article6').options[4]).toEqual({
      value: 'e',
      label: 'performance of a task in the public interest or in the exercise of official authority (e)',
    });
    const { hash } = (await editorForm(dora, 'helsinki-reception-clients', 'fi'))!;
    expect(await saveEditor(store, dora, 'helsinki-reception-clients', post(hash, { 'legalBasis.article6': ['c', 'e', 'f'] }))).toEqual({
      ok: true,
    });
    expect(readFileSync(reception, 'utf8')).toContain('  article6: [ c, e, f ]\n');
  });

  it('offers which sections are internal, one choice per section, and refuses a public record at its field', async () => {
    const fields = registerValueFields(atj(), 'fi');
    expect(field(fields, 'visibility.security')).toMatchObject({ kind: 'enum', value: '', optional: true });
    expect(field(fields, 'visibility.security').options.map((option) => option.value)).toEqual(['public', 'internal']);
    const { hash } = (await editorForm(dora, 'helsinki-atj', 'fi'))!;
    expect(await saveEditor(store, dora, 'helsinki-atj', post(hash, { 'visibility.security': 'internal' }))).toEqual({ ok: true });
    expect(atj().visibility).toEqual({ security: 'internal' });
    const again = (await editorForm(dora, 'helsinki-atj', 'fi'))!;
    const refused = await saveEditor(store, dora, 'helsinki-atj', post(again.hash, { 'visibility.record': 'public' }));
    expect(refused).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: { '["visibility","record"]': { label: 'visibility.record', message: 'errors.visibility.recordPublic' } },
    });
    expect(atj().visibility).toEqual({ security: 'internal' });
  });

  it('emptying an optional field removes it, and an unchecked yes/no saves false', async () => {
    const { hash } = (await editorForm(dora, 'helsinki-atj', 'fi'))!;
    expect(
      await saveEditor(
        store,
        dora,
        'helsinki-atj',
        post(hash, { 'sources.items[4].frequency': '', 'sources.items[2].technicalInterface': 'false' }),
      ),
    ).toEqual({
      ok: true,
    });
    expect(atj().sources.items[4].frequency).toBeUndefined();
    expect(atj().sources.items[2].technicalInterface).toBe(false);
  });

  it('refuses a bad value with the field named, writing nothing, and keeps what was typed', async () => {
    const before = readFileSync(file(), 'utf8');
    const { hash } = (await editorForm(dora, 'helsinki-atj', 'fi'))!;
    const result = await saveEditor(
      store,
      dora,
      'helsinki-atj',
      post(hash, { 'confidentiality.legalBasis[0].ref': 'julkisuuslaki 24 §', status: 'archived', version: '0' }),
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: {
        '["confidentiality","legalBasis",0,"ref"]': { label: 'confidentiality.legalBasis[0].ref', message: 'errors.statute.malformed' },
        '["status"]': { label: 'status', message: 'errors.invalidValue' },
        '["version"]': { label: 'version', message: 'errors.number.tooSmall' },
      },
      values: { '["confidentiality","legalBasis",0,"ref"]': ['julkisuuslaki 24 §'] },
    });
    expect(readFileSync(file(), 'utf8')).toBe(before);
    expect(await store.audit.count()).toBe(0);
  });

  it('refuses a stale save of a value, showing both versions', async () => {
    const opened = (await editorForm(dora, 'helsinki-atj', 'fi'))!;
    expect(await saveEditor(store, dora, 'helsinki-atj', post(opened.hash, { 'sources.items[4].frequency': 'daily' }))).toEqual({
      ok: true,
    });
    const stale = await saveEditor(store, dora, 'helsinki-atj', post(opened.hash, { 'sources.items[4].frequency': 'yearly' }));
    expect(stale).toMatchObject({
      ok: false,
      reason: 'stale',
      conflicts: [{ label: 'sources.items[4].frequency', yours: 'yearly', theirs: 'daily' }],
      values: { '["sources","items",4,"frequency"]': ['yearly'] },
    });
    expect(atj().sources.items[4].frequency).toBe('daily');
  });
});
