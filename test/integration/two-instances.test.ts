import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { seloste } from '../support/cli.ts';
import { databaseEnv, freshDatabase } from '../support/databases.ts';
import { logRequestOverHttp } from '../support/requests.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { addRoleUsers, login, ROLE_USERS } from '../support/staff.ts';
import type { DatabaseConfig } from '../../src/store/index.ts';

let config: DatabaseConfig;
let env: NodeJS.ProcessEnv;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  config = await freshDatabase('postgres');
  addRoleUsers(config);
  // Each instance has a data directory of its own: everything they share is in PostgreSQL.
  env = { DATABASE_URL: config.databaseUrl, LOG_REQUESTS: '0', CHANGE_POLL_SECONDS: '1' };
  [a, b] = await Promise.all([startServer(env), startServer(env)]);
}, 120_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

const staffStatus = async (server: RunningServer, cookie: string) =>
  (await fetch(`${server.baseUrl}/fi/staff/requests`, { redirect: 'manual', headers: { cookie } })).status;

describe('two instances on one PostgreSQL', () => {
  it('share sign-ins: a session made on one is valid on the other, and a sign-out on one ends it on both', async () => {
    const { cookie } = await login(a.baseUrl, ROLE_USERS.handler);
    expect(await staffStatus(b, cookie!)).toBe(200);
    await fetch(`${b.baseUrl}/fi/logout`, { method: 'POST', redirect: 'manual', headers: { origin: b.baseUrl, cookie: cookie! } });
    expect(await staffStatus(a, cookie!)).toBe(303);
  });

  it('share the login limit', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++)
      statuses.push((await login(attempt % 2 ? b.baseUrl : a.baseUrl, ROLE_USERS.auditor, `Wrong-Password-${attempt}-xx`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('give references that never collide, show every request on both, and lose nothing acknowledged when one is killed', async () => {
    const { cookie } = await login(a.baseUrl, ROLE_USERS.handler);
    const acknowledged: string[] = [];
    let killed = false;
    const writes = Array.from({ length: 120 }, async (_, index) => {
      const server = index % 2 ? b : a;
      try {
        const reference = await logRequestOverHttp(server.baseUrl, cookie!, { name: `Rinnakkainen ${index}` });
        if (reference) acknowledged.push(reference);
      } catch {
        return; // b was killed
      }
      if (acknowledged.length >= 50 && !killed) {
        killed = true;
        await b.stop('SIGKILL');
      }
    });
    await Promise.all(writes);
    expect(killed).toBe(true);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    const store = await openStore(config);
    try {
      for (const reference of acknowledged) expect(await store.requests.byReference(reference), reference).toBeDefined();
    } finally {
      await store.close();
    }
    b = await startServer(env);
    const last = acknowledged.sort().at(-1)!;
    for (const server of [a, b]) {
      const page = await (await fetch(`${server.baseUrl}/en/staff/requests?q=${last}`, { headers: { cookie: cookie! } })).text();
      expect(page).toContain(last);
    }
    const verify = seloste(['audit', 'verify', '--lang', 'en'], databaseEnv(config));
    expect(verify.stderr).toBe('');
    expect(verify.stdout).toMatch(/The audit log is intact: \d+ events\./u);
  }, 120_000);
});
