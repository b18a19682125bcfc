import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';
import { vnuErrors } from '../support/vnu.ts';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDirWithUsers(), LOG_REQUESTS: '0' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page at a phone's or a desktop's width (axe needs JavaScript to run; the pages themselves have none). */
async function open(pathname: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}${pathname}`);
  return page;
}

/** The pages seen along the way, for the HTML checker. */
const seen: { name: string; html: string }[] = [];

describe('asking about one own data on the e-form', () => {
  it.each([390, 1280])('the empty form has no WCAG 2.1 A or AA violation at %i px', async (width) => {
    const page = await open('/sv/begaran?register=helsinki-atj', width);
    // It works without JavaScript because it has none: a plain form posted to the server.
    expect(await page.locator('script').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    seen.push({ name: 'form', html: await page.content() });
    await page.context().close();
  });

  let statusUrl: string;
  it('tells what is missing beside each field, then sends the request and shows its status', async () => {
    const page = await open('/sv/begaran?register=helsinki-atj');
    await page.getByLabel('Namn', { exact: true }).fill('Testi Kansalainen');
    await page.getByRole('button', { name: 'Skicka begäran' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Välj vad du vill begära.');
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Testi Kansalainen');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page), `${width} px`).toEqual([]);
    }
    seen.push({ name: 'errors', html: await page.content() });

    await page.getByLabel('Jag vill se mina uppgifter').check();
    await page.getByLabel('E-post').fill('testi.kansalainen@example.com');
    await page.getByLabel('Din begäran med egna ord').fill('Jag vill se vilka uppgifter om mig som finns i ATJ.');
    await page.getByRole('button', { name: 'Skicka begäran' }).click();
    await page.waitForURL(/\/sv\/begaran\/[A-Za-z0-9_-]{43}$/u);
    statusUrl = page.url();
    expect(await page.locator('h1').textContent()).toMatch(/^Begäran TS-\d{4}-\d{6}$/u);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page), `${width} px`).toEqual([]);
    }
    seen.push({ name: 'status', html: await page.content() });

    const href = await page.getByRole('link', { name: /Ladda ner kvittot/u }).getAttribute('href');
    const receipt = await page.request.get(`${server.baseUrl}${href}`);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await receipt.body()).toString('latin1')).toContain('/Lang (sv-FI)');
    await page.context().close();
  });

  it('lands in the staff queue of the organisation, on the e-service channel', async () => {
    const reference = /TS-\d{4}-\d{6}/u.exec(await (await fetch(statusUrl)).text())![0];
    const context = await browser.newContext();
    const { cookie } = await login(server.baseUrl, ROLE_USERS.handler);
    const [name, value] = cookie!.split(';')[0]!.split('=');
    await context.addCookies([{ name: name!, value: value!, url: server.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sv/staff/requests`);
    expect(await page.getByRole('link', { name: reference }).count()).toBe(1);
    await context.close();
  });

  it.each([390, 1280])('the statistics page has no WCAG 2.1 A or AA violation at %i px', async (width) => {
    const page = await open('/sv/statistik?organisation=helsinki', width);
    expect(await axeViolations(page)).toEqual([]);
    if (width === 1280) seen.push({ name: 'statistics', html: await page.content() });
    await page.context().close();
  });

  it('validates as HTML (Nu HTML Checker)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-vnu-eform-'));
    const files = seen.map(({ name, html }) => {
      const file = path.join(dir, `${name}.html`);
      writeFileSync(file, html);
      return file;
    });
    expect(vnuErrors(files).map((error) => `${path.basename(error.file)}:${error.line}: ${error.message}`)).toEqual([]);
  });
});
