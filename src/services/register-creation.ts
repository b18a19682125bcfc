import { Document } from 'yaml';
import { contentDir, contentWritten, getCatalogue } from '../content/catalogue.ts';
import { createRegisterFile, readRegisterSource } from '../content/register-file.ts';
import { can } from '../domain/access.ts';
import { idSchema } from '../domain/contact.ts';
import { isLang, LANGS, type Lang } from '../domain/language.ts';
import { pickLanguage } from '../domain/localized-text.ts';
import { NOTICE_FORMATS } from '../domain/notice-format.ts';
import { isRegisterFormat, registerSchema, type Register } from '../domain/register.ts';
import type { Actor } from '../domain/user.ts';
import type { Store } from '../store/index.ts';

/** Ids that would name a page of the registers area rather than a register (`/staff/registers/new`). */
const RESERVED_IDS = ['new'];
/** The longest title taken: a register's name, not its description. */
export const TITLE_MAX = 300;

/** An organisation a new register may be kept by: one where the actor may edit registers. */
export interface NewRegisterOrganisation {
  id: string;
  name: string;
  /** Its official languages, which every one of its registers must be complete in. */
  officialLanguages: Lang[];
}

/** The organisations where the actor may create a register (the `dpo` role), by name. */
export async function organisationsForNewRegister(actor: Actor, lang: Lang): Promise<NewRegisterOrganisation[]> {
  const { organisations } = await getCatalogue();
  return [...organisations.values()]
    .filter((organisation) => can(actor, 'registers.edit', organisation.id))
    .map((organisation) => ({
      id: organisation.id,
      name: pickLanguage(organisation.name, lang).value,
      officialLanguages: [...organisation.officialLanguages],
    }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** What the form posts, as typed, so a refused form comes back with it. */
export interface NewRegisterValues {
  id: string;
  organisation: string;
  format: string;
  languages: string[];
  title: Record<Lang, string>;
}

export type NewRegisterField = 'id' | 'organisation' | 'format' | 'languages' | `title-${Lang}`;
/** A refused field: the message key under `registerNew.error.` and its parameters. */
export type NewRegisterErrors = Partial<Record<NewRegisterField, { key: string; params?: Record<string, string> }>>;

export type NewRegisterResult =
  { ok: true; id: string } | { ok: false; status: 400 | 403 | 409; errors: NewRegisterErrors; values: NewRegisterValues };

export function readNewRegisterForm(form: FormData): NewRegisterValues {
  const text = (name: string, max: number) =>
    String(form.get(name) ?? '')
      .slice(0, max)
      .trim();
  return {
    id: text('id', 200),
    organisation: text('organisation', 200),
    format: text('format', 100),
    languages: form.getAll('languages').map(String).filter(isLang),
    title: Object.fromEntries(LANGS.map((lang) => [lang, text(`title-${lang}`, 4000)])) as Record<Lang, string>,
  };
}

/**
 * Creates a register's working copy from the registers area's form: a draft with its id, organisation, format,
 * required languages and title, and nothing else for the author to fill in through the editor. Only a DPO of the
 * organisation may (re-checked here), the id must be free in the content directory and the database (a register whose
 * file was removed keeps its versions), and the file is created exclusively, never over another. Audited.
 */
export async function createRegister(store: Store, actor: Actor, form: FormData, lang: Lang): Promise<NewRegisterResult> {
  const values = readNewRegisterForm(form);
  const errors: NewRegisterErrors = {};
  const organisations = await organisationsForNewRegister(actor, lang);
  if (organisations.length === 0) return { ok: false, status: 403, errors: { organisation: { key: 'forbidden' } }, values };

  if (!values.id) errors.id = { key: 'idRequired' };
  else if (!idSchema.safeParse(values.id).success) errors.id = { key: 'idInvalid', params: { id: values.id } };
  else if (RESERVED_IDS.includes(values.id)) errors.id = { key: 'idReserved', params: { id: values.id } };
  else if (await idTaken(store, values.id)) errors.id = { key: 'idTaken', params: { id: values.id } };

  const organisation = organisations.find((candidate) => candidate.id === values.organisation);
  if (!organisation) errors.organisation = { key: 'organisationRequired' };
  if (!isRegisterFormat(values.format) || !(values.format in NOTICE_FORMATS)) errors.format = { key: 'formatRequired' };

  const languages = LANGS.filter((code) => values.languages.includes(code));
  if (languages.length === 0) errors.languages = { key: 'languagesRequired' };
  else if (organisation && !organisation.officialLanguages.every((code) => languages.includes(code)))
    errors.languages = {
      key: 'languagesOfficial',
      params: { organisation: organisation.name, langs: organisation.officialLanguages.join(', ') },
    };
  for (const code of languages) {
    if (!values.title[code]) errors[`title-${code}`] = { key: 'titleRequired', params: { lang: code } };
    else if (values.title[code].length > TITLE_MAX) errors[`title-${code}`] = { key: 'titleTooLong', params: { max: String(TITLE_MAX) } };
  }
  if (Object.keys(errors).length > 0 || !organisation) return { ok: false, status: 400, errors, values };

  // Parsed as every save is: a draft may be incomplete, never structurally invalid.
  const register = registerSchema.parse({
    id: values.id,
    format: values.format,
    status: 'draft',
    organisation: organisation.id,
    version: 1,
    ...(languages.some((code) => !organisation.officialLanguages.includes(code))
      ? { languages: languages.filter((code) => !organisation.officialLanguages.includes(code)) }
      : {}),
    title: Object.fromEntries(LANGS.flatMap((code) => (values.title[code] ? [[code, values.title[code]]] : []))),
  });
  const created = await createRegisterFile(contentDir(), register.id, registerText(register));
  if (!created) return { ok: false, status: 409, errors: { id: { key: 'idTaken', params: { id: values.id } } }, values };
  contentWritten();
  await store.audit.append({
    actor: actor.username,
    action: 'register.created',
    entity: `register:${register.id}`,
    organisation: register.organisation,
  });
  return { ok: true, id: register.id };
}

/** Whether an id is in use: by a working copy, or by a register with versions or a workflow in the database. */
async function idTaken(store: Store, id: string): Promise<boolean> {
  if (await readRegisterSource(contentDir(), id)) return true;
  const [versions, workflow] = await Promise.all([store.registerVersions.history(id), store.registerVersions.workflow(id)]);
  return versions.length > 0 || workflow !== undefined;
}

/** The new file's text: the schema line editors use for completion, then the register. */
function registerText(register: Register): string {
  const doc = new Document(register, { version: '1.2' });
  doc.commentBefore = ' yaml-language-server: $schema=../schema/register.schema.json';
  return doc.toString({ lineWidth: 0 });
}
