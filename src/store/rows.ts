import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type * as z from 'zod';

/** A stored row that does not fit its schema: the database was changed behind Seloste's back. Nothing is repaired. */
export class StoreCorruptError extends Error {
  readonly code = 'STORE_CORRUPT';
}

/** A change refused because its result would not be valid; nothing was written. */
export class StoreValidationError extends Error {
  readonly code = 'STORE_INVALID';
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Parses a value read from the database with the domain's schema, naming the table and row when it does not fit. */
export function readRow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoreCorruptError(`${where}: ${describe(result.error)}`);
  return result.data;
}

/** Parses a value about to be written with the domain's schema, refusing it (and writing nothing) when it does not fit. */
export function checkRow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoreValidationError(`${where}: the change was refused: ${describe(result.error)}`);
  return result.data;
}

/** JSON text from a column, or a corrupt-row error naming where. */
export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptError(`${where}: not valid JSON (${(error as Error).message})`);
  }
}

/** SQL counts come back as numbers from SQLite and as strings from PostgreSQL (bigint). */
export const toCount = (value: unknown): number => Number(value ?? 0);

/** Runs work in a transaction: the caller's, when it already has one, or a new one. */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Escapes LIKE's wildcards in a user's search text. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/gu, (match) => `\\${match}`);
}

/** `lower(column) LIKE '%text%'`, with the user's text taken literally in both engines. */
export function containsText(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** The database did not answer a health check. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
}

/**
 * Whether an error means the database cannot be used right now (as opposed to a bug): a row that does not fit its
 * schema, a damaged or locked SQLite file, or a PostgreSQL server that is down or refuses the connection.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof StoreCorruptError || error instanceof StoreUnavailableError) return true;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'ERR_SQLITE_ERROR' || /^SQLITE_/u.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(code)) return true;
  // PostgreSQL: connection exceptions (08…), the server shutting down (57P…), insufficient resources (53…).
  return /^(?:08|57P|53)/u.test(code);
}
