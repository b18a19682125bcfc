import { getCatalogue } from '../content/catalogue.ts';
import { toSchemaProblems, type SchemaProblem } from '../content/schema-issues.ts';
import { can, scopeOf, type Permission } from '../domain/access.ts';
import { findArea } from '../domain/area.ts';
import { isRealIsoDate } from '../domain/date.ts';
import { pickLanguage } from '../domain/localized-text.ts';
import type { Lang } from '../domain/language.ts';
import type { Actor } from '../domain/user.ts';
import {
  FIELD_QUESTIONS,
  sosdataAnswersSchema,
  type AnswerField,
  type SosdataNotification,
  type SosdataRecord,
} from '../domain/sosdata.ts';
import { SERVICE_TASKS, type QuestionNumber } from '../domain/sosdata-form.ts';
import { groupsUsingRegister, notificationProblems, type SosdataProblem } from '../domain/sosdata-rules.ts';
import { urls } from '../i18n/routes.ts';
import type { Store } from '../store/index.ts';
import { exportSosdata, type SosdataFormat } from './sosdata-export.ts';
import { seedSosdataFrom } from './sosdata-seed.ts';
import { markReady, markSent, readinessMatrix, SosdataError, type ReadinessMatrix } from './sosdata.ts';

/**
 * Sosdata notifications as staff edit them in the browser. The database holds the working copy; the files in
 * content/sosdata only seed it (see sosdata-seed.ts), once per process, when it first touches Sosdata.
 */
const seeded = new WeakMap<Store, Promise<string[]>>();

/** Stores the content files' notifications that are not stored yet; returns the ids stored now. Once per process. */
export function seedSosdata(store: Store): Promise<string[]> {
  let done = seeded.get(store);
  if (!done) {
    done = getCatalogue().then((catalogue) =>
      seedSosdataFrom(
        store,
        [...catalogue.sosdata.values()].map((entry) => entry.notification),
      ),
    );
    seeded.set(store, done);
    done.catch(() => seeded.delete(store));
  }
  return done;
}

/** The stored notifications the actor may read, by organisation and id. */
export async function listSosdataRecords(store: Store, actor: Actor): Promise<SosdataRecord[]> {
  await seedSosdata(store);
  const catalogue = await getCatalogue();
  const scope = scopeOf(actor, 'sosdata.read', [...catalogue.organisations.keys()]);
  return store.sosdata.list(scope);
}

/** One stored notification, if it exists and the actor has the permission in its organisation. */
export async function sosdataRecord(
  store: Store,
  actor: Actor,
  id: string,
  permission: Permission = 'sosdata.read',
): Promise<SosdataRecord | undefined> {
  await seedSosdata(store);
  const record = await store.sosdata.byId(id);
  return record && can(actor, permission, record.notification.organisation) ? record : undefined;
}

/** The readiness overview of every notification the actor may read. */
export async function sosdataReadiness(store: Store, actor: Actor): Promise<ReadinessMatrix> {
  return readinessMatrix((await listSosdataRecords(store, actor)).map((record) => record.notification));
}

/** A municipality group that uses a register's client information system. */
export interface SosdataGroupLink {
  id: string;
  organisation: string;
  groupName?: string;
  status: SosdataNotification['status'];
  /** THL's submission date of the notification's round. */
  deadline: string;
}

/**
 * The municipality groups whose client information system a register describes, for the register's staff page: the
 * notifications that link the register (systemRegisters), among those the actor may read.
 */
export async function sosdataGroupsForRegister(store: Store, actor: Actor, registerId: string): Promise<SosdataGroupLink[]> {
  const notifications = (await listSosdataRecords(store, actor)).map((record) => record.notification);
  const deadlines = new Map(notifications.map((notification) => [notification.id, notification.round.deadline]));
  return groupsUsingRegister(notifications, registerId).map((group) => ({ ...group, deadline: deadlines.get(group.id)! }));
}

/** Form fields that hold a map of answers, one field per key (`clientPeriods.elderly`). */
const MAP_FIELDS = ['structuredArchiving', 'clientPeriods', 'decisionPicking', 'pickingMethods', 'services', 'contact'] as const;

/**
 * The answers of the form as posted: every non-empty field, by its name. Only what the page showed is posted, so a
 * question the form hid keeps no answer.
 */
export function answersFromForm(form: FormData): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [name, raw] of form.entries()) {
    if (typeof raw !== 'string' || name === 'intent' || name === 'version' || name === 'sent') continue;
    const value = raw.replace(/\r\n/gu, '\n').trim();
    if (name === 'municipalities') {
      if (value) answers.municipalities = [...((answers.municipalities as string[] | undefined) ?? []), value];
      continue;
    }
    const [field, key] = name.split('.', 2);
    if (!value || !field) continue;
    if (key && (MAP_FIELDS as readonly string[]).includes(field)) {
      answers[field] = { ...((answers[field] as Record<string, string> | undefined) ?? {}), [key]: value };
    } else if (!key) answers[field] = value;
  }
  return answers;
}

export type SosdataSaveResult =
  | { ok: true; record: SosdataRecord; problems: SosdataProblem[] }
  | {
      ok: false;
      status: 400 | 403 | 404 | 409;
      error: string;
      /** What was typed, to show again. */
      values?: Record<string, unknown>;
      /** Answers of the wrong shape, each with the question it belongs to when it belongs to one. */
      schemaProblems?: (SchemaProblem & { question?: QuestionNumber })[];
      problems?: SosdataProblem[];
    };

/**
 * Saves the answers of the form as a draft. The form's rules may be broken (they are returned to show); answers
 * of the wrong shape (an e-mail address that is not one, an unknown option) are refused and nothing is written.
 * A ready notification returns to draft when edited; a sent one cannot be edited.
 */
export async function saveSosdataAnswers(
  store: Store,
  actor: Actor,
  id: string,
  form: FormData,
  at = new Date(),
): Promise<SosdataSaveResult> {
  const record = await sosdataRecord(store, actor, id, 'sosdata.edit');
  if (!record) return { ok: false, status: (await sosdataRecord(store, actor, id)) ? 403 : 404, error: 'sosdataStaff.notFound' };
  const values = answersFromForm(form);
  if (record.notification.status === 'sent') return { ok: false, status: 409, error: 'errors.sosdata.alreadySent', values };
  const parsed = sosdataAnswersSchema.safeParse(values, { reportInput: true });
  if (!parsed.success)
    return {
      ok: false,
      status: 400,
      error: 'sosdataStaff.invalid',
      values,
      schemaProblems: toSchemaProblems(parsed.error.issues).map((problem) => ({
        ...problem,
        path: ['answers', ...problem.path],
        question: questionOfPath(problem.path),
      })),
    };
  const notification: SosdataNotification = { ...record.notification, answers: parsed.data, status: 'draft' };
  return write(store, actor, record, notification, form, at, async (repositories, saved) => {
    await repositories.audit.append(
      {
        actor: actor.username,
        action: 'sosdata.saved',
        entity: `sosdata:${id}`,
        organisation: notification.organisation,
        details: { version: saved.version, errors: errorsOf(saved.notification).length },
      },
      at,
    );
    if (record.notification.status !== 'draft') await auditStatus(repositories, actor.username, record, 'draft', at);
  });
}

/** Marks a notification ready, sent (on `sent`, YYYY-MM-DD) or back to draft; refused with the problems in the way. */
export async function changeSosdataStatus(
  store: Store,
  actor: Actor,
  id: string,
  form: FormData,
  at = new Date(),
): Promise<SosdataSaveResult> {
  const record = await sosdataRecord(store, actor, id, 'sosdata.edit');
  if (!record) return { ok: false, status: (await sosdataRecord(store, actor, id)) ? 403 : 404, error: 'sosdataStaff.notFound' };
  const intent = form.get('intent');
  let changed: SosdataNotification;
  try {
    if (intent === 'ready') changed = markReady(record.notification);
    else if (intent === 'sent') {
      const date = String(form.get('sent') ?? '').trim();
      if (!isRealIsoDate(date)) return { ok: false, status: 400, error: 'sosdataStaff.sentDateInvalid', values: { sent: date } };
      changed = markSent(record.notification, date);
    } else if (intent === 'draft') {
      if (record.notification.status !== 'ready') return { ok: false, status: 409, error: 'sosdataStaff.cannotReopen' };
      changed = { ...record.notification, status: 'draft' };
    } else return { ok: false, status: 400, error: 'sosdataStaff.unknownAction' };
  } catch (error) {
    if (!(error instanceof SosdataError)) throw error;
    return { ok: false, status: error.key === 'errors.sosdata.alreadySent' ? 409 : 400, error: error.key, problems: error.problems };
  }
  return write(store, actor, record, changed, form, at, (repositories, saved) =>
    auditStatus(repositories, actor.username, record, saved.notification.status, at),
  );
}

/** THL's question number of an answer's path, such as ['structuredArchiving', 'elderly'] (question 10). */
function questionOfPath(path: readonly PropertyKey[]): QuestionNumber | undefined {
  const [field, key] = path.map(String);
  if (field === 'structuredArchiving') return SERVICE_TASKS.find((task) => task.id === key)?.question;
  const numbers = field && field in FIELD_QUESTIONS ? FIELD_QUESTIONS[field as AnswerField] : undefined;
  return typeof numbers === 'number' ? numbers : undefined;
}

type Repositories = Parameters<Parameters<Store['transaction']>[0]>[0];

function errorsOf(notification: SosdataNotification): SosdataProblem[] {
  return notificationProblems(notification).filter((problem) => problem.severity === 'error');
}

function auditStatus(repositories: Repositories, actor: string, before: SosdataRecord, to: string, at: Date) {
  return repositories.audit.append(
    {
      actor,
      action: 'sosdata.status',
      entity: `sosdata:${before.notification.id}`,
      organisation: before.notification.organisation,
      details: { from: before.notification.status, to },
    },
    at,
  );
}

/** Writes the change and its audit events together, if nobody changed the notification since the form was opened. */
async function write(
  store: Store,
  actor: { username: string },
  record: SosdataRecord,
  notification: SosdataNotification,
  form: FormData,
  at: Date,
  audit: (repositories: Repositories, saved: SosdataRecord) => Promise<unknown>,
): Promise<SosdataSaveResult> {
  const expected = Number(form.get('version'));
  if (!Number.isInteger(expected) || expected !== record.version)
    return { ok: false, status: 409, error: 'sosdataStaff.conflict', values: answersFromForm(form) };
  const saved = await store.transaction(async (repositories) => {
    const written = await repositories.sosdata.update(
      { ...record, notification, updatedAt: at.toISOString(), updatedBy: actor.username },
      expected,
    );
    if (written) await audit(repositories, written);
    return written;
  });
  if (!saved) return { ok: false, status: 409, error: 'sosdataStaff.conflict', values: answersFromForm(form) };
  return { ok: true, record: saved, problems: notificationProblems(saved.notification) };
}

/** A notification as a file to download: the PDF (fi or sv), the CSV or the JSON, with its name and media type. */
export async function sosdataDownload(
  store: Store,
  actor: Actor,
  id: string,
  format: SosdataFormat,
  lang: Lang,
): Promise<{ body: Uint8Array | string; type: string; filename: string } | undefined> {
  const record = await sosdataRecord(store, actor, id);
  if (!record) return undefined;
  const catalogue = await getCatalogue();
  const body = await exportSosdata(record, format, lang, catalogue.organisations.get(record.notification.organisation));
  const type = { pdf: 'application/pdf', csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' }[format];
  return { body, type, filename: `${id}-${lang}.${format}` };
}

/** A register that describes the group's client information system (its staff page lists the groups that use it). */
export interface SosdataSystemRegister {
  id: string;
  title: string;
  /** The register's public page. */
  href: string;
}

/** What the notification's page shows besides the answers: who may edit, its problems, and its registers. */
export async function sosdataPageData(actor: Actor, record: SosdataRecord, lang: Lang) {
  const catalogue = await getCatalogue();
  const { notification } = record;
  const organisation = catalogue.organisations.get(notification.organisation);
  const registers: SosdataSystemRegister[] = [];
  for (const id of notification.systemRegisters ?? []) {
    const entry = catalogue.registers.get(id);
    registers.push({
      id,
      title: entry ? pickLanguage(entry.register.title, lang).value : id,
      href: urls.register(lang, id),
    });
  }
  return {
    organisationName: organisation ? pickLanguage(organisation.name, lang).value : notification.organisation,
    mayEdit: can(actor, 'sosdata.edit', notification.organisation) && notification.status !== 'sent',
    mayChangeStatus: can(actor, 'sosdata.edit', notification.organisation),
    problems: notificationProblems(notification),
    registers,
  };
}

/** The list page: the notifications the actor may read, grouped by welfare area (question 2) within organisation. */
export async function sosdataListData(store: Store, actor: Actor, lang: Lang) {
  const catalogue = await getCatalogue();
  const records = await listSosdataRecords(store, actor);
  const groups = new Map<string, { heading: string; records: SosdataRecord[] }>();
  for (const record of records) {
    const { organisation, answers } = record.notification;
    const area = answers.area ? findArea(answers.area) : undefined;
    const organisationName = catalogue.organisations.get(organisation);
    const name = organisationName ? pickLanguage(organisationName.name, lang).value : organisation;
    const areaName = area ? (lang === 'sv' ? area.name.sv : area.name.fi) : answers.area;
    const key = `${organisation}/${answers.area ?? ''}`;
    const heading = areaName && areaName !== name ? `${areaName} (${name})` : name;
    const group = groups.get(key) ?? { heading, records: [] };
    group.records.push(record);
    groups.set(key, group);
  }
  return [...groups.values()];
}
