import { sql, type Kysely } from 'kysely';
import { AttachmentRepository } from './attachments.ts';
import { AuditRepository } from './audit-log.ts';
import { ChangeCounters } from './change-counters.ts';
import { DataRequestRepository } from './data-requests.ts';
import { EformRepository } from './eform.ts';
import { openDatabase, type Database, type DatabaseConfig } from './database.ts';
import { JobLeases } from './job-leases.ts';
import { LoginThrottle } from './login-throttle.ts';
import { LATEST_VERSION, type Engine } from './migrations.ts';
import { RegisterVersionRepository } from './register-versions.ts';
import { RequestRepository, type WriteCount } from './requests.ts';
import { SessionRepository } from './sessions.ts';
import { SettingsRepository } from './settings.ts';
import { SosdataRepository } from './sosdata.ts';
import type { TableName, Tables } from './tables.ts';
import { UserRepository } from './users.ts';

export type { DatabaseConfig } from './database.ts';
export type { Engine } from './migrations.ts';
export type { AuditFilter, NewAuditEvent, VerifyResult } from './audit-log.ts';
export type { OrganisationScope, RequestListFilter, RequestSort, RequestSummary } from './requests.ts';
export { isStoreUnavailable, StoreCorruptError, StoreUnavailableError, StoreValidationError } from './rows.ts';

/** Every table of the schema, for the health check. */
const TABLES: readonly TableName[] = [
  'schema_migrations',
  'users',
  'user_roles',
  'sessions',
  'login_attempts',
  'requests',
  'request_letters',
  'request_events',
  'reference_counters',
  'audit_events',
  'settings',
  'change_counters',
  'request_attachments',
  'data_requests',
  'job_leases',
  'sosdata_rounds',
  'sosdata_notifications',
  'register_versions',
  'register_workflow',
  'request_status_links',
  'submission_attempts',
  'citizen_logins',
];

/** The repositories over one connection (or one transaction). */
export interface Repositories {
  readonly engine: Engine;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly loginThrottle: LoginThrottle;
  readonly requests: RequestRepository;
  readonly attachments: AttachmentRepository;
  readonly dataRequests: DataRequestRepository;
  readonly jobLeases: JobLeases;
  readonly eform: EformRepository;
  readonly audit: AuditRepository;
  readonly settings: SettingsRepository;
  readonly changes: ChangeCounters;
  readonly sosdata: SosdataRepository;
  readonly registerVersions: RegisterVersionRepository;
}

/**
 * Runtime data: the only way into the database. One repository per aggregate; `transaction` runs work so that all of
 * it is written, or none (a change and its audit event, for example).
 */
export interface Store extends Repositories {
  /** Where the data is, for messages (never with a password). */
  readonly location: string;
  transaction<T>(work: (store: Repositories) => Promise<T>): Promise<T>;
  /**
   * How many times this process has changed requests so far. Figures computed from requests may be kept while it
   * stays the same (another instance's changes are not counted here; such caches also expire).
   */
  requestWrites(): number;
  /** Whether the database answers and its schema is current; the reason when not. */
  health(): Promise<{ ok: true } | { ok: false; problem: string }>;
  close(): Promise<void>;
  /** For the backup of the embedded database. */
  readonly database: Database;
}

function repositories(db: Kysely<Tables>, engine: Engine, hetuKey: Uint8Array | undefined, writes: WriteCount): Repositories {
  return {
    engine,
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    loginThrottle: new LoginThrottle(db, engine),
    requests: new RequestRepository(db, engine, hetuKey, writes),
    attachments: new AttachmentRepository(db),
    dataRequests: new DataRequestRepository(db),
    jobLeases: new JobLeases(db),
    eform: new EformRepository(db, engine),
    audit: new AuditRepository(db, engine),
    settings: new SettingsRepository(db),
    changes: new ChangeCounters(db),
    sosdata: new SosdataRepository(db),
    registerVersions: new RegisterVersionRepository(db),
  };
}

/** Opens the store: the embedded SQLite database in DATA_DIR, or PostgreSQL when a URL is given; migrations run first. */
export async function openStore(config: DatabaseConfig): Promise<Store> {
  const database = await openDatabase(config);
  const { db, engine } = database;
  const { hetuKey } = config;
  let closed = false;
  const writes: WriteCount = { requests: 0 };
  const own = repositories(db, engine, hetuKey, writes);
  try {
    await own.requests.indexHetus();
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    ...own,
    location: database.location,
    database,
    async transaction(work) {
      const before = writes.requests;
      const result = await db.transaction().execute((trx) => work(repositories(trx, engine, hetuKey, writes)));
      // Counted again once committed, so a figure read while the transaction was open is not kept as current.
      if (writes.requests !== before) writes.requests++;
      return result;
    },
    requestWrites: () => writes.requests,
    async health() {
      if (closed) return { ok: false, problem: 'closed' };
      try {
        // Every table answers, and the schema is the one this version knows.
        for (const table of TABLES) await sql`select 1 from ${sql.table(table)} limit 1`.execute(db);
        const newest = await db
          .selectFrom('schema_migrations')
          .select((eb) => eb.fn.max('version').as('version'))
          .executeTakeFirst();
        const expected = LATEST_VERSION;
        if (Number(newest?.version) !== expected) return { ok: false, problem: `schema version ${newest?.version} ≠ ${expected}` };
        return { ok: true };
      } catch (error) {
        return { ok: false, problem: (error as Error).message };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await database.close();
    },
  };
}
