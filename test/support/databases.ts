import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/store/index.ts';

/** Both engines: the repository contract and the crash tests run against each. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type EngineName = (typeof ENGINES)[number];

/** The test cluster's URL, which `npm test` (test/run.ts) or .ci/run provides. */
export function clusterUrl(): string {
  const url = process.env.SELOSTE_TEST_PG_URL;
  if (!url) throw new Error('SELOSTE_TEST_PG_URL is not set: run the suite with `npm test`, which starts a PostgreSQL cluster');
  return url;
}

/** A new, empty PostgreSQL database on the test cluster; returns its URL. */
export async function freshPostgresUrl(): Promise<string> {
  const name = `seloste_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: clusterUrl() });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh, empty database of the engine: a new data directory, or a new PostgreSQL database. */
export async function freshDatabase(engine: EngineName): Promise<DatabaseConfig> {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-db-')), 'data');
  return engine === 'sqlite' ? { dataDir } : { dataDir, databaseUrl: await freshPostgresUrl() };
}

/** The environment variables that point a server or the CLI at that database. */
export function databaseEnv(config: DatabaseConfig): NodeJS.ProcessEnv {
  return { DATA_DIR: config.dataDir, ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}) };
}
