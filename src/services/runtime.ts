import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../domain/config.ts';
import { removeLeftovers } from '../store/durable-file.ts';
import { openStore, type Store } from '../store/index.ts';
import { todayInFinland } from '../domain/calendar.ts';
import { watchChanges } from './changes.ts';
import { addChangeSource } from './public-changes.ts';
import { publishOnFirstStart } from './publishing.ts';
import { scheduleReminders } from './reminder-schedule.ts';

/** Where runtime data lives, from the configuration: PostgreSQL when DATABASE_URL is set, else DATA_DIR/seloste.db. */
export function storeConfig() {
  const { DATA_DIR, DATABASE_URL } = config();
  const dataDir = path.resolve(DATA_DIR);
  return { dataDir, databaseUrl: DATABASE_URL, hetuKey: hetuKey(dataDir, DATABASE_URL) };
}

export const HASH_KEY_FILE = 'hash.key';

/**
 * The secret identity codes are hashed with for search: HASH_KEY, which every instance sharing a PostgreSQL database
 * must have alike. The embedded mode generates one into DATA_DIR/hash.key (mode 0600) on first use; back it up with
 * the database. With PostgreSQL and no HASH_KEY there is no key, and identity codes cannot be searched for.
 */
function hetuKey(dataDir: string, databaseUrl: string | undefined): Uint8Array | undefined {
  const configured = config().HASH_KEY;
  if (configured) return new TextEncoder().encode(configured);
  if (databaseUrl) return undefined;
  const file = path.join(dataDir, HASH_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

const KEY = Symbol.for('seloste.store');
type Holder = { [KEY]?: Promise<Store> };

/**
 * The server's store: opened once per process (and kept across dev reloads), with its migrations applied. Other
 * instances' changes are polled for. On SIGTERM and SIGINT the store closes before the process exits.
 */
export function appStore(): Promise<Store> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const store = await openStore(storeConfig());
    await removeLeftoverFiles();
    await publishOnFirstStart(store);
    const stopWatching = watchChanges(store, config().CHANGE_POLL_SECONDS * 1000);
    const stopDays = addChangeSource(finnishDays());
    const stopReminders = scheduleReminders(store);
    const shutdown = async (signal: NodeJS.Signals) => {
      stopWatching();
      stopDays();
      stopReminders();
      await store.close();
      process.exit(signal === 'SIGINT' ? 130 : 0);
    };
    process.once('SIGTERM', (signal) => void shutdown(signal));
    process.once('SIGINT', (signal) => void shutdown(signal));
    return store;
  })().catch((error: unknown) => {
    // Forget a failed opening, so a later request tries again (the database may come back).
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

/**
 * A change source that moves when the day changes in Finland, so public pages cached yesterday are rendered again
 * when a scheduled version comes into force. Read on every cached response, so it looks at the clock once a minute.
 */
function finnishDays() {
  let checked = 0;
  let day = '';
  let days = 0;
  return {
    generation() {
      const now = Date.now();
      if (now - checked < 60_000) return days;
      checked = now;
      const today = todayInFinland(new Date(now));
      if (today !== day) {
        day = today;
        days += 1;
      }
      return days;
    },
  };
}

/** Opens the store for one command-line run, and closes it afterwards whatever happens. */
export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeConfig());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Removes the temporary files a crash left in DATA_DIR (they may hold personal data). The server does it when it
 * starts, and `seloste purge` too. Returns their names.
 */
export function removeLeftoverFiles(): Promise<string[]> {
  return removeLeftovers(storeConfig().dataDir);
}
