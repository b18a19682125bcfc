import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SosdataRecord } from '../../../src/domain/sosdata.ts';
import { openStore, StoreCorruptError, StoreValidationError, type OrganisationScope, type Store } from '../../../src/store/index.ts';
import { ENGINES, freshDatabase } from '../../support/databases.ts';
import { notification } from './fixtures.ts';

const ROUND = { id: 'thl-2022-04-04', deadline: '2022-04-04', periodStart: '2023-01-01', periodEnd: '2023-03-31' };

function record(id: string, organisation = 'example-welfare-area', fields: Partial<SosdataRecord> = {}): SosdataRecord {
  return {
    notification: { ...notification({ groupName: `Ryhmä ${id}` }), id, organisation },
    roundId: ROUND.id,
    version: 1,
    updatedAt: '2026-11-02T08:00:00.000Z',
    updatedBy: 'system',
    ...fields,
  };
}

describe.each(ENGINES)('the Sosdata repository on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(await freshDatabase(engine));
    await store.sosdata.saveRound(ROUND);
  });
  afterEach(() => store.close());

  it('keeps a notification with its answers, status and who changed it, and gives it its round’s submission date', async () => {
    expect(await store.sosdata.insertIfAbsent(record('north'))).toBe(true);
    const stored = await store.sosdata.byId('north');
    expect(stored).toEqual(record('north'));
    expect(stored?.notification.round.deadline).toBe('2022-04-04');
    expect(stored?.notification.answers.groupName).toBe('Ryhmä north');
  });

  it('changes the submission date of every notification of a round at once', async () => {
    await store.sosdata.insertIfAbsent(record('north'));
    await store.sosdata.insertIfAbsent(record('south'));
    await store.sosdata.saveRound({ ...ROUND, deadline: '2022-04-11' });
    const deadlines = (await store.sosdata.list({ every: true })).map((stored) => stored.notification.round.deadline);
    expect(deadlines).toEqual(['2022-04-11', '2022-04-11']);
    expect((await store.sosdata.rounds()).map((round) => round.deadline)).toEqual(['2022-04-11']);
  });

  it('seeds a notification only once: a second insert leaves the stored one as it is', async () => {
    await store.sosdata.insertIfAbsent(record('north'));
    const other = record('north', 'example-welfare-area', { updatedBy: 'someone.else' });
    expect(await store.sosdata.insertIfAbsent(other)).toBe(false);
    expect((await store.sosdata.byId('north'))?.updatedBy).toBe('system');
  });

  it('writes a change as the next version, and refuses one made to an older version', async () => {
    await store.sosdata.insertIfAbsent(record('north'));
    const changed = record('north', 'example-welfare-area', { updatedBy: 'iida.informatics' });
    changed.notification = { ...changed.notification, status: 'ready' };
    const saved = await store.sosdata.update(changed, 1);
    expect(saved?.version).toBe(2);
    expect(await store.sosdata.update(changed, 1)).toBeUndefined();
    const stored = await store.sosdata.byId('north');
    expect([stored?.version, stored?.notification.status, stored?.updatedBy]).toEqual([2, 'ready', 'iida.informatics']);
  });

  it('lists only the organisations of the scope, by organisation', async () => {
    await store.sosdata.insertIfAbsent(record('north'));
    await store.sosdata.insertIfAbsent(record('helsinki-group', 'helsinki'));
    const ids = async (scope: OrganisationScope) => (await store.sosdata.list(scope)).map((stored) => stored.notification.id);
    expect(await ids({ every: false, ids: ['helsinki'] })).toEqual(['helsinki-group']);
    expect(await ids({ every: false, ids: [] })).toEqual([]);
    expect(await ids({ every: true })).toEqual(['north', 'helsinki-group']);
  });

  it('refuses to write a notification that does not fit the model, and writes nothing', async () => {
    const bad = record('north');
    bad.notification = { ...bad.notification, status: 'archived' as 'draft' };
    await expect(store.sosdata.insertIfAbsent(bad)).rejects.toThrow(StoreValidationError);
    expect(await store.sosdata.byId('north')).toBeUndefined();
  });

  it('reports a row changed behind its back as corrupt, naming the row', async () => {
    await store.sosdata.insertIfAbsent(record('north'));
    await sql`update sosdata_notifications set body = ${'{"id":"north","status":"draft"}'}`.execute(store.database.db);
    await expect(store.sosdata.byId('north')).rejects.toThrow(StoreCorruptError);
    await expect(store.sosdata.byId('north')).rejects.toThrow(/sosdata_notifications north/u);
  });
});
