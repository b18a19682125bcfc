import type { Kysely } from 'kysely';
import { userSchema, type User } from '../domain/user.ts';
import { checkRow, readRow } from './rows.ts';
import type { Tables } from './tables.ts';

type UserRow = Tables['users'];

/** Staff accounts and their roles per organisation. */
export class UserRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.db = db;
  }

  private async assemble(rows: UserRow[]): Promise<User[]> {
    if (rows.length === 0) return [];
    const roleRows = await this.db
      .selectFrom('user_roles')
      .selectAll()
      .where(
        'user_id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    return rows.map((row) => {
      const roles: Record<string, string[]> = {};
      for (const entry of roleRows.filter((candidate) => candidate.user_id === row.id)) (roles[entry.organisation] ??= []).push(entry.role);
      return readRow(
        userSchema,
        {
          id: row.id,
          username: row.username,
          name: row.name,
          roles,
          ...(row.password_hash ? { passwordHash: row.password_hash } : {}),
          ...(row.sso_subject ? { ssoSubject: row.sso_subject } : {}),
          disabled: Boolean(Number(row.disabled)),
          createdAt: row.created_at,
          ...(row.password_changed_at ? { passwordChangedAt: row.password_changed_at } : {}),
        },
        `users ${row.username}`,
      );
    });
  }

  async list(): Promise<User[]> {
    return this.assemble(await this.db.selectFrom('users').selectAll().orderBy('username').execute());
  }

  async byId(id: string): Promise<User | undefined> {
    return (await this.assemble(await this.db.selectFrom('users').selectAll().where('id', '=', id).execute()))[0];
  }

  async byUsername(username: string): Promise<User | undefined> {
    return (await this.assemble(await this.db.selectFrom('users').selectAll().where('username', '=', username).execute()))[0];
  }

  async bySsoSubject(subject: string): Promise<User | undefined> {
    return (await this.assemble(await this.db.selectFrom('users').selectAll().where('sso_subject', '=', subject).execute()))[0];
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Writes a whole account, roles included (insert or replace), after validating it. Call inside a transaction. */
  async save(user: User): Promise<User> {
    const valid = checkRow(userSchema, user, `users ${user.username}`);
    const row: UserRow = {
      id: valid.id,
      username: valid.username,
      name: valid.name,
      password_hash: valid.passwordHash ?? null,
      sso_subject: valid.ssoSubject ?? null,
      disabled: valid.disabled ? 1 : 0,
      created_at: valid.createdAt,
      password_changed_at: valid.passwordChangedAt ?? null,
    };
    const { id: _id, ...changes } = row;
    await this.db
      .insertInto('users')
      .values(row)
      .onConflict((conflict) => conflict.column('id').doUpdateSet(changes))
      .execute();
    await this.db.deleteFrom('user_roles').where('user_id', '=', valid.id).execute();
    const roles = Object.entries(valid.roles).flatMap(([organisation, list]) =>
      list.map((role) => ({ user_id: valid.id, organisation, role })),
    );
    if (roles.length) await this.db.insertInto('user_roles').values(roles).execute();
    return valid;
  }
}
