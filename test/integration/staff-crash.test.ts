import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seloste } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer | undefined;
afterAll(() => server?.stop());

function createUser(baseUrl: string, cookie: string, username: string): Promise<Response> {
  return fetch(`${baseUrl}/en/staff/users`, {
    method: 'POST',
    headers: { origin: baseUrl, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ intent: 'create', username, name: 'Crash Test', role: 'handler' }),
  });
}

describe('a server killed in the middle of writes', () => {
  it('keeps every write it answered with success, and its files stay valid', async () => {
    const dataDir = dataDirWithUsers();
    server = await startServer({ DATA_DIR: dataDir, LOG_REQUESTS: '0' });
    const { cookie } = await login(server.baseUrl, ROLE_USERS.admin);
    const acknowledged: string[] = [];
    let killed = false;
    const worker = async (lane: number) => {
      for (let index = 0; !killed && index < 100; index++) {
        const username = `crash-${lane}-${index}`;
        try {
          const response = await createUser(server!.baseUrl, cookie!, username);
          if (response.status === 200 && (await response.text()).includes(`User ${username} was added.`)) acknowledged.push(username);
        } catch {
          return; // the server is gone
        }
        if (acknowledged.length >= 25 && !killed) {
          killed = true;
          await server!.stop('SIGKILL');
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(worker));
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);

    server = await startServer({ DATA_DIR: dataDir, LOG_REQUESTS: '0' });
    const store = JSON.parse(readFileSync(path.join(dataDir, 'store.json'), 'utf8')) as { users: { username: string }[] };
    const stored = new Set(store.users.map((user) => user.username));
    for (const username of acknowledged) expect(stored.has(username), username).toBe(true);
    const { cookie: again } = await login(server.baseUrl, ROLE_USERS.admin);
    expect((await fetch(`${server.baseUrl}/en/staff/users`, { headers: { cookie: again! } })).status).toBe(200);
    await server.stop();
    const verify = seloste(['audit', 'verify', '--lang', 'en'], { DATA_DIR: dataDir });
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
  });
});
