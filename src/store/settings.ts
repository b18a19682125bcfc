import type { Kysely } from 'kysely';
import { settingsSchema, type SettingKey, type Settings } from '../domain/settings.ts';
import { EVERY_ORGANISATION } from '../domain/user.ts';
import { checkRow, parseJson, readRow } from './rows.ts';
import type { Tables } from './tables.ts';

/** Settings per organisation: what is stored for it, over what is stored for every organisation, over the defaults. */
export class SettingsRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.db = db;
  }

  async get(organisation: string): Promise<Settings> {
    const rows = await this.db.selectFrom('settings').selectAll().where('organisation', 'in', [EVERY_ORGANISATION, organisation]).execute();
    const ordered = [...rows].sort((a, b) => Number(a.organisation !== EVERY_ORGANISATION) - Number(b.organisation !== EVERY_ORGANISATION));
    const values = Object.fromEntries(ordered.map((row) => [row.key, parseJson(row.value, `settings ${row.organisation}.${row.key}`)]));
    return readRow(settingsSchema, values, `settings ${organisation}`);
  }

  async set<K extends SettingKey>(organisation: string, key: K, value: Settings[K]): Promise<void> {
    checkRow(settingsSchema.shape[key], value, `settings ${organisation}.${key}`);
    const text = JSON.stringify(value);
    await this.db
      .insertInto('settings')
      .values({ organisation, key, value: text })
      .onConflict((conflict) => conflict.columns(['organisation', 'key']).doUpdateSet({ value: text }))
      .execute();
  }
}
