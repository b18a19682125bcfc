import type { TFunction } from 'i18next';
import { ImportCheckError, importLegacyStore, OrganisationUnknownError, StoreCorruptError } from '../services/database-admin.ts';
import { withStore } from '../services/runtime.ts';
import { parseOptions } from './options.ts';

/**
 * `seloste db migrate` brings the database's schema up to date (the server does it too when it starts);
 * `seloste db import --from DIR [--org ID]` moves a data directory of the lowdb era into an empty database.
 */
export async function runDb(args: string[], t: TFunction): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseOptions(rest, { from: { type: 'string' }, org: { type: 'string' } });
  if (sub === 'migrate') {
    const location = await withStore(async (store) => store.location);
    console.log(t('cli.db.migrated', { location }));
    return 0;
  }
  if (sub !== 'import' || !values.from) {
    console.error(t('cli.db.usage'));
    return 2;
  }
  try {
    const counts = await withStore((store) => importLegacyStore(store, values.from!, values.org));
    console.log(t('cli.db.imported', { ...counts }));
    return 0;
  } catch (error) {
    if (error instanceof OrganisationUnknownError)
      console.error(t('cli.db.organisationUnknown', { references: error.references.join(', ') }));
    else if (error instanceof ImportCheckError || error instanceof StoreCorruptError)
      console.error(t('cli.db.importFailed', { reason: error.message }));
    else throw error;
    return 1;
  }
}
