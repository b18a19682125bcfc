import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seloste } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';

let dataDir: string;
let server: RunningServer | undefined;

beforeAll(() => {
  dataDir = dataDirWithUsers();
});
afterAll(() => server?.stop());

describe('a disabled user', () => {
  it('is locked out: cannot sign in once disabled, and a server restart does not bring them back', async () => {
    server = await startServer({ DATA_DIR: dataDir });
    const { cookie } = await login(server.baseUrl, ROLE_USERS.handler);
    expect((await fetch(`${server.baseUrl}/fi/staff/`, { redirect: 'manual', headers: { cookie: cookie! } })).status).toBe(200);
    // The CLI refuses to write while the server holds the data directory, and says why.
    const refused = seloste(['user', 'disable', ROLE_USERS.handler, '--lang', 'en'], { DATA_DIR: dataDir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('The data directory is in use by process');
    await server.stop();
    expect(seloste(['user', 'disable', ROLE_USERS.handler, '--lang', 'en'], { DATA_DIR: dataDir }).status).toBe(0);
    server = await startServer({ DATA_DIR: dataDir });
    expect((await fetch(`${server.baseUrl}/fi/staff/`, { redirect: 'manual', headers: { cookie: cookie! } })).status).toBe(303);
    expect((await login(server.baseUrl, ROLE_USERS.handler)).status).toBe(401);
  });
});
