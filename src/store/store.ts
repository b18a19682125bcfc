import path from 'node:path';
import { Low } from 'lowdb';
import * as z from 'zod';
import { requestSchema } from '../domain/request.ts';
import { userSchema } from '../domain/user.ts';
import { DurableTextFile, ensurePrivateDir } from './durable-file.ts';
import { acquireLock } from './lock.ts';

/** The current layout of store.json. Bump it and add a migration whenever the shape changes. */
export const STORE_VERSION = 3;

export const storeDataSchema = z.strictObject({
  version: z.literal(STORE_VERSION),
  users: z.array(userSchema),
  /** Data-subject requests. */
  requests: z.array(requestSchema),
});
export type StoreData = z.infer<typeof storeDataSchema>;

const EMPTY: StoreData = { version: STORE_VERSION, users: [], requests: [] };

/**
 * Migrations from older versions, each taking the raw data of version N to version N + 1. They run on load, before
 * validation; the file is rewritten in the new layout on the next write.
 */
const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 kept `hash` and no account state; version 2 names it passwordHash and adds ids, state and dates.
  1: (data) => ({
    ...data,
    version: 2,
    users: ((data.users as Record<string, unknown>[] | undefined) ?? []).map(({ hash, ...user }) => ({
      id: user.id ?? globalThis.crypto.randomUUID(),
      ...user,
      passwordHash: hash,
      disabled: user.disabled ?? false,
      createdAt: user.createdAt ?? new Date(0).toISOString(),
      passwordChangedAt: user.passwordChangedAt ?? user.createdAt ?? new Date(0).toISOString(),
    })),
  }),
  // Version 3 adds data-subject requests.
  2: (data) => ({ ...data, version: 3, requests: [] }),
};

/** The store file cannot be used: unreadable JSON, or data that does not fit the schema. Nothing is reset. */
export class StoreCorruptError extends Error {
  readonly code = 'STORE_CORRUPT';
}

/** A change was refused because the result would not be valid; nothing was written. */
export class StoreValidationError extends Error {
  readonly code = 'STORE_INVALID';
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Parses, migrates and validates the text of store.json, naming the file and the field when something is wrong. */
export function parseStoreText(text: string, file: string): StoreData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptError(
      `${file}: not valid JSON (${(error as Error).message}). Restore it from a backup (seloste backup); it was left untouched.`,
    );
  }
  let data = raw as Record<string, unknown>;
  for (let version = Number(data?.version); MIGRATIONS[version]; version = Number(data.version)) data = MIGRATIONS[version]!(data);
  const result = storeDataSchema.safeParse(data);
  if (!result.success)
    throw new StoreCorruptError(`${file}: ${describe(result.error)}. Restore it from a backup (seloste backup); it was left untouched.`);
  return result.data;
}

export interface StoreOptions {
  dir: string;
  /** Take the writer's lock (the server, and CLI commands that change data). Readers such as backups need not. */
  write?: boolean;
}

/**
 * The durable single-writer store over DATA_DIR/store.json (lowdb underneath). Every change runs through one queue,
 * on a copy of the data; the copy is validated and written durably before it replaces what is in memory, so a
 * failed change leaves memory equal to disk.
 */
export class Store {
  readonly file: string;
  readonly dir: string;
  private readonly db: Low<string>;
  private current: StoreData;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly release: () => void;

  private constructor(dir: string, db: Low<string>, data: StoreData, release: () => void) {
    this.dir = dir;
    this.file = (db.adapter as DurableTextFile).file;
    this.db = db;
    this.current = data;
    this.release = release;
  }

  static async open({ dir, write = true }: StoreOptions): Promise<Store> {
    await ensurePrivateDir(dir);
    const release = write ? acquireLock(dir) : () => {};
    try {
      const file = path.join(dir, 'store.json');
      const db = new Low<string>(new DurableTextFile(file), '');
      await db.read();
      const data = db.data === '' ? structuredClone(EMPTY) : parseStoreText(db.data, file);
      return new Store(dir, db, data, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  /** The data as last written. Treat it as read-only: change it only through `mutate`. */
  get data(): Readonly<StoreData> {
    return this.current;
  }

  /**
   * Queues a change. `change` edits a draft copy; the result is validated and written durably before it becomes
   * the data. Resolves with what `change` returned, once it is on disk.
   */
  mutate<R>(change: (draft: StoreData) => R): Promise<R> {
    this.pending++;
    const run = this.queue.then(async () => {
      const draft = structuredClone(this.current);
      const result = change(draft);
      const checked = storeDataSchema.safeParse(draft);
      if (!checked.success) throw new StoreValidationError(`${this.file}: the change was refused: ${describe(checked.error)}`);
      this.db.data = `${JSON.stringify(checked.data, null, 2)}\n`;
      await this.db.write();
      this.current = checked.data;
      return result;
    });
    this.queue = run.catch(() => undefined).finally(() => this.pending--);
    return run;
  }

  /** Waits until every queued change is on disk. */
  async drain(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }

  /** Drains the queue and releases the writer's lock. */
  async close(): Promise<void> {
    await this.drain();
    this.release();
  }
}
