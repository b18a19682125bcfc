import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../../src/domain/user.ts';
import { getPublishedNotice } from '../../../src/services/notice.ts';
import { getPublishedCatalogue, usePublishedStore } from '../../../src/services/published.ts';
import { checkForPublishing, publishOnFirstStart, publishRegister } from '../../../src/services/publishing.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { copyContent, seloste } from '../../support/cli.ts';
import { databaseEnv, freshDatabase } from '../../support/databases.ts';

let content: string;
let store: Store;
const previousContentDir = process.env.CONTENT_DIR;
const dora: Actor = { username: 'dora.dpo', roles: { helsinki: ['dpo'] } };
const summary = { fi: 'Korjattu otsikko', sv: 'Rubriken rättad' };
const atjFile = () => path.join(content, 'registers/helsinki-atj.yaml');
const edit = (from: string, to: string) => writeFileSync(atjFile(), readFileSync(atjFile(), 'utf8').replace(from, to));
const NOW = new Date('2026-11-02T10:00:00Z');

beforeAll(() => {
  content = copyContent();
  process.env.CONTENT_DIR = content;
});
afterAll(() => {
  process.env.CONTENT_DIR = previousContentDir;
});
beforeEach(async () => {
  content = copyContent();
  process.env.CONTENT_DIR = content;
  store = await openStore(await freshDatabase('sqlite'));
  usePublishedStore(store);
});
afterEach(async () => {
  usePublishedStore(undefined);
  await store.close();
});

describe('publishing', () => {
  it('on first start publishes the registers meant for publishing as the system user, once', async () => {
    expect(await publishOnFirstStart(store)).toBe(3);
    expect(await publishOnFirstStart(store)).toBe(0);
    const catalogue = await getPublishedCatalogue();
    expect([...catalogue.registers.keys()].sort()).toEqual(['example-library-customers', 'example-youth-services', 'helsinki-atj']);
    expect(catalogue.registers.get('helsinki-atj')!.version).toMatchObject({ number: 1, submittedBy: 'system', approvedBy: 'system' });
    expect(await store.audit.count()).toBe(3);
  });

  it('refuses a broken working copy, and the public notice keeps the last good version', async () => {
    await publishOnFirstStart(store);
    edit('format: information-system', 'format: no-such-format');
    const refused = await publishRegister(store, dora, 'helsinki-atj', { summary, submittedBy: 'dora.dpo' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.check.issues.map((issue) => [issue.file, issue.path, issue.severity])).toContainEqual([
      path.join('content', 'registers', 'helsinki-atj.yaml'),
      'format',
      'error',
    ]);
    const notice = await getPublishedNotice('helsinki-atj', 'fi');
    expect(notice?.view.title.value).toBe('Sosiaalihuollon asiakastietojärjestelmä ATJ');
    expect(notice?.entry.version.number).toBe(1);
    expect(await store.registerVersions.count()).toBe(3);
  });

  it('makes version 2 of a valid edit, served at once while version 1 stays retrievable', async () => {
    await publishOnFirstStart(store);
    edit('Sosiaalihuollon asiakastietojärjestelmä ATJ', 'Sosiaalihuollon asiakastietojärjestelmä ATJ (uusi)');
    expect((await getPublishedNotice('helsinki-atj', 'fi'))?.view.title.value).toBe('Sosiaalihuollon asiakastietojärjestelmä ATJ');
    const result = await publishRegister(store, dora, 'helsinki-atj', { summary, submittedBy: 'dora.dpo' });
    expect(result.ok && result.version).toMatchObject({ number: 2, approvedBy: 'dora.dpo', summary });
    const notice = await getPublishedNotice('helsinki-atj', 'fi');
    expect(notice?.view.title.value).toBe('Sosiaalihuollon asiakastietojärjestelmä ATJ (uusi)');
    expect(notice?.view.version).toBe(2);
    expect((await store.registerVersions.get('helsinki-atj', 1))?.register.title.fi).toBe('Sosiaalihuollon asiakastietojärjestelmä ATJ');
  });

  it('holds a scheduled version back until its day', async () => {
    await publishOnFirstStart(store, { now: NOW });
    edit('Sosiaalihuollon asiakastietojärjestelmä ATJ', 'ATJ (joulukuusta)');
    const result = await publishRegister(store, dora, 'helsinki-atj', { summary, submittedBy: 'dora.dpo', effective: '2099-12-01' });
    expect(result.ok && result.version.effective).toBe('2099-12-01');
    expect((await store.registerVersions.workflow('helsinki-atj'))?.state).toBe('scheduled');
    expect((await getPublishedNotice('helsinki-atj', 'fi'))?.view.title.value).toBe('Sosiaalihuollon asiakastietojärjestelmä ATJ');
    expect((await store.registerVersions.inForce('2099-12-01', ['helsinki-atj']))[0]?.register.title.fi).toBe('ATJ (joulukuusta)');
  });

  it('treats a draft’s gaps as errors, and refuses whoever may not review in the organisation', async () => {
    const check = await checkForPublishing('siuntio-proconsona');
    expect(check.ok).toBe(false);
    expect(check.issues.every((issue) => issue.severity === 'error')).toBe(true);
    const handler: Actor = { username: 'helmi.handler', roles: { helsinki: ['handler'] } };
    await expect(publishRegister(store, handler, 'helsinki-atj', { summary, submittedBy: 'helmi.handler' })).rejects.toMatchObject({
      code: 'PUBLISH_FORBIDDEN',
    });
    await expect(
      publishRegister(store, systemActor('system'), 'helsinki-atj', { summary, submittedBy: 'system', effective: '2000-01-01' }),
    ).rejects.toMatchObject({ code: 'PUBLISH_DATE' });
    expect(await store.registerVersions.count()).toBe(0);
  });
});

describe('seloste publish', () => {
  it('needs a note, publishes the ids given as the system user, and exits 1 naming a refused file’s errors', async () => {
    const database = await freshDatabase('sqlite');
    const env = { ...databaseEnv(database), CONTENT_DIR: content, SELOSTE_LANG: 'en' };
    expect(seloste(['publish', 'helsinki-atj'], env).status).toBe(2);
    const published = seloste(['publish', 'helsinki-atj', '--note', 'Checked by the DPO'], env);
    expect(published.stdout).toContain('helsinki-atj: version 1 published');
    expect(published.status).toBe(0);
    edit('format: information-system', 'format: no-such-format');
    const refused = seloste(['publish', '--all', '--note', 'Everything'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('helsinki-atj: publishing refused because of errors:');
    expect(refused.stderr).toMatch(/helsinki-atj\.yaml:\d+: error: format:/u);
    expect(refused.stdout).toContain('example-youth-services: version 1 published');
    const opened = await openStore(database);
    expect((await opened.registerVersions.history('helsinki-atj')).map((info) => [info.number, info.approvedBy, info.summary])).toEqual([
      [1, 'system', { en: 'Checked by the DPO' }],
    ]);
    await opened.close();
  });
});
