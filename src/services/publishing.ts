import path from 'node:path';
import { contentDir } from '../content/catalogue.ts';
import { codeOf, type ContentIssue } from '../content/issues.ts';
import { loadContent } from '../content/load.ts';
import { can } from '../domain/access.ts';
import { todayInFinland } from '../domain/calendar.ts';
import { checkRegister, formatPath } from '../domain/catalogue-rules.ts';
import { ID_PATTERN } from '../domain/contact.ts';
import type { LocalizedText } from '../domain/localized-text.ts';
import type { Register } from '../domain/register.ts';
import { SYSTEM_USER, type RegisterVersion } from '../domain/register-version.ts';
import { systemActor, type Actor } from '../domain/user.ts';
import type { Repositories, Store } from '../store/index.ts';
import { noteChange } from './changes.ts';

/** What publishing found wrong with a working copy: the same problems `seloste check` reports, gaps as errors. */
export interface PublishingCheck {
  id: string;
  /** The working copy, when it could be read at all. */
  register?: Register;
  /** The file, relative to the content directory's parent (as `seloste check` names it). */
  file: string;
  issues: ContentIssue[];
  ok: boolean;
}

/**
 * Checks a register's working copy as publishing will: every error `seloste check` reports for its file, and the
 * rules of a published register (a missing required language or section is an error, whatever the file's status).
 */
export async function checkForPublishing(id: string, dir = contentDir()): Promise<PublishingCheck> {
  const root = path.dirname(path.resolve(dir));
  const file = path.relative(root, path.resolve(dir, 'registers', `${id}.yaml`));
  if (!ID_PATTERN.test(id)) {
    const issue = {
      severity: 'error',
      code: codeOf('errors.id.invalid'),
      file,
      path: 'id',
      key: 'errors.id.invalid',
      params: { id },
    } as const;
    return { id, file, issues: [issue], ok: false };
  }
  const content = await loadContent(dir);
  const entry = content.registers.get(id);
  const issues = content.issues.filter((issue) => issue.file === file && issue.severity === 'error');
  if (entry) {
    for (const finding of checkRegister({ ...entry.register, status: 'published' }, content.organisations)) {
      if (finding.severity !== 'error') continue;
      const fieldPath = formatPath(finding.path);
      if (issues.some((issue) => issue.key === finding.key && issue.path === fieldPath)) continue;
      issues.push({ severity: 'error', code: codeOf(finding.key), file, path: fieldPath, key: finding.key, params: finding.params ?? {} });
    }
  } else if (issues.length === 0) {
    issues.push({
      severity: 'error',
      code: codeOf('errors.register.notFound'),
      file,
      path: '',
      key: 'errors.register.notFound',
      params: { id },
    });
  }
  return { id, file, ...(entry ? { register: entry.register } : {}), issues, ok: issues.length === 0 };
}

export class PublishingForbiddenError extends Error {
  readonly code = 'PUBLISH_FORBIDDEN';
}

export class PublishingDateError extends Error {
  readonly code = 'PUBLISH_DATE';
}

export interface PublishRequest {
  /** What changed, per language. */
  summary: LocalizedText;
  /** Who submitted it; the approver is the actor. */
  submittedBy: string;
  /** The day it comes into force: today (the default) or later. */
  effective?: string;
}

export type PublishResult = { ok: true; version: RegisterVersion } | { ok: false; check: PublishingCheck };

/**
 * Publishes a register's working copy as its next immutable version, after checking it as `seloste check` does; any
 * error refuses it and nothing is written. Re-checks the actor's right to review in the register's organisation.
 * Every instance's caches of public pages are emptied through the change counters.
 */
export async function publishRegister(
  store: Store,
  actor: Actor,
  id: string,
  request: PublishRequest,
  options: { contentDir?: string; now?: Date } = {},
): Promise<PublishResult> {
  const now = options.now ?? new Date();
  const check = await checkForPublishing(id, options.contentDir);
  if (!check.ok || !check.register) return { ok: false, check };
  const register = check.register;
  if (!can(actor, 'registers.review', register.organisation)) throw new PublishingForbiddenError(`${actor.username} may not publish ${id}`);
  const today = todayInFinland(now);
  const effective = request.effective ?? today;
  if (effective < today) throw new PublishingDateError(`the effective date ${effective} is in the past`);
  const version = await store.transaction((repositories) => storeVersion(repositories, actor, register, request, effective, now));
  await noteChange(store, 'registers');
  return { ok: true, version };
}

async function storeVersion(
  repositories: Repositories,
  actor: Actor,
  register: Register,
  request: PublishRequest,
  effective: string,
  now: Date,
): Promise<RegisterVersion> {
  const today = todayInFinland(now);
  const version = await repositories.registerVersions.add({
    registerId: register.id,
    organisation: register.organisation,
    effective,
    publishedAt: now.toISOString(),
    summary: request.summary,
    submittedBy: request.submittedBy,
    approvedBy: actor.username,
    register: { ...register, status: 'published' },
  });
  await repositories.registerVersions.setWorkflow({
    registerId: register.id,
    organisation: register.organisation,
    state: effective > today ? 'scheduled' : 'published',
    changedAt: now.toISOString(),
    changedBy: actor.username,
  });
  await repositories.audit.append({
    actor: actor.username,
    action: 'register.published',
    entity: `register:${register.id}`,
    organisation: register.organisation,
    details: { version: version.number, effective, submittedBy: request.submittedBy },
  });
  return version;
}

/**
 * Publishes from the command line: the ids given, or with `all` every register whose file is meant for publishing
 * (`status: published`). Whoever runs the CLI on the server owns the data, so it acts as the system user, and the
 * note is required. Each register is checked on its own; the refused ones are returned with their problems.
 */
export async function publishFromFiles(
  store: Store,
  selection: { ids: string[] } | { all: true },
  note: LocalizedText,
  options: { contentDir?: string; now?: Date; effective?: string } = {},
): Promise<{ published: RegisterVersion[]; refused: PublishingCheck[] }> {
  const actor = systemActor(SYSTEM_USER);
  const ids = 'ids' in selection ? selection.ids : await meantForPublishing(options.contentDir);
  const published: RegisterVersion[] = [];
  const refused: PublishingCheck[] = [];
  for (const id of ids) {
    const request = { summary: note, submittedBy: SYSTEM_USER, ...(options.effective ? { effective: options.effective } : {}) };
    const result = await publishRegister(store, actor, id, request, options);
    if (result.ok) published.push(result.version);
    else refused.push(result.check);
  }
  return { published, refused };
}

/**
 * Registers whose working copy says `status: published`, and every register file that cannot be read (so that its
 * errors are reported rather than the file silently left out), in id order.
 */
async function meantForPublishing(dir = contentDir()): Promise<string[]> {
  const content = await loadContent(dir);
  const meant = [...content.registers.values()]
    .filter(({ register }) => register.status === 'published')
    .map(({ register }) => register.id);
  const unreadable = content.invalidRegisterFiles.map((file) => path.basename(file, '.yaml'));
  return [...new Set([...meant, ...unreadable])].sort();
}

/** The summary of the publication made on first start. */
const FIRST_START_NOTE: LocalizedText = {
  fi: 'Ensimmäinen julkaisu Selosteessa.',
  sv: 'Första publiceringen i Seloste.',
  en: 'First publication in Seloste.',
};

/**
 * On the first start of an empty database, publishes every register meant for publishing as the system user, so the
 * demo (or a deployment's existing files) is public at once. A register that does not pass the checks stays unpublished,
 * and is named in the log. Nothing happens once any version or workflow state exists.
 */
export async function publishOnFirstStart(store: Store, options: { contentDir?: string; now?: Date } = {}): Promise<number> {
  const empty = async () => (await store.registerVersions.count()) === 0 && (await store.registerVersions.workflows()).length === 0;
  if (!(await empty())) return 0;
  // Instances starting together on one PostgreSQL database: one of them publishes, the others find it done.
  const holder = crypto.randomUUID();
  if (!(await store.jobLeases.acquire(FIRST_START_JOB, holder, 10 * 60_000))) return 0;
  try {
    if (!(await empty())) return 0;
    const { published, refused } = await publishFromFiles(store, { all: true }, FIRST_START_NOTE, options);
    for (const check of refused)
      console.error(JSON.stringify({ level: 'warn', message: `first start: ${check.id} not published (${check.issues.length} errors)` }));
    return published.length;
  } finally {
    await store.jobLeases.release(FIRST_START_JOB, holder);
  }
}

const FIRST_START_JOB = 'first-publication';
