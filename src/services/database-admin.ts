import path from 'node:path';
import { getCatalogue } from '../content/catalogue.ts';
import { importLegacyData, readLegacyData, type ImportCounts, type LegacyRequest } from '../store/legacy-import.ts';
import type { Store } from '../store/index.ts';

export { ImportCheckError } from '../store/legacy-import.ts';
export { StoreCorruptError } from '../store/index.ts';

/** A request of the old store whose organisation cannot be told; the import stops and names them. */
export class OrganisationUnknownError extends Error {
  readonly code = 'IMPORT_ORGANISATION';
  readonly references: string[];
  constructor(references: string[]) {
    super(references.join(', '));
    this.references = references;
  }
}

/**
 * Moves a data directory of the lowdb era (store.json of schema version 1–3, and audit.jsonl) into the database.
 * Each request gets the organisation of its registers; one naming none (or only unknown ones) gets `fallback`, or
 * the only non-example organisation of the catalogue; otherwise the import stops and names those requests.
 */
export async function importLegacyStore(store: Store, from: string, fallback?: string): Promise<ImportCounts> {
  const data = await readLegacyData(path.resolve(from));
  const catalogue = await getCatalogue();
  const real = [...catalogue.organisations.values()].filter((organisation) => !organisation.example);
  const onlyOne = real.length === 1 ? real[0]!.id : undefined;
  const organisationOf = (request: LegacyRequest) =>
    request.registers.map((id) => catalogue.registers.get(id)?.register.organisation).find(Boolean) ?? fallback ?? onlyOne;
  const unknown = data.requests.filter((request) => !organisationOf(request)).map((request) => request.reference);
  if (unknown.length) throw new OrganisationUnknownError(unknown);
  return importLegacyData(store, data, (request) => organisationOf(request)!);
}
