import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { signInAtProvider, startServerWithProvider, type RunningProvider } from '../support/oidc-provider.ts';
import type { RunningServer } from '../support/server.ts';
import { PASSWORD, ROLE_USERS } from '../support/staff.ts';
import { vnuErrors } from '../support/vnu.ts';

let server: RunningServer;
let provider: RunningProvider;
let stop: (() => Promise<void>) | undefined;
let browser: Browser;
beforeAll(async () => {
  ({ server, provider, stop } = await startServerWithProvider('staff', { STAFF_LOCAL_PASSWORDS: 'off' }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stop?.();
});

/** The login page's link to the provider, in each language. */
const SIGN_IN_LINK = { fi: 'Kirjaudu palvelulla Test provider', sv: 'Logga in med Test provider', en: 'Sign in with Test provider' };

/** From the login page, through the provider's own login and consent pages, as the given test staff member. */
async function signInThroughProvider(page: Page, username: string, lang: keyof typeof SIGN_IN_LINK = 'sv'): Promise<void> {
  await page.goto(`${server.baseUrl}/${lang}/login`);
  await page.getByRole('link', { name: SIGN_IN_LINK[lang] }).click();
  await page.locator('input[name="login"]').fill(username);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.href.startsWith(provider.issuer));
}

describe('staff single sign-on in the browser', () => {
  it('offers the provider on the login page, without a password form when local passwords are off', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.baseUrl}/sv/login`);
      expect(await page.getByRole('link', { name: 'Logga in med Test provider' }).count()).toBe(1);
      expect(await page.locator('input[type="password"]').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    }
    await context.close();
  });

  it('refuses a password sign-in when local passwords are off', async () => {
    const response = await fetch(`${server.baseUrl}/en/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: ROLE_USERS.admin, password: PASSWORD }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie().some((line) => line.startsWith('seloste_session='))).toBe(false);
    expect(await response.text()).toContain('Signing in with a password is turned off');
  });

  it('signs a handler in with the roles of their group, and shows the staff pages those roles allow', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughProvider(page, 'anna.kasittelija');
    // The callback page sends the user on from this site, so the SameSite=Strict session cookie goes along.
    await page.waitForURL(`${server.baseUrl}/sv/staff/`);
    const session = (await context.cookies()).find((cookie) => cookie.name === 'seloste_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect((await page.goto(`${server.baseUrl}/sv/staff/requests`))!.status()).toBe(200);
    // Handling requests is not managing users: the users page is an administrator's.
    expect((await page.goto(`${server.baseUrl}/sv/staff/users`))!.status()).toBe(403);
    await context.close();
  });

  it('signs an administrator of every organisation in to the users page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughProvider(page, 'pekka.paakayttaja');
    await page.waitForURL(`${server.baseUrl}/sv/staff/`);
    const users = await page.goto(`${server.baseUrl}/sv/staff/users`);
    expect(users!.status()).toBe(200);
    expect(await page.locator('main').textContent()).toContain('anna.kasittelija');
    await context.close();
  });

  it('refuses a user in no allowed group with a clear page in their language, and starts no session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughProvider(page, 'olli.ulkopuolinen');
    expect(page.url()).toContain('/auth/staff/callback');
    expect(await page.locator('h1').textContent()).toBe('Inloggningen misslyckades');
    expect(await page.locator('main').textContent()).toContain('hör inte till någon grupp');
    expect(await axeViolations(page)).toEqual([]);
    expect((await context.cookies()).some((cookie) => cookie.name === 'seloste_session')).toBe(false);
    await context.close();
  });

  it.each([
    ['fi', 'Kirjautuminen ei onnistunut', 'ei ole ryhmää'],
    ['en', 'Sign-in refused', 'in no group'],
  ] as const)('refuses them in %s too, with no WCAG 2.1 A or AA violation at 390 and 1280 px', async (lang, title, reason) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughProvider(page, 'olli.ulkopuolinen', lang);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('main').textContent()).toContain(reason);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page), `${width} px`).toEqual([]);
    }
    await context.close();
  });

  it('refuses a user the provider marks as disabled', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughProvider(page, 'lea.lukittu');
    expect(await page.locator('main').textContent()).toContain('avstängt');
    await context.close();
  });

  it('refuses a return that does not match the sign-in this browser started', async () => {
    const response = await fetch(
      `${server.baseUrl}/auth/staff/callback?code=forged&state=forged&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expect(response.status).toBe(403);
    expect(server.output()).not.toContain('forged');
  });

  it('starts a new session id at sign-in, and its pages are valid HTML', async () => {
    const planted = 'seloste_session=a-session-id-an-attacker-planted';
    const start = await fetch(`${server.baseUrl}/auth/staff/start?lang=fi&next=/fi/staff/requests`, { redirect: 'manual' });
    const flowCookie = start.headers.getSetCookie()[0]!.split(';')[0]!;
    const callback = await signInAtProvider(start.headers.get('location')!, `${server.baseUrl}/auth/staff/callback`, 'anna.kasittelija');
    const signedIn = await fetch(callback, { headers: { cookie: `${flowCookie}; ${planted}` } });
    expect(signedIn.status).toBe(200);
    const session = signedIn.headers.getSetCookie().find((line) => line.startsWith('seloste_session='))!;
    expect(session).toMatch(/HttpOnly/iu);
    expect(session).toMatch(/SameSite=Strict/iu);
    expect(session).not.toContain(planted);
    const html = await signedIn.text();
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/fi/staff/requests"');
    const login = await (await fetch(`${server.baseUrl}/fi/login`)).text();
    const refused = await (
      await fetch(`${server.baseUrl}/auth/staff/callback?code=x&state=y`, { headers: { 'accept-language': 'en' } })
    ).text();
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-sso-html-'));
    const files = Object.entries({ 'signed-in.html': html, 'login.html': login, 'refused.html': refused }).map(([name, text]) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    });
    expect(vnuErrors(files).map((error) => `${path.basename(error.file)}:${error.line}: ${error.message}`)).toEqual([]);
  });
});
