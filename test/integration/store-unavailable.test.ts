import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, PASSWORD, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer | undefined;
afterAll(() => server?.stop());

describe('a damaged database', () => {
  it('makes health say so with 503, staff pages show a clear page in the user’s language, and public notices go on', async () => {
    const dataDir = dataDirWithUsers();
    server = await startServer({ DATA_DIR: dataDir, LOG_REQUESTS: '0' });
    const { cookie } = await login(server.baseUrl, ROLE_USERS.handler);
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);

    // Someone drops tables behind Seloste's back.
    const database = new DatabaseSync(path.join(dataDir, 'seloste.db'));
    database.exec('DROP TABLE sessions; DROP TABLE login_attempts;');
    database.close();

    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, store: 'unavailable' });
    const staff = await fetch(`${server.baseUrl}/sv/staff/`, { redirect: 'manual', headers: { cookie: cookie! } });
    expect(staff.status).toBe(503);
    expect(await staff.text()).toContain('Tjänsten är tillfälligt ur bruk');
    const signIn = await fetch(`${server.baseUrl}/fi/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: ROLE_USERS.handler, password: PASSWORD }),
    });
    expect(signIn.status).toBe(503);
    expect(await signIn.text()).toContain('Palvelu on tilapäisesti poissa käytöstä');
    expect((await fetch(`${server.baseUrl}/fi/`)).status).toBe(200);
    expect(server.output()).not.toContain(PASSWORD);
  });
});
