import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite dialect expects a better-sqlite3 database; this adapts Node's built-in `node:sqlite` to it, so the
 * embedded default needs nothing installed. Kysely runs every query of a SQLite dialect through one connection under
 * a mutex, so queries of one process never interleave.
 */
class NodeSqliteStatement implements SqliteStatement {
  readonly reader: boolean;
  private readonly statement: StatementSync;

  constructor(statement: StatementSync) {
    this.statement = statement;
    // A statement that returns columns is read with all(); an INSERT … RETURNING counts as one too.
    this.reader = statement.columns().length > 0;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.statement.all(...(parameters as SqlValue[]));
  }

  run(parameters: ReadonlyArray<unknown>) {
    return this.statement.run(...(parameters as SqlValue[]));
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.statement.iterate(...(parameters as SqlValue[]));
  }
}

type SqlValue = null | number | bigint | string | Uint8Array;

/** How many prepared statements a connection keeps; the application has a few hundred distinct queries at most. */
const STATEMENT_CACHE_SIZE = 500;

class NodeSqliteDatabase implements SqliteDatabase {
  private readonly database: DatabaseSync;
  /**
   * Prepared statements by their SQL: preparing costs about as much as running a small query, and the same queries
   * run on every page. Safe to reuse because Kysely runs one query at a time on this connection.
   */
  private readonly statements = new Map<string, NodeSqliteStatement>();

  constructor(database: DatabaseSync) {
    this.database = database;
  }

  prepare(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Every transaction takes the write lock when it starts: a deferred one that reads and then writes can fail
      // with SQLITE_BUSY when another process (the CLI beside the server) wrote in between, and no retry would help.
      statement = new NodeSqliteStatement(this.database.prepare(sql === 'begin' ? 'begin immediate' : sql));
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  close(): void {
    this.statements.clear();
    if (this.database.isOpen) this.database.close();
  }
}

/**
 * Opens (creating when missing) the database file with the settings Seloste relies on: write-ahead logging, a full
 * fsync at every commit, foreign keys, and a busy timeout so a second process waits for the lock instead of failing.
 */
export function openSqlite(file: string): { dialect: SqliteDialect; database: DatabaseSync } {
  const database = new DatabaseSync(file, { timeout: 10_000, enableForeignKeyConstraints: true });
  database.exec('PRAGMA journal_mode = WAL');
  database.exec('PRAGMA synchronous = FULL');
  database.exec('PRAGMA foreign_keys = ON');
  return { dialect: new SqliteDialect({ database: new NodeSqliteDatabase(database) }), database };
}
