import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/store/index.ts';
import { ENGINES, freshDatabase } from '../../support/databases.ts';

const HOUR = 60 * 60 * 1000;
const now = new Date('2026-12-01T10:00:00.000Z');

describe.each(ENGINES)('the e-form store on %s', (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  it('lets exactly the limit through when twenty submissions come at once', async () => {
    store = await openStore(await freshDatabase(engine));
    const keys = [{ key: 'eform:address:test', limit: 5, windowMs: HOUR }];
    const taken = await Promise.all(Array.from({ length: 20 }, () => store.eform.takeSubmission(keys, now)));
    expect(taken.filter(Boolean)).toHaveLength(5);
    // An hour later the window has moved on.
    expect(await store.eform.takeSubmission(keys, new Date(now.getTime() + HOUR + 1))).toBe(true);
  });

  it('takes nothing for any key when one key is at its limit', async () => {
    store = await openStore(await freshDatabase(engine));
    const identity = { key: 'eform:identity:test', limit: 1, windowMs: 24 * HOUR };
    expect(await store.eform.takeSubmission([identity], now)).toBe(true);
    const address = { key: 'eform:address:other', limit: 5, windowMs: HOUR };
    expect(await store.eform.takeSubmission([address, identity], now)).toBe(false);
    for (let count = 0; count < 5; count++) expect(await store.eform.takeSubmission([address], now)).toBe(true);
  });
});
