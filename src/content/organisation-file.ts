import path from 'node:path';
import { ID_PATTERN } from '../domain/contact.ts';
import { organisationSchema } from '../domain/organisation.ts';
import { readSource, saveDocumentChanges, type FieldChange, type RegisterSource, type SaveOutcome } from './register-file.ts';

function organisationFile(contentDir: string, id: string): string {
  // The id is checked before any path is joined.
  if (!ID_PATTERN.test(id)) throw new Error(`not an organisation id: ${id}`);
  return path.join(contentDir, 'organisations', `${id}.yaml`);
}

/** An organisation's file as text, with the hash a later save must name to show it saw this text. */
export function readOrganisationSource(contentDir: string, id: string): Promise<RegisterSource | undefined> {
  return readSource(organisationFile(contentDir, id));
}

/**
 * Applies changes to an organisation's YAML file as a register's are applied (see `saveRegisterChanges`): through
 * the Document API, refused when stale or when the organisation schema rejects the result, written atomically.
 */
export function saveOrganisationChanges(contentDir: string, id: string, baseHash: string, changes: FieldChange[]): Promise<SaveOutcome> {
  return saveDocumentChanges(organisationFile(contentDir, id), baseHash, changes, organisationSchema);
}
