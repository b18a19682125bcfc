import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer({ CONTENT_DIR: copyContent(), DATA_DIR: dataDirWithUsers(), LOG_REQUESTS: '0' });
  cookie = (await login(server.baseUrl, ROLE_USERS.dpo)).cookie!;
});
afterAll(async () => {
  await server?.stop();
});

describe('the organisation’s accent beyond the notice itself', () => {
  it.each([
    ['the history', '/fi/rekisterit/helsinki-atj/versions', 'Helsinki'],
    ['a past version', '/sv/register/helsinki-atj/versions/1', 'Helsingfors'],
    ['what changed', '/en/registers/helsinki-atj/versions/compare?from=1&to=1', 'Helsinki'],
    ['the staff preview of a draft', '/fi/staff/registers/helsinki-reception-clients/preview', 'Helsinki'],
  ])('%s wears Helsinki’s accent class and name mark, with the stylesheet that defines it', async (_, pathname, mark) => {
    const response = await fetch(`${server.baseUrl}${pathname}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<link rel="stylesheet" href="/theme.css">');
    expect(html).toMatch(/<(?:main|article) [^>]*class="[^"]*\borg-helsinki\b/u);
    expect(html).toMatch(new RegExp(`<p class="masthead"[^>]*>\\s*<span>${mark}</span>`, 'u'));
  });

  it('defines the class in /theme.css', async () => {
    expect(await (await fetch(`${server.baseUrl}/theme.css`)).text()).toContain('.org-helsinki{--accent:#0000bf}');
  });
});
