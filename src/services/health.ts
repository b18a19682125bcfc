import { getCatalogue } from '../content/catalogue.ts';
import { appStore } from './runtime.ts';

export { isStoreUnavailable, StoreUnavailableError } from '../store/index.ts';

export interface Health {
  ok: boolean;
  store: 'ok' | 'unavailable';
  registers: number;
  organisations: number;
}

/** Readiness for load balancers and tests: the database answers with a current schema, and the content loads. */
export async function health(): Promise<Health> {
  const [catalogue, store] = await Promise.all([
    getCatalogue(),
    appStore()
      .then((opened) => opened.health())
      .catch(() => ({ ok: false as const })),
  ]);
  return {
    ok: store.ok,
    store: store.ok ? 'ok' : 'unavailable',
    registers: catalogue.registers.size,
    organisations: catalogue.organisations.size,
  };
}

/** Whether the server's database answers now (false when it cannot even be opened). */
export async function storeHealthy(): Promise<boolean> {
  try {
    return (await (await appStore()).health()).ok;
  } catch {
    return false;
  }
}
