import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getCatalogue } from '../../../src/content/catalogue.ts';
import { createRegisterFile } from '../../../src/content/register-file.ts';
import type { Actor } from '../../../src/domain/user.ts';
import { createRegister, organisationsForNewRegister } from '../../../src/services/register-creation.ts';
import { editorForm } from '../../../src/services/register-editor.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { copyContent } from '../../support/cli.ts';
import { freshDatabase } from '../../support/databases.ts';

let content: string;
let store: Store;
const previous = process.env.CONTENT_DIR;
const dora: Actor = { username: 'dora.dpo', roles: { helsinki: ['dpo'] } };
const hanna: Actor = { username: 'hanna.handler', roles: { helsinki: ['handler'] } };
const file = (id: string) => path.join(content, 'registers', `${id}.yaml`);

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

const library = {
  id: 'helsinki-library-events',
  organisation: 'helsinki',
  format: 'gdpr-notice',
  languages: ['fi', 'sv', 'en'],
  'title-fi': 'Kirjaston tapahtumien ilmoittautujat',
  'title-sv': 'Anmälda till bibliotekets evenemang',
  'title-en': 'Library event registrations',
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

describe('creating a register in the browser', () => {
  it('offers only the organisations where the user is a DPO', async () => {
    expect((await organisationsForNewRegister(dora, 'fi')).map((organisation) => organisation.id)).toEqual(['helsinki']);
    expect(await organisationsForNewRegister(hanna, 'fi')).toEqual([]);
  });

  it('writes a draft with its organisation, format, languages and titles, which the editor opens, and audits it', async () => {
    await getCatalogue();
    const result = await createRegister(store, dora, form(library), 'fi');
    expect(result).toEqual({ ok: true, id: 'helsinki-library-events' });
    const text = readFileSync(file('helsinki-library-events'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/register.schema.json');
    expect(parse(text)).toEqual({
      id: 'helsinki-library-events',
      format: 'gdpr-notice',
      status: 'draft',
      organisation: 'helsinki',
      version: 1,
      // Finnish and Swedish are Helsinki's own languages; only English is the register's addition.
      languages: ['en'],
      title: {
        fi: 'Kirjaston tapahtumien ilmoittautujat',
        sv: 'Anmälda till bibliotekets evenemang',
        en: 'Library event registrations',
      },
    });
    // No temporary file is left beside it.
    expect(readdirSync(path.join(content, 'registers')).filter((name) => name.startsWith('.'))).toEqual([]);
    // The loaded catalogue learns of it at once, not when the file system's event comes.
    expect((await getCatalogue()).registers.has('helsinki-library-events')).toBe(true);
    const editor = await editorForm(dora, 'helsinki-library-events', 'fi');
    expect(editor?.required).toEqual(['fi', 'sv', 'en']);
    expect(editor?.groups.flatMap((group) => group.fields).find((field) => field.label === 'title')?.missing).toEqual([]);
    const events = await store.audit.forEntity('register:helsinki-library-events');
    expect(events.map((event) => [event.actor, event.action, event.organisation])).toEqual([['dora.dpo', 'register.created', 'helsinki']]);
  });

  it('names every wrong field in its own words, keeps what was typed, and writes nothing', async () => {
    const typed = { ...library, id: 'Kirjaston Tapahtumat', organisation: 'siuntio', format: 'poster', languages: ['fi'], 'title-fi': '' };
    const result = await createRegister(store, dora, form(typed), 'fi');
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      errors: {
        id: { key: 'idInvalid', params: { id: 'Kirjaston Tapahtumat' } },
        organisation: { key: 'organisationRequired' },
        format: { key: 'formatRequired' },
        'title-fi': { key: 'titleRequired', params: { lang: 'fi' } },
      },
      values: { id: 'Kirjaston Tapahtumat', organisation: 'siuntio', format: 'poster', languages: ['fi'] },
    });
    // Helsinki is bilingual: its registers cannot leave Swedish out.
    const monolingual = await createRegister(store, dora, form({ ...library, languages: ['fi'] }), 'fi');
    expect(monolingual).toMatchObject({ ok: false, errors: { languages: { key: 'languagesOfficial', params: { langs: 'fi, sv' } } } });
    const untitled = await createRegister(store, dora, form({ ...library, languages: ['fi', 'sv'], 'title-sv': '  ' }), 'fi');
    expect(untitled).toMatchObject({ ok: false, errors: { 'title-sv': { key: 'titleRequired' } }, values: { title: { sv: '' } } });
    expect(existsSync(file('helsinki-library-events'))).toBe(false);
    expect(await store.audit.count()).toBe(0);
  });

  it('never takes an id in use: a working copy, a register with versions but no file, or a page’s name', async () => {
    const before = readFileSync(file('helsinki-atj'), 'utf8');
    expect(await createRegister(store, dora, form({ ...library, id: 'helsinki-atj' }), 'fi')).toMatchObject({
      ok: false,
      errors: { id: { key: 'idTaken' } },
    });
    expect(readFileSync(file('helsinki-atj'), 'utf8')).toBe(before);
    expect(await createRegister(store, dora, form({ ...library, id: 'new' }), 'fi')).toMatchObject({
      ok: false,
      errors: { id: { key: 'idReserved' } },
    });
    await store.registerVersions.setWorkflow({
      registerId: 'helsinki-old-register',
      organisation: 'helsinki',
      state: 'withdrawn',
      changedAt: new Date().toISOString(),
      changedBy: 'veli.dpo',
    });
    expect(await createRegister(store, dora, form({ ...library, id: 'helsinki-old-register' }), 'fi')).toMatchObject({
      ok: false,
      errors: { id: { key: 'idTaken' } },
    });
  });

  it('creates the file exclusively: of two writes of one id at once, one wins and the other changes nothing', async () => {
    const text = (title: string) =>
      `id: helsinki-race\nformat: gdpr-notice\nstatus: draft\norganisation: helsinki\nversion: 1\ntitle:\n  fi: ${title}\n`;
    const results = await Promise.all([
      createRegisterFile(content, 'helsinki-race', text('Ensimmäinen')),
      createRegisterFile(content, 'helsinki-race', text('Toinen')),
    ]);
    const winner = results.find((result) => result !== undefined)!;
    expect(results.filter((result) => result === undefined)).toHaveLength(1);
    expect(readFileSync(file('helsinki-race'), 'utf8')).toBe(winner.text);
    expect(readdirSync(path.join(content, 'registers')).filter((name) => name.startsWith('.'))).toEqual([]);
    // A text that is not a structurally valid register is never written.
    await expect(createRegisterFile(content, 'helsinki-broken', 'id: helsinki-broken\nstatus: draft\n')).rejects.toThrow();
    expect(existsSync(file('helsinki-broken'))).toBe(false);
    rmSync(file('helsinki-race'));
  });

  it('refuses someone who is not a DPO, even when the form is posted directly', async () => {
    expect(await createRegister(store, hanna, form(library), 'fi')).toMatchObject({ ok: false, status: 403 });
    expect(existsSync(file('helsinki-library-events'))).toBe(false);
  });
});
