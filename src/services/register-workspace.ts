import { unmetMinimums } from '../domain/legal-minimums.ts';
import { createHash } from 'node:crypto';
import { contentDir } from '../content/catalogue.ts';
import type { ContentIssue } from '../content/issues.ts';
import { loadContent } from '../content/load.ts';
import { can } from '../domain/access.ts';
import { todayInFinland } from '../domain/calendar.ts';
import { isRealIsoDate } from '../domain/date.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage, type Localized, type LocalizedText } from '../domain/localized-text.ts';
import { NOTICE_FORMATS } from '../domain/notice-format.ts';
import type { Register } from '../domain/register.ts';
import {
  effectiveState,
  WORKFLOW_STATES,
  type RegisterWorkflow,
  type VersionInfo,
  type WorkflowState,
} from '../domain/register-version.ts';
import type { Actor } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { noteChange } from './changes.ts';
import { noticeViewOf } from './notice.ts';
import { renderPdf } from './notice-pdf.ts';
import { publicOrigin } from './public-origin.ts';
import { checkForPublishing, publishRegister, PublishingDateError, type PublishingCheck } from './publishing.ts';

/** A refused workflow step; `key` is the message under `workspace.error.`, in the user's language. */
export class WorkflowError extends Error {
  readonly code = 'WORKFLOW';
  readonly key: string;
  readonly params: Record<string, string | number>;
  readonly issues: ContentIssue[];

  constructor(key: string, params: Record<string, string | number> = {}, issues: ContentIssue[] = []) {
    super(key);
    this.key = `workspace.error.${key}`;
    this.params = params;
    this.issues = issues;
  }
}

/** One row of the registers list. */
export interface RegisterRow {
  id: string;
  title: Localized;
  organisation: string;
  state: WorkflowState;
  /** The newest version's number, if any was published. */
  version?: number;
  lastChange?: { at: string; by: string };
  /** Per required language: whether every public text is written in it. */
  languages: { lang: Lang; complete: boolean }[];
  /** Required sections of its format that have no content. */
  missingSections: string[];
  /** Whether the working copy could be read at all. */
  readable: boolean;
}

export interface RegisterListFilter {
  state?: string;
  organisation?: string;
  q?: string;
}

/** The state of a register without a workflow row: published when a version is in force, else a draft. */
function stateOf(workflow: RegisterWorkflow | undefined, newest: VersionInfo | undefined, today: string): WorkflowState {
  if (workflow) return effectiveState(workflow, newest, today);
  return newest && newest.effective <= today ? 'published' : newest ? 'scheduled' : 'draft';
}

/**
 * The registers area's list: every register of the organisations where the actor may read registers, from the
 * working copies and the database, with its state, newest version, last change, and completeness per required
 * language and section. Filters by state, organisation and text.
 */
export async function listRegisters(store: Store, actor: Actor, lang: Lang, filter: RegisterListFilter = {}): Promise<RegisterRow[]> {
  const today = todayInFinland();
  const [content, workflows, newest] = await Promise.all([
    loadContent(contentDir()),
    store.registerVersions.workflows(),
    store.registerVersions.newest(),
  ]);
  const workflowOf = new Map(workflows.map((workflow) => [workflow.registerId, workflow]));
  const newestOf = new Map(newest.map((version) => [version.registerId, version]));
  const rows: RegisterRow[] = [];
  for (const { register, languages } of content.registers.values()) {
    if (!can(actor, 'registers.read', register.organisation)) continue;
    const workflow = workflowOf.get(register.id);
    const version = newestOf.get(register.id);
    // What the law requires of this kind of notice and the working copy lacks, named by the section that shows it.
    const missingSections = [...new Set(unmetMinimums(register).map((rule) => sectionHeading(register, rule.fields, lang) ?? rule.key))];
    rows.push({
      id: register.id,
      title: pickLanguage(register.title, lang),
      organisation: register.organisation,
      state: stateOf(workflow, version, today),
      ...(version ? { version: version.number } : {}),
      ...lastChange(workflow, version),
      languages: languages.required.map((required) => ({ lang: required, complete: languages.complete.includes(required) })),
      missingSections,
      readable: true,
    });
  }
  // A working copy that cannot be read is listed too, so that nobody loses sight of it.
  for (const version of newest) {
    if (content.registers.has(version.registerId) || !can(actor, 'registers.read', version.organisation)) continue;
    const workflow = workflowOf.get(version.registerId);
    rows.push({
      id: version.registerId,
      title: { value: version.registerId, lang, isFallback: false },
      organisation: version.organisation,
      state: stateOf(workflow, version, today),
      version: version.number,
      ...lastChange(workflow, version),
      languages: [],
      missingSections: [],
      readable: false,
    });
  }
  const q = (filter.q ?? '').trim().toLocaleLowerCase('fi');
  const state = (WORKFLOW_STATES as readonly string[]).includes(filter.state ?? '') ? filter.state : undefined;
  return rows
    .filter((row) => !state || row.state === state)
    .filter((row) => !filter.organisation || row.organisation === filter.organisation)
    .filter((row) => !q || `${row.id} ${row.title.value}`.toLocaleLowerCase('fi').includes(q))
    .sort((a, b) => a.title.value.localeCompare(b.title.value, lang));
}

function lastChange(workflow: RegisterWorkflow | undefined, version: VersionInfo | undefined): Pick<RegisterRow, 'lastChange'> {
  const candidates = [
    ...(workflow ? [{ at: workflow.changedAt, by: workflow.changedBy }] : []),
    ...(version ? [{ at: version.publishedAt, by: version.approvedBy }] : []),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return candidates[0] ? { lastChange: candidates[0] } : {};
}

/** The heading of the format's section that shows any of these fields. */
function sectionHeading(register: Register, fields: readonly string[], lang: Lang): string | undefined {
  return NOTICE_FORMATS[register.format].find((section) => section.sources.some((source) => fields.includes(source)))?.heading[lang];
}

/** Everything the register's own page shows: the working copy's check, the workflow, the versions. */
export interface RegisterOverview {
  id: string;
  organisation: string;
  title: Localized;
  state: WorkflowState;
  workflow?: RegisterWorkflow;
  check: PublishingCheck;
  versions: VersionInfo[];
  /** What the actor may do now. */
  may: { edit: boolean; review: boolean; approve: boolean };
  /** Why the actor may not approve (four eyes), when that is the reason. */
  fourEyes: boolean;
}

export async function registerOverview(store: Store, actor: Actor, id: string, lang: Lang): Promise<RegisterOverview | undefined> {
  const [check, workflow, versions] = await Promise.all([
    checkForPublishing(id),
    store.registerVersions.workflow(id),
    store.registerVersions.history(id),
  ]);
  const organisation = check.register?.organisation ?? workflow?.organisation ?? versions[0]?.organisation;
  if (!organisation || !can(actor, 'registers.read', organisation)) return undefined;
  if (!check.register && versions.length === 0) return undefined;
  const state = stateOf(workflow, versions[0], todayInFinland());
  const fourEyes = (await store.settings.get(organisation)).fourEyes && workflow?.submittedBy === actor.username;
  const review = can(actor, 'registers.review', organisation);
  return {
    id,
    organisation,
    title: check.register ? pickLanguage(check.register.title, lang) : { value: id, lang, isFallback: false },
    state,
    ...(workflow ? { workflow } : {}),
    check,
    versions,
    may: { edit: can(actor, 'registers.edit', organisation), review, approve: review && state === 'review' && !fourEyes },
    fourEyes,
  };
}

/** A hash of the working copy as read, so an approval can tell whether it is what was submitted. */
function registerHash(register: Register): string {
  return createHash('sha256').update(JSON.stringify(register)).digest('hex');
}

async function organisationOf(id: string): Promise<{ check: PublishingCheck; organisation: string }> {
  const check = await checkForPublishing(id);
  if (!check.register) throw new WorkflowError('unreadable', { id }, check.issues);
  return { check, organisation: check.register.organisation };
}

/**
 * Sends a register to review with its change summary and the effective date asked for (today or later). The working
 * copy must pass every publishing check first, so reviewers see only what could be published.
 */
export async function submitForReview(
  store: Store,
  actor: Actor,
  id: string,
  input: { summary: LocalizedText; effective?: string },
  now = new Date(),
): Promise<void> {
  const { check, organisation } = await organisationOf(id);
  if (!can(actor, 'registers.edit', organisation)) throw new WorkflowError('forbidden');
  if (!check.ok) throw new WorkflowError('checksFailed', { count: check.issues.length }, check.issues);
  if (input.effective && input.effective < todayInFinland(now)) throw new WorkflowError('effectivePast');
  const current = await store.registerVersions.workflow(id);
  if (current?.state === 'review') throw new WorkflowError('alreadyInReview');
  await store.transaction(async (repositories) => {
    await repositories.registerVersions.setWorkflow({
      registerId: id,
      organisation,
      state: 'review',
      changedAt: now.toISOString(),
      changedBy: actor.username,
      submittedBy: actor.username,
      summary: input.summary,
      ...(input.effective ? { effective: input.effective } : {}),
      submittedHash: registerHash(check.register!),
    });
    await repositories.audit.append({
      actor: actor.username,
      action: 'register.submitted',
      entity: `register:${id}`,
      organisation,
      ...(input.effective ? { details: { effective: input.effective } } : {}),
    });
  });
}

/**
 * Approves a register in review: publishes it as the next version with the submitter's summary and date. With four
 * eyes (the organisation's setting, on by default) the approver must not be the submitter. A working copy changed
 * since it was submitted is refused: what was reviewed is what gets published.
 */
export async function approveRegister(store: Store, actor: Actor, id: string, now = new Date()): Promise<VersionInfo> {
  const workflow = await store.registerVersions.workflow(id);
  if (!workflow || workflow.state !== 'review' || !workflow.summary || !workflow.submittedBy) throw new WorkflowError('notInReview');
  if (!can(actor, 'registers.review', workflow.organisation)) throw new WorkflowError('forbidden');
  if ((await store.settings.get(workflow.organisation)).fourEyes && workflow.submittedBy === actor.username)
    throw new WorkflowError('fourEyes');
  const { check } = await organisationOf(id);
  if (workflow.submittedHash && registerHash(check.register!) !== workflow.submittedHash) throw new WorkflowError('changedSinceSubmitted');
  const effective = workflow.effective && workflow.effective > todayInFinland(now) ? workflow.effective : undefined;
  const result = await publishRegister(
    store,
    actor,
    id,
    { summary: workflow.summary, submittedBy: workflow.submittedBy, ...(effective ? { effective } : {}) },
    { now },
  );
  if (!result.ok) throw new WorkflowError('checksFailed', { count: result.check.issues.length }, result.check.issues);
  const { register: _register, ...info } = result.version;
  return info;
}

/** Sends a register in review back to its author, with the reviewer's comment; nothing is published. */
export async function sendBack(store: Store, actor: Actor, id: string, comment: string, now = new Date()): Promise<void> {
  const workflow = await store.registerVersions.workflow(id);
  if (!workflow || workflow.state !== 'review') throw new WorkflowError('notInReview');
  if (!can(actor, 'registers.review', workflow.organisation)) throw new WorkflowError('forbidden');
  const text = comment.trim();
  if (!text) throw new WorkflowError('commentRequired');
  await store.transaction(async (repositories) => {
    await repositories.registerVersions.setWorkflow({
      registerId: id,
      organisation: workflow.organisation,
      state: 'draft',
      changedAt: now.toISOString(),
      changedBy: actor.username,
      comment: text.slice(0, 4000),
    });
    await repositories.audit.append({
      actor: actor.username,
      action: 'register.returned',
      entity: `register:${id}`,
      organisation: workflow.organisation,
    });
  });
}

/** Withdraws a published register: no version is public any more, and every version stays in the database. */
export async function withdrawRegister(store: Store, actor: Actor, id: string, comment: string, now = new Date()): Promise<void> {
  const [workflow, versions] = await Promise.all([store.registerVersions.workflow(id), store.registerVersions.history(id)]);
  const organisation = workflow?.organisation ?? versions[0]?.organisation;
  if (!organisation || versions.length === 0) throw new WorkflowError('notPublished');
  if (!can(actor, 'registers.review', organisation)) throw new WorkflowError('forbidden');
  if (workflow?.state === 'withdrawn') throw new WorkflowError('notPublished');
  await store.transaction(async (repositories) => {
    await repositories.registerVersions.setWorkflow({
      registerId: id,
      organisation,
      state: 'withdrawn',
      changedAt: now.toISOString(),
      changedBy: actor.username,
      ...(comment.trim() ? { comment: comment.trim().slice(0, 4000) } : {}),
    });
    await repositories.audit.append({ actor: actor.username, action: 'register.withdrawn', entity: `register:${id}`, organisation });
  });
  await noteChange(store, 'registers');
}

/**
 * The working copy of a register as its public page would show it, for staff only: the preview of a draft or of a
 * register in review. Undefined when the actor may not read it or the file cannot be read.
 */
export async function previewNotice(actor: Actor, id: string, lang: Lang) {
  const content = await loadContent(contentDir());
  const entry = content.registers.get(id);
  if (!entry || !can(actor, 'registers.read', entry.register.organisation)) return undefined;
  return { entry, view: await noticeViewOf(entry.register, content.organisations, lang) };
}

/** The preview as a PDF, rendered as the published one will be, with the draft mark heading every page. */
export async function previewPdf(actor: Actor, id: string, lang: Lang, mark: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const preview = await previewNotice(actor, id, lang);
  if (!preview) return undefined;
  return renderPdf(preview, lang, { origin: publicOrigin(), draftMark: mark });
}

/** What the register page's forms post: one intent each, parsed here so the page only renders. */
export interface RegisterActionValues {
  summary: Partial<Record<Lang, string>>;
  effective: string;
  comment: string;
}

export type RegisterActionResult =
  | { ok: true; flash: Record<string, string> }
  | { ok: false; error: string; params: Record<string, string | number>; field?: string; values: RegisterActionValues; status: number };

const text = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 4000);

/** Parses and applies one workflow form post (submit, approve, send back, withdraw), re-checking the role. */
export async function applyRegisterAction(store: Store, actor: Actor, id: string, form: FormData): Promise<RegisterActionResult> {
  const values: RegisterActionValues = {
    summary: { fi: text(form, 'summary-fi'), sv: text(form, 'summary-sv'), en: text(form, 'summary-en') },
    effective: text(form, 'effective'),
    comment: text(form, 'comment'),
  };
  const refuse = (error: string, params: Record<string, string | number> = {}, field?: string, status = 400) => ({
    ok: false as const,
    error,
    params,
    ...(field ? { field } : {}),
    values,
    status,
  });
  try {
    switch (text(form, 'intent')) {
      case 'submit': {
        const summary = Object.fromEntries(
          Object.entries(values.summary)
            .map(([lang, value]) => [lang, value.trim()])
            .filter(([, value]) => value),
        ) as LocalizedText;
        if (Object.keys(summary).length === 0) return refuse('workspace.error.summaryRequired', {}, 'summary-fi');
        if (values.effective && !isRealIsoDate(values.effective)) return refuse('workspace.error.effectiveInvalid', {}, 'effective');
        await submitForReview(store, actor, id, { summary, ...(values.effective ? { effective: values.effective } : {}) });
        return { ok: true, flash: { kind: 'submitted' } };
      }
      case 'approve': {
        const version = await approveRegister(store, actor, id);
        return { ok: true, flash: { kind: 'published', number: String(version.number), effective: version.effective } };
      }
      case 'return':
        await sendBack(store, actor, id, values.comment);
        return { ok: true, flash: { kind: 'returned' } };
      case 'withdraw':
        await withdrawRegister(store, actor, id, values.comment);
        return { ok: true, flash: { kind: 'withdrawn' } };
      default:
        return refuse('workspace.error.unknownIntent');
    }
  } catch (error) {
    if (error instanceof WorkflowError) {
      const field = { effectivePast: 'effective', commentRequired: 'comment' }[error.key.replace('workspace.error.', '')];
      return refuse(error.key, error.params, field, error.key === 'workspace.error.forbidden' ? 403 : 409);
    }
    if (error instanceof PublishingDateError) return refuse('workspace.error.effectivePast', {}, 'effective');
    throw error;
  }
}
