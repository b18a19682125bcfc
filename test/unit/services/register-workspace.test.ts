import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/user.ts';
import { getPublishedNotice } from '../../../src/services/notice.ts';
import { usePublishedStore } from '../../../src/services/published.ts';
import { publishOnFirstStart } from '../../../src/services/publishing.ts';
import { applyRegisterAction, listRegisters, registerOverview, submitForReview } from '../../../src/services/register-workspace.ts';
import { compareVersions } from '../../../src/services/versions.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { copyContent } from '../../support/cli.ts';
import { freshDatabase } from '../../support/databases.ts';

let content: string;
let store: Store;
const previous = process.env.CONTENT_DIR;
const dora: Actor = { username: 'dora.dpo', roles: { helsinki: ['dpo'] } };
const veli: Actor = { username: 'veli.dpo', roles: { helsinki: ['dpo'] } };
const helmi: Actor = { username: 'helmi.handler', roles: { helsinki: ['handler'] } };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const atj = () => path.join(content, 'registers/helsinki-atj.yaml');

beforeEach(async () => {
  content = copyContent();
  process.env.CONTENT_DIR = content;
  store = await openStore(await freshDatabase('sqlite'));
  usePublishedStore(store);
  await publishOnFirstStart(store);
});
afterEach(async () => {
  usePublishedStore(undefined);
  await store.close();
  process.env.CONTENT_DIR = previous;
});

describe('the registers area', () => {
  it('lists the registers of the user’s organisations with state, version and what is missing', async () => {
    const rows = await listRegisters(store, dora, 'fi');
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => [row.id, row.state, row.version])).toEqual(
      expect.arrayContaining([
        ['helsinki-reception-clients', 'draft', undefined],
        ['helsinki-atj', 'published', 1],
      ]),
    );
    expect(rows.find((row) => row.id === 'helsinki-atj')).toMatchObject({
      lastChange: { by: 'system' },
      languages: [
        { lang: 'fi', complete: true },
        { lang: 'sv', complete: true },
      ],
    });
    expect((await listRegisters(store, dora, 'fi', { state: 'draft' })).map((row) => row.id)).toEqual(['helsinki-reception-clients']);
  });

  it('goes draft → review → published with four eyes, and the version says who submitted and who approved', async () => {
    writeFileSync(atj(), readFileSync(atj(), 'utf8').replace('Socialvårdens klientdatasystem ATJ', 'Socialvårdens klientdatasystem ATJ 2'));
    const submitted = await applyRegisterAction(
      store,
      dora,
      'helsinki-atj',
      form({ intent: 'submit', 'summary-fi': 'Ruotsinkielinen nimi korjattu', 'summary-sv': 'Det svenska namnet rättat' }),
    );
    expect(submitted).toEqual({ ok: true, flash: { kind: 'submitted' } });
    expect((await registerOverview(store, dora, 'helsinki-atj', 'fi'))?.state).toBe('review');

    const own = await applyRegisterAction(store, dora, 'helsinki-atj', form({ intent: 'approve' }));
    expect(own).toMatchObject({ ok: false, error: 'workspace.error.fourEyes', status: 409 });
    const handler = await applyRegisterAction(store, helmi, 'helsinki-atj', form({ intent: 'approve' }));
    expect(handler).toMatchObject({ ok: false, error: 'workspace.error.forbidden', status: 403 });

    const approved = await applyRegisterAction(store, veli, 'helsinki-atj', form({ intent: 'approve' }));
    expect(approved).toMatchObject({ ok: true, flash: { kind: 'published', number: '2' } });
    const history = await store.registerVersions.history('helsinki-atj');
    expect(history[0]).toMatchObject({
      number: 2,
      submittedBy: 'dora.dpo',
      approvedBy: 'veli.dpo',
      summary: { sv: 'Det svenska namnet rättat' },
    });
    expect((await getPublishedNotice('helsinki-atj', 'sv'))?.view.title.value).toBe('Socialvårdens klientdatasystem ATJ 2');

    const diff = await compareVersions('helsinki-atj', 1, 2, 'sv');
    const changed = diff!.sections.filter((section) => section.changed);
    expect(changed.length).toBeGreaterThan(0);
    expect(
      changed
        .flatMap((section) => section.parts)
        .filter((part) => part.added)
        .map((part) => part.value.trim()),
    ).toContain('2');
  });

  it('refuses to approve a working copy changed after it was submitted, and sends it back with a comment', async () => {
    await submitForReview(store, dora, 'helsinki-atj', { summary: { fi: 'Muutos' } });
    writeFileSync(atj(), readFileSync(atj(), 'utf8').replace('Socialvårdens klientdatasystem ATJ', 'ATJ (myöhemmin)'));
    expect(await applyRegisterAction(store, veli, 'helsinki-atj', form({ intent: 'approve' }))).toMatchObject({
      ok: false,
      error: 'workspace.error.changedSinceSubmitted',
    });
    expect(await applyRegisterAction(store, veli, 'helsinki-atj', form({ intent: 'return', comment: '' }))).toMatchObject({
      ok: false,
      field: 'comment',
    });
    expect(await applyRegisterAction(store, veli, 'helsinki-atj', form({ intent: 'return', comment: 'Tarkista nimi.' }))).toMatchObject({
      ok: true,
    });
    expect(await store.registerVersions.workflow('helsinki-atj')).toMatchObject({
      state: 'draft',
      comment: 'Tarkista nimi.',
      changedBy: 'veli.dpo',
    });
    // Only the demo's three published registers: nothing was approved.
    expect(await store.registerVersions.count()).toBe(3);
  });

  it('refuses to send a register with errors to review, keeping what was typed, and withdraws a published one', async () => {
    const refused = await applyRegisterAction(store, dora, 'helsinki-reception-clients', form({ intent: 'submit', 'summary-fi': 'Uusi' }));
    expect(refused).toMatchObject({ ok: false, error: 'workspace.error.checksFailed', values: { summary: { fi: 'Uusi' } } });
    expect(await applyRegisterAction(store, dora, 'helsinki-atj', form({ intent: 'submit' }))).toMatchObject({
      ok: false,
      field: 'summary-fi',
    });
    expect(
      await applyRegisterAction(store, veli, 'helsinki-atj', form({ intent: 'withdraw', comment: 'Järjestelmä poistui käytöstä' })),
    ).toMatchObject({ ok: true });
    expect(await getPublishedNotice('helsinki-atj', 'fi')).toBeUndefined();
    expect(await store.registerVersions.get('helsinki-atj', 1)).toBeDefined();
    expect(await store.registerVersions.workflow('helsinki-atj')).toMatchObject({ state: 'withdrawn', changedBy: 'veli.dpo' });
  });
});
