import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDirWithUsers() });
});
afterAll(() => server?.stop());

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
      expect((await post(cookie, { intent: 'create', username: `made-by-${role}`, role: 'admin' })).status).toBe(403);
      expect((await post(cookie, { intent: 'disable', username: ROLE_USERS.admin })).status).toBe(403);
    }
    expect((await post(undefined, { intent: 'create', username: 'made-by-anonymous', role: 'admin' })).status).toBe(303);
    const { cookie } = await login(server.baseUrl, ROLE_USERS.admin);
    const list = await (await fetch(`${server.baseUrl}/en/staff/users`, { headers: { cookie: cookie! } })).text();
    expect(list).not.toContain('made-by-');
  });

  it('lets an admin add a user (password shown once), refuse bad input in the user’s language, and disable a user', async () => {
    const { cookie } = await login(server.baseUrl, ROLE_USERS.admin);
    const created = await (
      await post(cookie, { intent: 'create', username: 'uusi.kasittelija', name: 'Uusi Käsittelijä', role: 'handler' })
    ).text();
    const password = /<code>([^<]+)<\/code>/u.exec(created)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/u);
    expect((await login(server.baseUrl, 'uusi.kasittelija', password)).status).toBe(303);
    const again = await (await fetch(`${server.baseUrl}/en/staff/users`, { headers: { cookie: cookie! } })).text();
    expect(again).not.toContain(password);

    const bad = await post(cookie, { intent: 'create', username: 'X', name: 'Bad', role: 'handler' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The username is not valid');
    const badFi = await fetch(`${server.baseUrl}/fi/staff/users`, {
      method: 'POST',
      headers: { origin: server.baseUrl, cookie: cookie!, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'create', username: 'uusi.kasittelija', role: 'handler' }),
    });
    expect(await badFi.text()).toContain('Käyttäjätunnus on jo käytössä.');

    const { cookie: victim } = await login(server.baseUrl, 'uusi.kasittelija', password);
    expect((await post(cookie, { intent: 'disable', username: 'uusi.kasittelija' })).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/fi/staff/`, { redirect: 'manual', headers: { cookie: victim! } })).status).toBe(303);
  });

  it('keeps marker values typed into forms out of the server log', async () => {
    await login(server.baseUrl, 'marker-user-q7x', 'marker-password-Z9k-long');
    const { cookie } = await login(server.baseUrl, ROLE_USERS.admin);
    await post(cookie, { intent: 'create', username: 'marker-new-r3y', name: 'Marker Name W4v', role: 'handler' });
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
