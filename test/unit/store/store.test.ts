import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../../src/domain/user.ts';
import { StoreLockedError } from '../../../src/store/lock.ts';
import { Store, StoreCorruptError, StoreValidationError } from '../../../src/store/store.ts';

const open: Store[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

function freshDir(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'seloste-store-')), 'data');
}

async function openStore(dir: string): Promise<Store> {
  const store = await Store.open({ dir });
  open.push(store);
  return store;
}

function fictionalUser(index: number): User {
  return {
    id: crypto.randomUUID(),
    username: `user${String(index).padStart(4, '0')}`,
    name: `Testi Käyttäjä ${index}`,
    role: 'handler',
    passwordHash: 'scrypt$14$8$1$c2FsdA==$aGFzaA==',
    disabled: false,
    createdAt: '2026-11-23T08:00:00.000Z',
    passwordChangedAt: '2026-11-23T08:00:00.000Z',
  };
}

const onDisk = (store: Store) => JSON.parse(readFileSync(store.file, 'utf8')) as { users: User[] };

describe('the durable store', () => {
  it('keeps all of 500 concurrent writes, on disk and in memory, in order', async () => {
    const dir = freshDir();
    const store = await openStore(dir);
    await Promise.all(Array.from({ length: 500 }, (_, index) => store.mutate((data) => void data.users.push(fictionalUser(index)))));
    expect(store.data.users).toHaveLength(500);
    expect(onDisk(store).users.map((user) => user.username)).toEqual(store.data.users.map((user) => user.username));
    await store.close();
    open.splice(0);
    const reopened = await openStore(dir);
    expect(reopened.data.users).toHaveLength(500);
  });

  it('creates the directory 0700 and the file 0600', async () => {
    const dir = freshDir();
    const store = await openStore(dir);
    await store.mutate((data) => void data.users.push(fictionalUser(1)));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
  });

  it('leaves memory equal to disk when a change fails validation or throws', async () => {
    const store = await openStore(freshDir());
    await store.mutate((data) => void data.users.push(fictionalUser(1)));
    const before = readFileSync(store.file, 'utf8');
    await expect(
      store.mutate((data) => void data.users.push({ ...fictionalUser(2), role: 'superuser' as User['role'] })),
    ).rejects.toBeInstanceOf(StoreValidationError);
    await expect(
      store.mutate((data) => {
        data.users.push(fictionalUser(3));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readFileSync(store.file, 'utf8')).toBe(before);
    expect(store.data).toEqual(JSON.parse(before));
    await store.mutate((data) => void data.users.push(fictionalUser(4)));
    expect(onDisk(store).users.map((user) => user.username)).toEqual(['user0001', 'user0004']);
  });

  it('refuses a corrupt file with a message naming the file and the field, and leaves it untouched', async () => {
    const dir = freshDir();
    (await openStore(dir)).mutate((data) => void data.users.push(fictionalUser(1)));
    await Promise.all(open.splice(0).map((store) => store.close()));
    const file = path.join(dir, 'store.json');
    writeFileSync(file, '{"version": 3, "users": [');
    await expect(Store.open({ dir })).rejects.toThrow(/store\.json: not valid JSON/u);
    const wrongField = JSON.stringify({ version: 3, users: [{ ...fictionalUser(1), role: 'king' }], requests: [] });
    writeFileSync(file, wrongField);
    const error = await Store.open({ dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toMatch(/store\.json: users\.0\.role: /u);
    expect(readFileSync(file, 'utf8')).toBe(wrongField);
  });

  it('migrates a version 1 file and writes it back as the current version', async () => {
    const dir = freshDir();
    const v1 = {
      version: 1,
      users: [{ username: 'vanha.kayttaja', name: 'Vanha Käyttäjä', role: 'dpo', hash: 'scrypt$14$8$1$c2FsdA==$aGFzaA==' }],
    };
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'store.json'), JSON.stringify(v1));
    const store = await openStore(dir);
    expect(store.data.version).toBe(3);
    expect(store.data.requests).toEqual([]);
    expect(store.data.users[0]).toMatchObject({
      username: 'vanha.kayttaja',
      role: 'dpo',
      passwordHash: v1.users[0]!.hash,
      disabled: false,
    });
    await store.mutate(() => undefined);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toMatchObject({
      version: 3,
      users: [{ username: 'vanha.kayttaja' }],
      requests: [],
    });
  });

  it('lets only one writer hold a data directory', async () => {
    const dir = freshDir();
    await openStore(dir);
    await expect(Store.open({ dir })).rejects.toBeInstanceOf(StoreLockedError);
    const reader = await Store.open({ dir, write: false });
    expect(reader.data.version).toBe(3);
  });
});
