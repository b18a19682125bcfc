import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { startServerWithProvider, type RunningProvider } from '../support/oidc-provider.ts';
import type { RunningServer } from '../support/server.ts';
import { login, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer;
let provider: RunningProvider;
let stop: (() => Promise<void>) | undefined;
let browser: Browser;
beforeAll(async () => {
  ({ server, provider, stop } = await startServerWithProvider('citizen'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stop?.();
});

describe('a citizen who identifies at the OpenID Connect provider', () => {
  let reference: string;
  it('identifies, fills in the form in Swedish and gets a receipt', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sv/begaran?register=helsinki-atj`);
    expect(await page.locator('form.eform').count()).toBe(0);
    await page.getByRole('link', { name: 'Identifiera dig' }).click();
    // The provider's own login page: the username picks a fictional test user.
    await page.locator('input[name="login"]').fill('testi');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${server.baseUrl}/sv/begaran?register=helsinki-atj`);
    expect(await page.locator('#eform-identify').textContent()).toContain('Identifierad: Testi Kansalainen (131052-****)');
    expect(await page.getByLabel('Namn', { exact: true }).count()).toBe(0);

    await page.getByLabel('Jag vill se mina uppgifter').check();
    await page.getByLabel('E-post').fill('testi.kansalainen@example.com');
    await page.getByRole('button', { name: 'Skicka begäran' }).click();
    await page.waitForURL(/\/sv\/begaran\/[A-Za-z0-9_-]{43}$/u);
    reference = /TS-\d{4}-\d{6}/u.exec((await page.locator('h1').textContent())!)![0];
    expect(await page.locator('dl').textContent()).toContain('Stark elektronisk identifiering');
    const href = await page.getByRole('link', { name: /Ladda ner kvittot/u }).getAttribute('href');
    const receipt = await page.request.get(`${server.baseUrl}${href}`);
    expect(Buffer.from(await receipt.body()).toString('latin1')).toContain('/Lang (sv-FI)');
    // The identification was for this one request.
    await page.goto(`${server.baseUrl}/sv/begaran`);
    expect(await page.getByRole('link', { name: 'Identifiera dig' }).count()).toBe(1);
    await context.close();
  });

  it('shows staff the request as strongly identified, with the verified name and identity code', async () => {
    const { cookie } = await login(server.baseUrl, ROLE_USERS.handler);
    const page = await (await fetch(`${server.baseUrl}/en/staff/requests/${reference}`, { headers: { cookie: cookie! } })).text();
    expect(page).toContain('Testi Kansalainen');
    expect(page).toContain('131052-****');
    expect(page).toMatch(/strong electronic identification/u);
  });

  it('marks the request as strongly identified in the staff queue, which can be filtered by it', async () => {
    const { cookie } = await login(server.baseUrl, ROLE_USERS.handler);
    const [name, value] = cookie!.split('=');
    const context = await browser.newContext();
    await context.addCookies([{ name: name!, value: value!, url: server.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sv/staff/requests`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });
    expect((await row.getByRole('cell').nth(3).textContent())?.trim()).toBe('Starkt identifierad');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page), `${width} px`).toEqual([]);
    }
    await page.getByLabel('Identifiering').selectOption({ label: 'Starkt identifierad' });
    await page.getByRole('button', { name: 'Avgränsa' }).click();
    await page.waitForURL(/identification=strong/u);
    expect(await page.getByRole('link', { name: reference }).count()).toBe(1);
    await page.goto(`${server.baseUrl}/sv/staff/requests?identification=unverified`);
    expect(await page.getByRole('link', { name: reference }).count()).toBe(0);
    await context.close();
  });

  it('refuses to send the form without an identification, and a return with a forged state', async () => {
    const body = new FormData();
    for (const [name, value] of Object.entries({
      type: 'access',
      registers: 'helsinki-atj',
      name: 'Ei Tunnistettu',
      email: 'ei@example.com',
      language: 'fi',
    }))
      body.append(name, value);
    const unidentified = await fetch(`${server.baseUrl}/fi/pyynto`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.baseUrl },
      body,
    });
    expect(unidentified.status).toBe(403);
    expect(await unidentified.text()).toContain('Tunnistaudu ennen kuin lähetät pyynnön.');

    const start = await fetch(`${server.baseUrl}/auth/citizen/start?lang=fi`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const forged = await fetch(
      `${server.baseUrl}/auth/citizen/callback?code=forged&state=forged&iss=${encodeURIComponent(provider.issuer)}`,
      {
        redirect: 'manual',
        headers: { cookie },
      },
    );
    expect(forged.status).toBe(403);
  });
});
