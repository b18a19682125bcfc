import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Register } from '../../../src/domain/register.ts';
import type { NewRegisterVersion } from '../../../src/store/register-versions.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { ENGINES, freshDatabase } from '../../support/databases.ts';

const register = (title: string): Register => ({
  id: 'example-library',
  format: 'gdpr-notice',
  status: 'draft',
  organisation: 'example-town',
  version: 7,
  updated: '2026-11-02',
  title: { fi: title, sv: `${title} (sv)` },
});

const version = (title: string, effective: string, fields: Partial<NewRegisterVersion> = {}): NewRegisterVersion => ({
  registerId: 'example-library',
  organisation: 'example-town',
  effective,
  publishedAt: '2026-11-02T10:00:00.000Z',
  summary: { fi: `Muutos: ${title}`, sv: `Ändring: ${title}` },
  submittedBy: 'dora.dpo',
  approvedBy: 'veli.dpo',
  register: register(title),
  ...fields,
});

describe.each(ENGINES)('register versions on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(await freshDatabase(engine));
  });
  afterEach(() => store.close());

  it('number each register’s versions 1, 2, 3 and keep every field, the register’s edition being the number', async () => {
    const first = await store.registerVersions.add(version('Kirjaston asiakasrekisteri', '2026-11-02'));
    const second = await store.registerVersions.add(version('Kirjaston asiakkaat', '2026-11-03'));
    await store.registerVersions.add(
      version('Other', '2026-11-02', { registerId: 'example-pool', register: { ...register('Uimahalli'), id: 'example-pool' } }),
    );
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(await store.registerVersions.get('example-library', 1)).toEqual(first);
    expect(first.register).toMatchObject({ version: 1, title: { fi: 'Kirjaston asiakasrekisteri' } });
    expect((await store.registerVersions.history('example-library')).map((info) => [info.number, info.summary.fi])).toEqual([
      [2, 'Muutos: Kirjaston asiakkaat'],
      [1, 'Muutos: Kirjaston asiakasrekisteri'],
    ]);
    expect(await store.registerVersions.count()).toBe(3);
  });

  it('give the version in force on a day: a scheduled one only from its date, none once withdrawn', async () => {
    await store.registerVersions.add(version('Ensimmäinen', '2026-11-02'));
    await store.registerVersions.add(version('Toinen', '2026-12-01'));
    const titles = async (day: string) =>
      (await store.registerVersions.inForce(day)).map((entry) => [entry.number, entry.register.title.fi]);
    expect(await titles('2026-11-01')).toEqual([]);
    expect(await titles('2026-11-30')).toEqual([[1, 'Ensimmäinen']]);
    expect(await titles('2026-12-01')).toEqual([[2, 'Toinen']]);
    expect(await store.registerVersions.inForce('2026-12-01', ['example-pool'])).toEqual([]);
    await store.registerVersions.setWorkflow({
      registerId: 'example-library',
      organisation: 'example-town',
      state: 'withdrawn',
      changedAt: '2026-12-02T08:00:00.000Z',
      changedBy: 'veli.dpo',
    });
    expect(await titles('2026-12-02')).toEqual([]);
    expect(await store.registerVersions.get('example-library', 2)).toBeDefined();
  });

  it('let only one of two approvals at once take a number', async () => {
    const results = await Promise.allSettled([
      store.transaction((repositories) => repositories.registerVersions.add(version('A', '2026-11-02'))),
      store.transaction((repositories) => repositories.registerVersions.add(version('B', '2026-11-02'))),
    ]);
    const numbers = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.number] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect((await store.registerVersions.history('example-library')).map((info) => info.number).sort()).toEqual(numbers.sort());
  });

  it('keep the workflow state with its submitter, summary and comment, and refuse an invalid one', async () => {
    const workflow = {
      registerId: 'example-library',
      organisation: 'example-town',
      state: 'review',
      changedAt: '2026-11-02T08:00:00.000Z',
      changedBy: 'dora.dpo',
      submittedBy: 'dora.dpo',
      summary: { fi: 'Ruotsinkielinen teksti lisätty' },
      effective: '2026-11-10',
    } as const;
    await store.registerVersions.setWorkflow(workflow);
    expect(await store.registerVersions.workflow('example-library')).toEqual(workflow);
    await store.registerVersions.setWorkflow({ ...workflow, state: 'draft', submittedBy: undefined, comment: 'Tarkista säilytysaika.' });
    expect(await store.registerVersions.workflows()).toEqual([
      {
        registerId: 'example-library',
        organisation: 'example-town',
        state: 'draft',
        changedAt: workflow.changedAt,
        changedBy: 'dora.dpo',
        summary: workflow.summary,
        effective: workflow.effective,
        comment: 'Tarkista säilytysaika.',
      },
    ]);
    await expect(store.registerVersions.setWorkflow({ ...workflow, state: 'lost' as 'draft' })).rejects.toMatchObject({
      code: 'STORE_INVALID',
    });
    await expect(store.registerVersions.add(version('', '2026-11-02'))).rejects.toMatchObject({ code: 'STORE_INVALID' });
    expect(await store.registerVersions.count()).toBe(0);
  });
});
