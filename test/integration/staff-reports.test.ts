import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seloste } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = dataDirWithUsers();
  server = await startServer({ DATA_DIR: dataDir });
});
afterAll(() => server?.stop());

async function logRequest(cookie: string): Promise<void> {
  const response = await fetch(`${server.baseUrl}/en/staff/requests/new`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.baseUrl, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      type: 'access',
      received: '2026-11-02',
      channel: 'email',
      name: 'Testi Henkilö',
      hetu: '010594Y9032',
      language: 'sv',
      registers: 'helsinki-atj',
    }),
  });
  expect(response.status).toBe(303);
}

describe('request reports', () => {
  it('export CSV without identity codes; only an administrator may include them', async () => {
    const { cookie: handler } = await login(server.baseUrl, ROLE_USERS.handler);
    await logRequest(handler!);
    const csv = await (await fetch(`${server.baseUrl}/fi/staff/reports/requests.csv`, { headers: { cookie: handler! } })).text();
    expect(csv).toContain('TS-2026-000001');
    expect(csv).not.toContain('010594');
    const post = (cookie: string) =>
      fetch(`${server.baseUrl}/fi/staff/reports/requests.csv`, {
        method: 'POST',
        headers: { origin: server.baseUrl, cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ includeHetu: 'on' }),
      });
    expect((await post(handler!)).status).toBe(403);
    const { cookie: admin } = await login(server.baseUrl, ROLE_USERS.admin);
    expect(await (await post(admin!)).text()).toContain('010594Y9032');
    expect((await fetch(`${server.baseUrl}/fi/staff/reports/requests.csv`, { redirect: 'manual' })).status).toBe(303);
  });

  it('show statistics for a period', async () => {
    const { cookie } = await login(server.baseUrl, ROLE_USERS.auditor);
    const page = await (
      await fetch(`${server.baseUrl}/en/staff/reports?from=2026-01-01&to=2026-12-31`, { headers: { cookie: cookie! } })
    ).text();
    expect(page).toContain('Received 1 January 2026–31 December 2026');
    expect(page).toMatch(/<dt>Received<\/dt>\s*<dd>1<\/dd>/u);
  });

  it('purge runs beside the server, and reports what it would do', async () => {
    const dry = seloste(['purge', '--dry-run', '--retention-months', '12', '--lang', 'en'], { DATA_DIR: dataDir });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('0 closed requests are older than 12 months and would be anonymised.');
  });
});
