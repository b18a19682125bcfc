import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { ALL_ROLES_USER, dataDirWithUsers, PASSWORD, ROLE_USERS } from '../support/staff.ts';
import { vnuErrors } from '../support/vnu.ts';

let server: RunningServer;
let browser: Browser;
/** Signed in with every role, so every staff page renders in full. */
let admin: BrowserContext;

const STAFF_PAGES = [
  '/fi/staff/',
  '/sv/staff/',
  '/en/staff/',
  '/fi/staff/users',
  '/sv/staff/audit',
  '/en/staff/audit?action=login',
  '/fi/staff/reports',
  '/sv/staff/reports?from=2026-01-01&to=2026-12-31',
];
const LOGIN_PAGES = ['/fi/login', '/sv/login', '/en/login'];

beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDirWithUsers(), LOG_REQUESTS: '0' });
  browser = await launchBrowser();
  admin = await browser.newContext();
  const page = await admin.newPage();
  await page.goto(`${server.baseUrl}/fi/staff/users`);
  await page.waitForURL(/\/fi\/login\?next=/u);
  await page.getByLabel('Käyttäjätunnus').fill(ALL_ROLES_USER);
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await page.waitForURL('**/fi/staff/users');
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('staff pages', () => {
  it.each([...LOGIN_PAGES, ...STAFF_PAGES])('%s has no WCAG 2.1 A or AA violation (axe)', async (pathname) => {
    const context = LOGIN_PAGES.includes(pathname) ? await browser.newContext() : admin;
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${pathname}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    if (context !== admin) await context.close();
  });

  it('validate as HTML (Nu HTML Checker)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-vnu-staff-'));
    const cookie = (await admin.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const pages = [...LOGIN_PAGES, ...STAFF_PAGES];
    const files = await Promise.all(
      pages.map(async (pathname, index) => {
        const file = path.join(dir, `staff-${index}.html`);
        writeFileSync(file, await (await fetch(`${server.baseUrl}${pathname}`, { headers: { cookie } })).text());
        return file;
      }),
    );
    expect(vnuErrors(files).map((error) => `${pages[files.indexOf(error.file)]}:${error.line}: ${error.message}`)).toEqual([]);
  });

  it('shows the signed-in user and only the areas of their role', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sv/login`);
    await page.getByLabel('Användarnamn').fill(ROLE_USERS.admin);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL('**/sv/staff/');
    expect(await page.getByText('aino.admin (huvudanvändare)').count()).toBe(1);
    // An administrator manages users and settings; requests and the audit log are not theirs (the role matrix).
    expect(await page.getByRole('navigation', { name: 'Personalens funktioner' }).getByRole('link').allInnerTexts()).toEqual([
      'Startsida',
      'Register',
      'Organisationer',
      'Rapporter',
      'Användare',
    ]);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL('**/sv/login');
    await context.close();
  });
});
