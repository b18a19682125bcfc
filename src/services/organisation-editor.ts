import { parseDocument } from 'yaml';
import { contentDir } from '../content/catalogue.ts';
import { readOrganisationSource, saveOrganisationChanges } from '../content/organisation-file.ts';
import { can } from '../domain/access.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage } from '../domain/localized-text.ts';
import { organisationSchema, type Organisation } from '../domain/organisation.ts';
import type { Actor } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { getCatalogue } from './catalogue.ts';
import { saveForm, type FormSaveResult, textFields, valueFields, type TextField, type ValueField } from './schema-form.ts';

/**
 * The organisations' identity (names, business ID, languages, contacts, logo, accent colour) edited in the browser
 * with a form generated from the organisation model, as registers are. Those who edit an organisation's registers
 * (the `dpo` role there) edit the organisation too: its identity is printed on each of their notices and letters.
 */
const PERMISSION = 'registers.edit';

/** The id names the file, and every register refers to the organisation by it. */
const FIXED = ['id'] as const;

export class OrganisationForbiddenError extends Error {
  readonly code = 'ORGANISATION_FORBIDDEN';
}

/** The organisations the actor may see in the staff area, by name in the reader's language, with whether they may edit each. */
export async function organisationList(actor: Actor, lang: Lang): Promise<{ id: string; name: string; kind: string; editable: boolean }[]> {
  const catalogue = await getCatalogue();
  return [...catalogue.organisations.values()]
    .filter((organisation) => can(actor, 'registers.read', organisation.id))
    .map((organisation) => ({
      id: organisation.id,
      name: pickLanguage(organisation.name, lang).value,
      kind: organisation.kind,
      editable: can(actor, PERMISSION, organisation.id),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** The fields of one top-level part of the organisation. */
export interface OrganisationGroup {
  key: string;
  values: ValueField[];
  fields: TextField[];
}

export interface OrganisationForm {
  id: string;
  name: string;
  hash: string;
  required: Lang[];
  groups: OrganisationGroup[];
}

async function readOrganisation(id: string) {
  const source = await readOrganisationSource(contentDir(), id);
  if (!source) return undefined;
  const parsed = organisationSchema.safeParse(parseDocument(source.text, { version: '1.2' }).toJS());
  return parsed.success ? { source, organisation: parsed.data } : undefined;
}

/** The editor's form for an organisation's file, or undefined when there is none or it cannot be read as one. */
export async function organisationForm(actor: Actor, id: string, lang: Lang): Promise<OrganisationForm | undefined> {
  const read = await readOrganisation(id);
  if (!read) return undefined;
  const { source, organisation } = read;
  if (!can(actor, PERMISSION, id)) throw new OrganisationForbiddenError(id);
  const required = organisation.officialLanguages;
  const groups = new Map(Object.keys(organisationSchema.shape).map((key) => [key, { key, values: [], fields: [] } as OrganisationGroup]));
  for (const field of organisationValueFields(organisation, lang)) groups.get(String(field.path[0]))?.values.push(field);
  for (const field of textFields(organisationSchema, organisation, required)) groups.get(String(field.path[0]))?.fields.push(field);
  return {
    id,
    name: pickLanguage(organisation.name, lang).value,
    hash: source.hash,
    required,
    groups: [...groups.values()].filter((group) => group.values.length + group.fields.length > 0),
  };
}

export function organisationValueFields(organisation: Organisation, lang: Lang): ValueField[] {
  return valueFields(organisationSchema, organisation, lang, FIXED);
}

export type OrganisationSaveResult = FormSaveResult;

/**
 * Saves the editor's fields into the organisation's file: only what changed, through the YAML document (comments and
 * key order kept), each value checked against its own schema first (so a too-light accent colour is refused at its
 * field with its contrast ratio), refused when someone saved meanwhile, written atomically, and audited.
 */
export async function saveOrganisation(store: Store, actor: Actor, id: string, form: FormData): Promise<OrganisationSaveResult> {
  const read = await readOrganisation(id);
  if (!read || !can(actor, PERMISSION, id)) throw new OrganisationForbiddenError(id);
  const { source, organisation } = read;
  const fields = organisationValueFields(organisation, 'fi');
  const result = await saveForm(organisation, fields, source.hash, form, (baseHash, changes) =>
    saveOrganisationChanges(contentDir(), id, baseHash, changes),
  );
  if (result === 'retry') return saveOrganisation(store, actor, id, form);
  if (!result.ok || !result.changed) return result;
  await store.audit.append({
    actor: actor.username,
    action: 'organisation.saved',
    entity: `organisation:${id}`,
    organisation: id,
    details: { fields: result.changed },
  });
  return { ok: true };
}
