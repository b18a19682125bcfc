import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/user.ts';
import { addUser, authenticate, setDisabled } from '../../../src/services/accounts.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { freshDatabase } from '../../support/databases.ts';

const PASSWORD = 'Vihreä-Kettu-Juoksee-42';
const cli: Actor = { username: 'cli:test', roles: { '*': ['admin'] } };
let store: Store;
beforeEach(async () => {
  process.env.SELOSTE_SCRYPT_LOG_N = '14';
  store = await openStore(await freshDatabase('sqlite'));
  await addUser(store, { username: 'anna.admin', roles: { helsinki: ['admin'] }, password: PASSWORD }, cli);
});
afterEach(() => store.close());

async function auditText(): Promise<string> {
  const lines: string[] = [];
  for await (const event of store.audit.all()) lines.push(JSON.stringify(event));
  return lines.join('\n');
}

describe('signing in', () => {
  it('takes each attempt before the slow hash, so forty at once check at most five passwords', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) => authenticate(store, 'anna.admin', `Wrong-${index}-xxxxxxxx`, '192.0.2.1')),
    );
    expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((result) => !result.ok && result.reason === 'rateLimited')).toHaveLength(35);
    expect((await authenticate(store, 'anna.admin', PASSWORD, '192.0.2.1')).ok).toBe(false);
  });

  it('names only existing accounts in the audit log: a password typed as a username is never kept', async () => {
    for (let attempt = 0; attempt < 25; attempt++)
      await authenticate(store, `my-secret-pass-ccbe53-${attempt}`, 'whatever-else-123', '198.51.100.9');
    await authenticate(store, 'anna.admin', 'Wrong-password-xyz', '198.51.100.9');
    const log = await auditText();
    expect(log).not.toContain('my-secret-pass');
    expect(log).not.toContain('whatever-else');
    expect(log).toContain('"action":"login.rateLimited"');
    expect(log).toContain('"entity":"user:anna.admin"');
    expect(log).toContain('"account":"unknown"');
  });

  it('gives a success its attempt back, and clears the username’s failures', async () => {
    for (let attempt = 0; attempt < 4; attempt++) await authenticate(store, 'anna.admin', `Wrong-${attempt}-xxxxxxxx`, '192.0.2.7');
    expect((await authenticate(store, 'anna.admin', PASSWORD, '192.0.2.7')).ok).toBe(true);
    for (let attempt = 0; attempt < 4; attempt++) await authenticate(store, 'anna.admin', `Wrong-${attempt}-yyyyyyyy`, '192.0.2.7');
    expect((await authenticate(store, 'anna.admin', PASSWORD, '192.0.2.7')).ok).toBe(true);
  });
});

describe('administering accounts per organisation', () => {
  it('lets an administrator of one organisation manage only its accounts, and never one of every organisation', async () => {
    const helsinkiAdmin: Actor = { username: 'anna.admin', roles: { helsinki: ['admin'] } };
    await addUser(store, { username: 'hanna.helsinki', roles: { helsinki: ['handler'] }, password: PASSWORD }, helsinkiAdmin);
    await expect(
      addUser(store, { username: 'sami.siuntio', roles: { siuntio: ['handler'] }, password: PASSWORD }, helsinkiAdmin),
    ).rejects.toMatchObject({ code: 'account.forbidden' });
    await expect(
      addUser(store, { username: 'kaikki', roles: { '*': ['auditor'] }, password: PASSWORD }, helsinkiAdmin),
    ).rejects.toMatchObject({ code: 'account.forbidden' });
    await addUser(store, { username: 'sami.siuntio', roles: { siuntio: ['handler'] }, password: PASSWORD }, cli);
    await expect(setDisabled(store, 'sami.siuntio', true, helsinkiAdmin)).rejects.toMatchObject({ code: 'account.forbidden' });
    expect((await setDisabled(store, 'hanna.helsinki', true, helsinkiAdmin)).disabled).toBe(true);
    const handler: Actor = { username: 'hanna.helsinki', roles: { helsinki: ['handler'] } };
    await expect(addUser(store, { username: 'uusi', roles: { helsinki: ['handler'] }, password: PASSWORD }, handler)).rejects.toMatchObject(
      { code: 'account.forbidden' },
    );
  });
});
