import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDirWithUsers() });
});
afterAll(() => server?.stop());

/** The users page as the signed-in admin sees it: it must answer 200 and show who is signed in, or the test proves nothing. */
async function usersPage(cookie: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/en/staff/users`, { redirect: 'manual', headers: { cookie } });
  expect(response.status).toBe(200);
  const page = await response.text();
  expect(page).toContain(`${ROLE_USERS.admin} (administrator)`);
  return page;
}

const post = (cookie: string | undefined, fields: Record<string, string>) =>
  fetch(`${server.baseUrl}/en/staff/users`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields),
  });

describe('user administration over the web', () => {
  it('checks the role again on every POST: only an admin may change users', async () => {
    for (const role of ['dpo', 'handler', 'auditor'] as const) {
      const { cookie } = await login(server.baseUrl, ROLE_USERS[role]);
      expect((await post(cookie, { intent: 'create', username: `made-by-${role}`, organisation: '*', roles: 'admin' })).status).toBe(403);
      expect((await post(cookie, { intent: 'disable', username: ROLE_USERS.admin })).status).toBe(403);
    }
    const anonymous = await post(undefined, { intent: 'create', username: 'made-by-anonymous', organisation: '*', roles: 'admin' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/en\/login\?next=/u);
    const { cookie } = await login(server.baseUrl, ROLE_USERS.admin);
    const list = await usersPage(cookie!);
    expect(list).not.toContain('made-by-');
  });

  it('lets an admin add a user (password shown once, after a redirect), refuse bad input in the user’s language, and disable a user', async () => {
    const { cookie } = await login(server.baseUrl, ROLE_USERS.admin);
    const answer = await post(cookie, {
      intent: 'create',
      username: 'uusi.kasittelija',
      name: 'Uusi Käsittelijä',
      organisation: 'helsinki',
      roles: 'handler',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/en/staff/users');
    const created = await usersPage(cookie!);
    const password = /<code>([^<]+)<\/code>/u.exec(created)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/u);
    expect((await login(server.baseUrl, 'uusi.kasittelija', password)).status).toBe(303);
    const again = await usersPage(cookie!);
    expect(again).not.toContain(password);

    const bad = await post(cookie, { intent: 'create', username: 'X', name: 'Bad', organisation: 'helsinki', roles: 'handler' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The username is not valid');
    const badFi = await fetch(`${server.baseUrl}/fi/staff/users`, {
      method: 'POST',
      headers: { origin: server.baseUrl, cookie: cookie!, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'create', username: 'uusi.kasittelija', organisation: 'helsinki', roles: 'handler' }),
    });
    expect(await badFi.text()).toContain('Käyttäjätunnus on jo käytössä.');

    const { cookie: victim } = await login(server.baseUrl, 'uusi.kasittelija', password);
    expect((await post(cookie, { intent: 'disable', username: 'uusi.kasittelija' })).status).toBe(303);
    expect((await fetch(`${server.baseUrl}/fi/staff/`, { redirect: 'manual', headers: { cookie: victim! } })).status).toBe(303);
  });

  it('keeps marker values typed into forms out of the server log', async () => {
    await login(server.baseUrl, 'marker-user-q7x', 'marker-password-Z9k-long');
    const { cookie } = await login(server.baseUrl, ROLE_USERS.admin);
    await post(cookie, {
      intent: 'create',
      username: 'marker-new-r3y',
      name: 'Marker Name W4v',
      organisation: 'helsinki',
      roles: 'handler',
    });
    await fetch(`${server.baseUrl}/fi/?q=marker-search-P2m`);
    const output = server.output();
    for (const marker of [
      'marker-user-q7x',
      'marker-password-Z9k',
      'marker-new-r3y',
      'Marker Name W4v',
      'marker-search-P2m',
      'Vihreä-Kettu',
    ])
      expect(output).not.toContain(marker);
    expect(output).toContain('"route":"/[lang]/login"');
  });
});

describe('an administrator', () => {
  it('cannot disable their own account, and is told so in their language', async () => {
    const { cookie } = await login(server.baseUrl, ROLE_USERS.admin);
    const response = await fetch(`${server.baseUrl}/sv/staff/users`, {
      method: 'POST',
      headers: { origin: server.baseUrl, cookie: cookie!, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'disable', username: ROLE_USERS.admin }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Du kan inte inaktivera ditt eget konto.');
  });
});
