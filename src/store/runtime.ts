import path from 'node:path';
import { AuditLog } from './audit-log.ts';
import { Store } from './store.ts';

/** DATA_DIR, else ./data under the working directory. Never committed. */
export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? 'data');
}

export interface Runtime {
  store: Store;
  audit: AuditLog;
}

const KEY = Symbol.for('seloste.runtime');
type Holder = { [KEY]?: Promise<Runtime> };

/**
 * The server's store and audit log: opened once per process (and kept across dev reloads), holding the writer's
 * lock. On SIGTERM and SIGINT the queues drain before the process exits.
 */
export function runtime(): Promise<Runtime> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const dir = dataDir();
    const store = await Store.open({ dir });
    const audit = await AuditLog.open(dir);
    const shutdown = async (signal: NodeJS.Signals) => {
      await Promise.all([store.close(), audit.drain()]);
      process.exit(signal === 'SIGINT' ? 130 : 0);
    };
    process.once('SIGTERM', (signal) => void shutdown(signal));
    process.once('SIGINT', (signal) => void shutdown(signal));
    return { store, audit };
  })();
  return holder[KEY];
}
