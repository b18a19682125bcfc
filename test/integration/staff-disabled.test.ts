import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selosteAsync } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';

let dataDir: string;
let server: RunningServer | undefined;

beforeAll(() => {
  dataDir = dataDirWithUsers();
});
afterAll(() => server?.stop());

describe('a disabled user', () => {
  it('is signed out on the next request when the CLI disables them beside the running server, and stays out after a restart', async () => {
    server = await startServer({ DATA_DIR: dataDir });
    const { cookie } = await login(server.baseUrl, ROLE_USERS.handler);
    expect((await fetch(`${server.baseUrl}/fi/staff/`, { redirect: 'manual', headers: { cookie: cookie! } })).status).toBe(200);
    // The database's own locking lets the command line write while the server runs. (Run without blocking this
    // process, so a kept-alive connection the server closes meanwhile is noticed rather than reused.)
    expect((await selosteAsync(['user', 'disable', ROLE_USERS.handler, '--lang', 'en'], { DATA_DIR: dataDir })).status).toBe(0);
    expect((await fetch(`${server.baseUrl}/fi/staff/`, { redirect: 'manual', headers: { cookie: cookie! } })).status).toBe(303);
    await server.stop();
    server = await startServer({ DATA_DIR: dataDir });
    expect((await fetch(`${server.baseUrl}/fi/staff/`, { redirect: 'manual', headers: { cookie: cookie! } })).status).toBe(303);
    expect((await login(server.baseUrl, ROLE_USERS.handler)).status).toBe(401);
  });
});
