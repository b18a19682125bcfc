import type { Kysely, Selectable } from 'kysely';
import {
  registerVersionSchema,
  registerWorkflowSchema,
  type RegisterVersion,
  type RegisterWorkflow,
  versionInfoSchema,
  type VersionInfo,
} from '../domain/register-version.ts';
import { checkRow, inTransaction, parseJson, readRow } from './rows.ts';
import type { Tables } from './tables.ts';

type VersionRow = Selectable<Tables['register_versions']>;
type WorkflowRow = Selectable<Tables['register_workflow']>;

/** A version to store: the number is the repository's to give. */
export type NewRegisterVersion = Omit<RegisterVersion, 'number'>;

const INFO_COLUMNS = [
  'register_id',
  'number',
  'organisation',
  'effective',
  'published_at',
  'submitted_by',
  'approved_by',
  'summary',
] as const;

/**
 * Published register versions and the publishing workflow. A version is written once and never changed; its number
 * is the next one for its register, and the primary key makes two approvals at once collide instead of sharing it.
 */
export class RegisterVersionRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.db = db;
  }

  /** Stores the next version of a register and returns it with its number. */
  async add(version: NewRegisterVersion): Promise<RegisterVersion> {
    return inTransaction(this.db, async (trx) => {
      const newest = await trx
        .selectFrom('register_versions')
        .select((eb) => eb.fn.max('number').as('number'))
        .where('register_id', '=', version.registerId)
        .executeTakeFirst();
      const number = Number(newest?.number ?? 0) + 1;
      // The edition number of the stored register is the database's.
      const register = { ...version.register, version: number };
      const checked = checkRow(registerVersionSchema, { ...version, number, register }, `register version ${version.registerId} ${number}`);
      await trx
        .insertInto('register_versions')
        .values({
          register_id: checked.registerId,
          number: checked.number,
          organisation: checked.organisation,
          effective: checked.effective,
          published_at: checked.publishedAt,
          submitted_by: checked.submittedBy,
          approved_by: checked.approvedBy,
          summary: JSON.stringify(checked.summary),
          body: JSON.stringify(checked.register),
        })
        .execute();
      return checked;
    });
  }

  /** One version with its register, or undefined. */
  async get(registerId: string, number: number): Promise<RegisterVersion | undefined> {
    const row = await this.db
      .selectFrom('register_versions')
      .selectAll()
      .where('register_id', '=', registerId)
      .where('number', '=', number)
      .executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  /** Every version of a register, newest first, without the registers. */
  async history(registerId: string): Promise<VersionInfo[]> {
    const rows = await this.db
      .selectFrom('register_versions')
      .select(INFO_COLUMNS)
      .where('register_id', '=', registerId)
      .orderBy('number', 'desc')
      .execute();
    return rows.map(toInfo);
  }

  /** The newest version of every register (in force or scheduled), without the registers. */
  async newest(): Promise<VersionInfo[]> {
    const rows = await this.db
      .selectFrom('register_versions as v')
      .select(INFO_COLUMNS.map((column) => `v.${column}` as const))
      .where(({ eb, selectFrom }) =>
        eb(
          'v.number',
          '=',
          selectFrom('register_versions as w')
            .select((inner) => inner.fn.max('w.number').as('number'))
            .whereRef('w.register_id', '=', 'v.register_id'),
        ),
      )
      .execute();
    return rows.map(toInfo);
  }

  /**
   * The version in force on a day of each register (or of the ones named): the newest whose effective date has come.
   * Withdrawn registers are left out.
   */
  async inForce(day: string, registerIds?: readonly string[]): Promise<RegisterVersion[]> {
    if (registerIds && registerIds.length === 0) return [];
    let query = this.db
      .selectFrom('register_versions as v')
      .selectAll('v')
      .where(({ eb, selectFrom }) =>
        eb(
          'v.number',
          '=',
          selectFrom('register_versions as w')
            .select((inner) => inner.fn.max('w.number').as('number'))
            .whereRef('w.register_id', '=', 'v.register_id')
            .where('w.effective', '<=', day),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('register_workflow as f')
              .select('f.register_id')
              .whereRef('f.register_id', '=', 'v.register_id')
              .where('f.state', '=', 'withdrawn'),
          ),
        ),
      );
    if (registerIds) query = query.where('v.register_id', 'in', registerIds);
    const rows = await query.orderBy('v.register_id').execute();
    return rows.map(toVersion);
  }

  /** The versions published most recently (for feeds), newest first, optionally of one organisation. */
  async recent(limit: number, organisation?: string): Promise<VersionInfo[]> {
    let query = this.db.selectFrom('register_versions').select(INFO_COLUMNS);
    if (organisation) query = query.where('organisation', '=', organisation);
    const rows = await query.orderBy('published_at', 'desc').orderBy('register_id').limit(limit).execute();
    return rows.map(toInfo);
  }

  /** How many versions are stored in all. */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('register_versions')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  async workflow(registerId: string): Promise<RegisterWorkflow | undefined> {
    const row = await this.db.selectFrom('register_workflow').selectAll().where('register_id', '=', registerId).executeTakeFirst();
    return row ? toWorkflow(row) : undefined;
  }

  /** The workflow rows of every register that has one. */
  async workflows(): Promise<RegisterWorkflow[]> {
    const rows = await this.db.selectFrom('register_workflow').selectAll().orderBy('register_id').execute();
    return rows.map(toWorkflow);
  }

  async setWorkflow(workflow: RegisterWorkflow): Promise<void> {
    const checked = checkRow(registerWorkflowSchema, workflow, `register workflow ${workflow.registerId}`);
    const { registerId, organisation, state, changedAt, changedBy, ...rest } = checked;
    const values = { organisation, state, changed_at: changedAt, changed_by: changedBy, body: JSON.stringify(rest) };
    await this.db
      .insertInto('register_workflow')
      .values({ register_id: registerId, ...values })
      .onConflict((conflict) => conflict.column('register_id').doUpdateSet(values))
      .execute();
  }
}

function toInfo(row: Omit<VersionRow, 'body'>): VersionInfo {
  const where = `register version ${row.register_id} ${row.number}`;
  return readRow(
    versionInfoSchema,
    {
      registerId: row.register_id,
      organisation: row.organisation,
      number: Number(row.number),
      effective: row.effective,
      publishedAt: row.published_at,
      summary: parseJson(row.summary, where),
      submittedBy: row.submitted_by,
      approvedBy: row.approved_by,
    },
    where,
  );
}

function toVersion(row: VersionRow): RegisterVersion {
  const where = `register version ${row.register_id} ${row.number}`;
  return readRow(registerVersionSchema, { ...toInfo(row), register: parseJson(row.body, where) }, where);
}

function toWorkflow(row: WorkflowRow): RegisterWorkflow {
  const where = `register workflow ${row.register_id}`;
  const body = parseJson(row.body, where);
  return readRow(
    registerWorkflowSchema,
    {
      ...(typeof body === 'object' && body ? body : {}),
      registerId: row.register_id,
      organisation: row.organisation,
      state: row.state,
      changedAt: row.changed_at,
      changedBy: row.changed_by,
    },
    where,
  );
}
