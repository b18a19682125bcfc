import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import * as z from 'zod';
import type { Engine } from './migrations.ts';
import { checkRow, inTransaction, parseJson, readRow } from './rows.ts';
import type { Tables } from './tables.ts';

/** An arbitrary constant naming the e-form limits' lock among PostgreSQL advisory locks. */
const SUBMISSION_LOCK = 7_260_004;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u);
const statusLinkSchema = z.strictObject({ secretHash: sha256Hex, requestId: z.uuid(), createdAt: z.iso.datetime() });
const attemptKeySchema = z.string().min(1).max(200);

/** A citizen's identification: the checks of the authorization request, then who the provider vouched for. */
export const citizenLoginSchema = z.strictObject({
  lang: z.enum(['fi', 'sv', 'en']),
  /** Where the citizen goes back to: a path of this site. */
  returnTo: z.string().regex(/^\/[^/\\]/u),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  verifier: z.string().min(1).max(200),
  identity: z
    .strictObject({
      name: z.string().min(1).max(200),
      hetu: z.string().min(1).max(20),
      method: z.string().min(1).max(300),
      at: z.iso.datetime(),
    })
    .optional(),
});
export type CitizenLogin = z.infer<typeof citizenLoginSchema>;

export interface SubmissionKey {
  key: string;
  /** How many submissions the key may have within the window. */
  limit: number;
  windowMs: number;
}

/** What the e-form keeps beside the request itself: the status links' hashes, and the submissions counted per key. */
export class EformRepository {
  private readonly db: Kysely<Tables>;
  private readonly engine: Engine;

  constructor(db: Kysely<Tables>, engine: Engine) {
    this.db = db;
    this.engine = engine;
  }

  async addStatusLink(secretHash: string, requestId: string, now: Date): Promise<void> {
    const valid = checkRow(statusLinkSchema, { secretHash, requestId, createdAt: now.toISOString() }, `request_status_links ${requestId}`);
    await this.db
      .insertInto('request_status_links')
      .values({ secret_hash: valid.secretHash, request_id: valid.requestId, created_at: valid.createdAt })
      .execute();
  }

  /** The request a status link opens, by the hash of its secret; undefined once the request was purged. */
  async requestIdOf(secretHash: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('request_status_links').selectAll().where('secret_hash', '=', secretHash).executeTakeFirst();
    if (!row) return undefined;
    return readRow(
      statusLinkSchema,
      { secretHash: row.secret_hash, requestId: row.request_id, createdAt: row.created_at },
      `request_status_links ${row.request_id}`,
    ).requestId;
  }

  /**
   * Takes one submission for every key, or none when any key is at its limit, atomically with the count (SQLite's
   * write lock, or a PostgreSQL advisory lock), so parallel posts cannot all slip under it. Returns whether it was taken.
   */
  takeSubmission(keys: readonly SubmissionKey[], now: Date): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      if (this.engine === 'postgres') await sql`select pg_advisory_xact_lock(${SUBMISSION_LOCK})`.execute(trx);
      for (const { key, limit, windowMs } of keys) {
        const row = await trx
          .selectFrom('submission_attempts')
          .select((eb) => eb.fn.countAll().as('count'))
          .where('key', '=', attemptKeySchema.parse(key))
          .where('at', '>', new Date(now.getTime() - windowMs).toISOString())
          .executeTakeFirstOrThrow();
        if (Number(row.count) >= limit) return false;
      }
      await trx
        .insertInto('submission_attempts')
        .values(keys.map(({ key }) => ({ id: randomUUID(), key, at: now.toISOString() })))
        .execute();
      return true;
    });
  }

  async saveLogin(idHash: string, login: CitizenLogin, now: Date): Promise<void> {
    const body = JSON.stringify(checkRow(citizenLoginSchema, login, 'citizen_logins'));
    await this.db
      .insertInto('citizen_logins')
      .values({ id_hash: sha256Hex.parse(idHash), body, created_at: now.toISOString() })
      .onConflict((conflict) => conflict.column('id_hash').doUpdateSet({ body }))
      .execute();
  }

  /** A citizen's identification, if it began after `since`. */
  async login(idHash: string, since: Date): Promise<CitizenLogin | undefined> {
    const row = await this.db
      .selectFrom('citizen_logins')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('created_at', '>', since.toISOString())
      .executeTakeFirst();
    return row ? readRow(citizenLoginSchema, parseJson(row.body, 'citizen_logins'), 'citizen_logins') : undefined;
  }

  /** Forgets one identification (once its request is sent), and every one that began before `cutoff`. */
  async removeLogins(idHash: string | undefined, cutoff: Date): Promise<void> {
    if (idHash) await this.db.deleteFrom('citizen_logins').where('id_hash', '=', idHash).execute();
    await this.db.deleteFrom('citizen_logins').where('created_at', '<', cutoff.toISOString()).execute();
  }

  /** Forgets submissions older than the longest window. */
  async removeAttemptsBefore(cutoff: Date): Promise<void> {
    await this.db.deleteFrom('submission_attempts').where('at', '<', cutoff.toISOString()).execute();
  }
}
