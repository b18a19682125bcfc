import { mkdirSync, chmodSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate, type Engine } from './migrations.ts';
import { openSqlite } from './sqlite-dialect.ts';
import type { Tables } from './tables.ts';

export interface DatabaseConfig {
  /** Where the embedded database lives (DATA_DIR). */
  dataDir: string;
  /** A PostgreSQL connection string; when given, every instance shares that database instead. */
  databaseUrl?: string;
  /** The secret that identity codes are hashed with for search (HASH_KEY); without it they cannot be searched for. */
  hetuKey?: Uint8Array;
}

export interface Database {
  readonly db: Kysely<Tables>;
  readonly engine: Engine;
  /** Where the data is, for messages: the file, or the server and database without the password. */
  readonly location: string;
  /** The embedded database itself, for its online backup. */
  readonly sqlite?: DatabaseSync;
  close(): Promise<void>;
}

export const SQLITE_FILE = 'seloste.db';

/** A PostgreSQL URL without its password, fit for a message or a log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/** How often a long-running process lets SQLite refresh the statistics its query planner chooses indexes by. */
const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/**
 * SQLite chooses among indexes by the statistics ANALYZE gathers, and has none until asked: without them the
 * dashboard's overdue list sorts every open request instead of reading the partial index in order. SQLite's advice
 * for long-running processes: `PRAGMA optimize=0x10002` on opening (analyses the tables that need it), then
 * `PRAGMA optimize` every few hours and on closing. PostgreSQL's autovacuum does this for itself.
 */
function keepStatistics(database: Database): void {
  const sqlite = database.sqlite!;
  const optimize = (pragma: string) => {
    try {
      if (sqlite.isOpen) sqlite.exec(pragma);
    } catch {
      // Only the planner's statistics: busy with another process's write, they are gathered next time.
    }
  };
  optimize('PRAGMA optimize=0x10002');
  const timer = setInterval(() => optimize('PRAGMA optimize'), OPTIMIZE_EVERY_MS);
  timer.unref();
  const close = database.close;
  database.close = async () => {
    clearInterval(timer);
    optimize('PRAGMA optimize');
    await close();
  };
}

/**
 * Opens the database and brings its schema up to date under the migration lock: PostgreSQL when a URL is given,
 * otherwise DATA_DIR/seloste.db (created, with the directory private to the server's user).
 */
export async function openDatabase(config: DatabaseConfig, options: { migrate?: boolean } = {}): Promise<Database> {
  let database: Database;
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10, idleTimeoutMillis: 30_000 });
    // A connection that breaks while idle must not take the process down; the next query reconnects.
    pool.on('error', (error) => console.error(JSON.stringify({ level: 'error', message: `database connection lost: ${error.message}` })));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    database = { db, engine: 'postgres', location: redactUrl(config.databaseUrl), close: () => db.destroy() };
  } else {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(config.dataDir, 0o700);
    const file = path.join(config.dataDir, SQLITE_FILE);
    const { dialect, database: sqlite } = openSqlite(file);
    chmodSync(file, 0o600);
    const db = new Kysely<Tables>({ dialect });
    database = { db, engine: 'sqlite', location: file, sqlite, close: () => db.destroy() };
  }
  if (options.migrate !== false) {
    try {
      await migrate(database.db, database.engine);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  if (database.sqlite) keepStatistics(database);
  return database;
}
