import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { seloste } from '../support/cli.ts';
import { databaseEnv, ENGINES, freshDatabase } from '../support/databases.ts';
import { logRequestOverHttp } from '../support/requests.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { addRoleUsers, login, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer | undefined;
afterAll(() => server?.stop());

describe.each(ENGINES)('a server on %s killed in the middle of 300 concurrent writes', (engine) => {
  it('keeps every write it acknowledged, its audit chain verifies, and no temporary copy of data is left', async () => {
    const config = await freshDatabase(engine);
    addRoleUsers(config);
    const env = { ...databaseEnv(config), LOG_REQUESTS: '0' };
    server = await startServer(env);
    const { cookie } = await login(server.baseUrl, ROLE_USERS.handler);
    const acknowledged: string[] = [];
    let killed = false;
    const writes = Array.from({ length: 300 }, async (_, index) => {
      try {
        const reference = await logRequestOverHttp(server!.baseUrl, cookie!, { name: `Kaatuja ${index}` });
        if (reference) acknowledged.push(reference);
      } catch {
        return; // the server is gone
      }
      if (acknowledged.length >= 60 && !killed) {
        killed = true;
        await server!.stop('SIGKILL');
      }
    });
    await Promise.all(writes);
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(acknowledged.length).toBeLessThan(300);

    // What the database holds after the kill: every acknowledged request, once.
    server = await startServer(env);
    const store = await openStore(config);
    try {
      for (const reference of acknowledged) expect(await store.requests.byReference(reference), reference).toBeDefined();
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
    } finally {
      await store.close();
    }
    const { cookie: again } = await login(server.baseUrl, ROLE_USERS.handler);
    expect(await logRequestOverHttp(server.baseUrl, again!)).toMatch(/^TS-2026-\d{6}$/u);
    await server.stop();
    const verify = seloste(['audit', 'verify', '--lang', 'en'], env);
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
    // SQLite's -wal and -shm belong to the database, and hash.key is the secret identity codes are searched by;
    // anything else would be a leftover copy of personal data.
    if (engine === 'sqlite')
      expect(readdirSync(config.dataDir).filter((name) => !/^(?:seloste\.db(?:-wal|-shm)?|hash\.key)$/u.test(name))).toEqual([]);
  }, 180_000);
});
