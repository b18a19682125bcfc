import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.ts';

export type Engine = 'sqlite' | 'postgres';

interface Migration {
  version: number;
  name: string;
  up: (db: Kysely<Tables>, engine: Engine) => Promise<void>;
}

/**
 * The schema, as numbered steps. A step is never edited once released; a change is a new step. Each runs inside the
 * migration transaction, and both engines apply DDL transactionally, so a failed step leaves nothing behind.
 */
/** The open request statuses when migration 7 made its partial index; never edit it (add a migration instead). */
export const OPEN_STATUSES_AT_MIGRATION_7 = ['received', 'identity-pending', 'clarification-pending', 'in-progress', 'extended'] as const;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users, sessions, login limits, requests, audit log, settings',
    async up(db) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('username', 'text', (column) => column.notNull().unique())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('sso_subject', 'text', (column) => column.unique())
        .addColumn('disabled', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('password_changed_at', 'text')
        .execute();
      await db.schema
        .createTable('user_roles')
        .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
        .addColumn('organisation', 'text', (column) => column.notNull())
        .addColumn('role', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'organisation', 'role'])
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('last_seen', 'text', (column) => column.notNull())
        .addColumn('flash', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('login_attempts')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('login_attempts_key_at').on('login_attempts').columns(['key', 'at']).execute();
      await db.schema
        .createTable('requests')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('organisation', 'text', (column) => column.notNull())
        .addColumn('reference', 'text', (column) => column.notNull().unique())
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('received', 'text', (column) => column.notNull())
        .addColumn('due_date', 'text', (column) => column.notNull())
        .addColumn('assignee', 'text')
        .addColumn('requester_name', 'text', (column) => column.notNull())
        .addColumn('search_text', 'text', (column) => column.notNull())
        .addColumn('hetu_masked', 'text')
        .addColumn('case_number', 'text')
        .addColumn('decided_on', 'text')
        .addColumn('outcome', 'text')
        .addColumn('extended', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('purged_at', 'text')
        .addColumn('body', 'text', (column) => column.notNull())
        .execute();
      // Every list, filter, count and sort of the staff pages has an index to use.
      await db.schema.createIndex('requests_org_status_due').on('requests').columns(['organisation', 'status', 'due_date']).execute();
      await db.schema.createIndex('requests_org_due').on('requests').columns(['organisation', 'due_date']).execute();
      await db.schema.createIndex('requests_org_received').on('requests').columns(['organisation', 'received']).execute();
      await db.schema.createIndex('requests_status_due').on('requests').columns(['status', 'due_date']).execute();
      await db.schema.createIndex('requests_due').on('requests').column('due_date').execute();
      await db.schema.createIndex('requests_received').on('requests').column('received').execute();
      await db.schema.createIndex('requests_type').on('requests').column('type').execute();
      await db.schema.createIndex('requests_assignee').on('requests').column('assignee').execute();
      await db.schema
        .createTable('request_letters')
        .addColumn('request_id', 'text', (column) => column.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('lang', 'text', (column) => column.notNull())
        .addColumn('sent_at', 'text', (column) => column.notNull())
        .addColumn('sha256', 'text', (column) => column.notNull())
        .addColumn('template', 'text', (column) => column.notNull())
        .addColumn('text', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('request_letters_pk', ['request_id', 'position'])
        .execute();
      await db.schema
        .createTable('request_events')
        .addColumn('request_id', 'text', (column) => column.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor', 'text', (column) => column.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (column) => column.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('request_events_pk', ['request_id', 'position'])
        .execute();
      await db.schema
        .createTable('reference_counters')
        .addColumn('year', 'integer', (column) => column.primaryKey())
        .addColumn('last', 'integer', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('audit_events')
        .addColumn('seq', 'integer', (column) => column.primaryKey())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('entity', 'text')
        .addColumn('organisation', 'text')
        .addColumn('details', 'text')
        .addColumn('prev', 'text', (column) => column.notNull())
        .addColumn('hash', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('audit_events_action').on('audit_events').columns(['action', 'seq']).execute();
      await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();
      await db.schema.createIndex('audit_events_entity').on('audit_events').column('entity').execute();
      await db.schema
        .createTable('settings')
        .addColumn('organisation', 'text', (column) => column.notNull())
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('value', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('settings_pk', ['organisation', 'key'])
        .execute();
      await db.schema
        .createTable('change_counters')
        .addColumn('scope', 'text', (column) => column.primaryKey())
        .addColumn('counter', 'integer', (column) => column.notNull())
        .execute();
    },
  },
  {
    version: 3,
    name: 'request work: keyed HETU search, letter signers, attachments, data requests to register owners, job leases',
    async up(db, engine) {
      // HMAC-SHA256 of the identity code under a secret key: a search can find the code, a leaked table cannot.
      await db.schema.alterTable('requests').addColumn('hetu_hash', 'text').execute();
      await db.schema.createIndex('requests_hetu_hash').on('requests').column('hetu_hash').execute();
      await db.schema.alterTable('request_letters').addColumn('meta', 'text').execute();
      await db.schema
        .createTable('request_attachments')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('request_id', 'text', (column) => column.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('media_type', 'text', (column) => column.notNull())
        .addColumn('size', 'integer', (column) => column.notNull())
        .addColumn('sha256', 'text', (column) => column.notNull())
        .addColumn('uploaded_at', 'text', (column) => column.notNull())
        .addColumn('uploaded_by', 'text', (column) => column.notNull())
        .addColumn('data', engine === 'postgres' ? 'bytea' : 'blob', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('request_attachments_request').on('request_attachments').column('request_id').execute();
      await db.schema
        .createTable('data_requests')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('request_id', 'text', (column) => column.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('organisation', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('due_date', 'text', (column) => column.notNull())
        .addColumn('reminded_on', 'text')
        .addColumn('body', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('data_requests_request').on('data_requests').column('request_id').execute();
      await db.schema.createIndex('data_requests_status_due').on('data_requests').columns(['status', 'due_date']).execute();
      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (column) => column.primaryKey())
        .addColumn('holder', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .execute();
    },
  },
  {
    version: 2,
    name: 'published register versions and the publishing workflow',
    async up(db) {
      await db.schema
        .createTable('register_versions')
        .addColumn('register_id', 'text', (column) => column.notNull())
        .addColumn('number', 'integer', (column) => column.notNull())
        .addColumn('organisation', 'text', (column) => column.notNull())
        .addColumn('effective', 'text', (column) => column.notNull())
        .addColumn('published_at', 'text', (column) => column.notNull())
        .addColumn('submitted_by', 'text', (column) => column.notNull())
        .addColumn('approved_by', 'text', (column) => column.notNull())
        .addColumn('summary', 'text', (column) => column.notNull())
        .addColumn('body', 'text', (column) => column.notNull())
        // The key makes two approvals at once collide: only one of them can become the next number.
        .addPrimaryKeyConstraint('register_versions_pk', ['register_id', 'number'])
        .execute();
      await db.schema.createIndex('register_versions_effective').on('register_versions').columns(['effective', 'register_id']).execute();
      await db.schema.createIndex('register_versions_published_at').on('register_versions').column('published_at').execute();
      await db.schema
        .createTable('register_workflow')
        .addColumn('register_id', 'text', (column) => column.primaryKey())
        .addColumn('organisation', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('changed_at', 'text', (column) => column.notNull())
        .addColumn('changed_by', 'text', (column) => column.notNull())
        .addColumn('body', 'text', (column) => column.notNull())
        .execute();
    },
  },
  {
    version: 4,
    name: 'e-form: status links, submission limits, citizen identification',
    async up(db) {
      // Only the SHA-256 of a status link's secret: a leaked table opens no request. The purge deletes the row.
      await db.schema
        .createTable('request_status_links')
        .addColumn('secret_hash', 'text', (column) => column.primaryKey())
        .addColumn('request_id', 'text', (column) => column.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('request_status_links_request').on('request_status_links').column('request_id').execute();
      await db.schema
        .createTable('submission_attempts')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('submission_attempts_key_at').on('submission_attempts').columns(['key', 'at']).execute();
      // A citizen's identification under way (state, nonce, PKCE verifier), then its result, for half an hour.
      await db.schema
        .createTable('citizen_logins')
        .addColumn('id_hash', 'text', (column) => column.primaryKey())
        .addColumn('body', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
    },
  },
  {
    version: 5,
    name: 'Sosdata notifications edited in the browser, and their rounds',
    async up(db) {
      await db.schema
        .createTable('sosdata_rounds')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('deadline', 'text', (column) => column.notNull())
        .addColumn('body', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('sosdata_notifications')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('organisation', 'text', (column) => column.notNull())
        .addColumn('round_id', 'text', (column) => column.notNull().references('sosdata_rounds.id'))
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('updated_by', 'text', (column) => column.notNull())
        .addColumn('body', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('sosdata_notifications_org').on('sosdata_notifications').columns(['organisation', 'id']).execute();
      await db.schema.createIndex('sosdata_notifications_round').on('sosdata_notifications').column('round_id').execute();
    },
  },
  {
    version: 6,
    name: 'requests: how the requester was identified, for the staff queue',
    async up(db, engine) {
      // The identity method (e.g. strong-electronic), or null while unverified: the queue lists and filters by it
      // without reading each request's body. Existing rows take it from their body.
      await db.schema.alterTable('requests').addColumn('identity_method', 'text').execute();
      const fromBody =
        engine === 'postgres'
          ? sql<string | null>`body::jsonb #>> '{identity,method}'`
          : sql<string | null>`json_extract(body, '$.identity.method')`;
      await db.updateTable('requests').set({ identity_method: fromBody }).execute();
      await db.schema.createIndex('requests_org_identity').on('requests').columns(['organisation', 'identity_method']).execute();
    },
  },
  {
    version: 7,
    name: 'Indexes that give the dashboard and the filtered queue their rows in order',
    async up(db) {
      // The open requests in due order, for the dashboard's overdue and due-soon lists. The predicate is this
      // migration's own copy of the open statuses (a test keeps it equal to OPEN_STATUSES): a query names the same
      // list, so both engines prove it implies the index's predicate.
      await db.schema
        .createIndex('requests_open_due')
        .on('requests')
        .columns(['due_date', 'reference'])
        .where(sql.ref('status'), 'in', [...OPEN_STATUSES_AT_MIGRATION_7])
        .execute();
      // A status (and type) filter sorted by due date, with the reference as the tie-breaker, needs no sort step.
      await db.schema.dropIndex('requests_status_due').execute();
      await db.schema.createIndex('requests_status_due').on('requests').columns(['status', 'due_date', 'reference']).execute();
      await db.schema.createIndex('requests_status_type').on('requests').columns(['status', 'type', 'due_date', 'reference']).execute();
    },
  },
];

/** The newest schema version this Seloste knows. Versions are numbered by the branch that adds them, so the list may
 * not be in order: the newest is the highest, not the last. */
export const LATEST_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));

/** An arbitrary constant naming the migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK = 7_260_001;

/**
 * Applies the steps not yet applied, under a lock, so two instances starting together never both apply one: SQLite's
 * write lock (every transaction here begins IMMEDIATE), or a PostgreSQL advisory lock held to the end of the
 * transaction. Returns the versions applied now.
 */
export async function migrate(db: Kysely<Tables>, engine: Engine, now = new Date()): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await trx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('applied_at', 'text', (column) => column.notNull())
      .execute();
    const applied = new Set((await trx.selectFrom('schema_migrations').select('version').execute()).map((row) => Number(row.version)));
    const newest = Math.max(0, ...applied);
    if (newest > LATEST_VERSION)
      throw new Error(`the database has schema version ${newest}, newer than this Seloste knows (${LATEST_VERSION}): upgrade Seloste`);
    const done: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await migration.up(trx, engine);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: now.toISOString() })
        .execute();
      done.push(migration.version);
    }
    return done;
  });
}
