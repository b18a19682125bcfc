import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../../src/domain/access.ts';
import { ROLES, type Role } from '../../src/domain/user.ts';
import { seloste } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, PASSWORD, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer;
let dataDir: string;
const cookies: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  dataDir = dataDirWithUsers();
  server = await startServer({ DATA_DIR: dataDir });
  for (const [role, username] of Object.entries(ROLE_USERS) as [Role, string][])
    cookies[role] = (await login(server.baseUrl, username)).cookie;
});
afterAll(() => server?.stop());

const get = (pathname: string, cookie?: string) =>
  fetch(`${server.baseUrl}${pathname}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

type Who = 'anonymous' | Role;
/** Each staff route with the permission that opens it, read from the role matrix: the table the README prints. */
const ROUTES: [route: string, permission: Permission | 'none', missing?: number][] = [
  ['/fi/staff/', 'dashboard.view'],
  ['/sv/staff', 'dashboard.view'],
  ['/en/staff/users', 'users.manage'],
  ['/fi//staff/users', 'users.manage'],
  ['/fi/staff/audit', 'audit.read'],
  ['/fi/staff/audit?action=login&page=2', 'audit.read'],
  ['/fi/staff/requests', 'requests.read'],
  ['/sv/staff/requests/new', 'requests.act'],
  ['/fi/staff/reports', 'reports.read'],
  ['/en/staff/requests/TS-2026-999999', 'requests.read', 404],
  ['/fi/staff/no-such-page', 'none', 404],
];

describe('every staff route, for anonymous users and each role, as the role matrix says', () => {
  const cases = ROUTES.flatMap(([route, permission, missing]) =>
    (['anonymous', ...ROLES] as Who[]).map((who) => {
      const status =
        permission === 'none'
          ? 404
          : who === 'anonymous'
            ? 303
            : PERMISSIONS[permission].some((role: Role) => role === who)
              ? (missing ?? 200)
              : 403;
      return [route, who, status] as const;
    }),
  );
  it.each(cases)('GET %s as %s answers %i', async (route, who, status) => {
    const response = await get(route, who === 'anonymous' ? undefined : cookies[who]);
    expect(response.status).toBe(status);
    if (status === 303) expect(response.headers.get('location')).toMatch(/^\/(fi|sv|en)\/login\?next=/u);
  });
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie, and the staff pages are not cached', async () => {
    const { status, setCookie } = await login(server.baseUrl, ROLE_USERS.handler);
    expect(status).toBe(303);
    expect(setCookie).toMatch(/seloste_session=[\w-]{40,}/u);
    expect(setCookie).toMatch(/HttpOnly/iu);
    expect(setCookie).toMatch(/SameSite=Strict/iu);
    expect(setCookie).toMatch(/Path=\//u);
    expect((await get('/fi/staff/', cookies.handler)).headers.get('cache-control')).toBe('no-store');
  });

  it('gives a new session id on login, whatever cookie the browser brought', async () => {
    const planted = 'seloste_session=attacker-chosen-session-identifier-0000000000';
    const response = await fetch(`${server.baseUrl}/fi/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.baseUrl, cookie: planted, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: ROLE_USERS.dpo, password: PASSWORD }),
    });
    const issued = /seloste_session=([^;]+)/u.exec(response.headers.get('set-cookie') ?? '')?.[1];
    expect(issued).toBeDefined();
    expect(`seloste_session=${issued}`).not.toBe(planted);
    expect((await get('/fi/staff/', planted)).status).toBe(303);
  });

  it('refuses a cross-origin login POST with 403, and one without an Origin header', async () => {
    const body = new URLSearchParams({ username: ROLE_USERS.admin, password: PASSWORD });
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const cross = await fetch(`${server.baseUrl}/fi/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, origin: 'https://evil.example.com' },
      body,
    });
    expect(cross.status).toBe(403);
    const missing = await fetch(`${server.baseUrl}/fi/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, cookie: cookies.admin! },
      body: '',
    });
    expect(missing.status).toBe(403);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await login(server.baseUrl, ROLE_USERS.dpo, 'Wrong-Password-But-Long-1');
    const unknown = await login(server.baseUrl, 'nobody.here', 'Wrong-Password-But-Long-1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const page = async (username: string) =>
      (
        await (
          await fetch(`${server.baseUrl}/en/login`, {
            method: 'POST',
            headers: { origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ username, password: 'Wrong-Password-But-Long-1' }),
          })
        ).text()
      ).replace(/value="[^"]*"/gu, '');
    expect(await page(ROLE_USERS.dpo)).toBe(await page('nobody.here'));
    expect(await page('nobody.here')).toContain('The username or password is wrong.');
  });

  it('rate-limits failed logins per username, even with the right password afterwards', async () => {
    const username = ROLE_USERS.auditor;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++)
      statuses.push((await login(server.baseUrl, username, `Not-The-Password-${attempt}x`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await login(server.baseUrl, username)).status).toBe(429);
    expect((await login(server.baseUrl, ROLE_USERS.admin)).status).toBe(303);
  });

  it('signs out with POST /logout', async () => {
    const { cookie } = await login(server.baseUrl, ROLE_USERS.handler);
    expect((await get('/fi/staff/', cookie)).status).toBe(200);
    const out = await fetch(`${server.baseUrl}/fi/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.baseUrl, cookie: cookie! },
    });
    expect(out.status).toBe(303);
    expect((await get('/fi/staff/', cookie)).status).toBe(303);
  });
});

describe('audit of security events', () => {
  it('records logins, failures and logouts in a chain that verifies, without passwords', async () => {
    const audit = await (await get('/en/staff/audit?action=login.failed', cookies.auditor)).text();
    expect(audit).toContain('failed sign-in');
    expect(audit).not.toContain(PASSWORD);
    await server.stop();
    const verify = seloste(['audit', 'verify', '--lang', 'en'], { DATA_DIR: dataDir });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/The audit log is intact: \d+ events\./u);
    expect(server.output()).not.toContain(PASSWORD);
    expect(server.output()).not.toContain('Not-The-Password');
  });
});
