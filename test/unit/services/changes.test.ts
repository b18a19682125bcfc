import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noteChange, onChange, watchChanges } from '../../../src/services/changes.ts';
import { publicGeneration } from '../../../src/services/public-changes.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { freshDatabase } from '../../support/databases.ts';

let here: Store;
let elsewhere: Store;
beforeEach(async () => {
  const config = await freshDatabase('sqlite');
  here = await openStore(config);
  elsewhere = await openStore(config);
});
afterEach(async () => {
  await here.close();
  await elsewhere.close();
});

const until = async (condition: () => boolean) => {
  for (let tries = 0; tries < 100 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('changes made by another instance', () => {
  it('reach this instance’s listeners and empty its public page cache within one poll', async () => {
    const stop = watchChanges(here, 20);
    try {
      let heard = 0;
      const off = onChange('registers', () => heard++);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const before = publicGeneration();
      await elsewhere.changes.bump('registers');
      await until(() => heard > 0);
      expect(heard).toBe(1);
      expect(publicGeneration()).not.toBe(before);
      off();
    } finally {
      stop();
    }
  });

  it('are told to this instance at once when made here', async () => {
    let heard = 0;
    const off = onChange('content', () => heard++);
    const before = publicGeneration();
    await noteChange(here, 'content');
    expect(heard).toBe(1);
    expect(publicGeneration()).not.toBe(before);
    expect(await elsewhere.changes.current()).toEqual(new Map([['content', 1]]));
    off();
  });
});
