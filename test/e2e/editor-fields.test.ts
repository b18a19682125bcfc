import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { copyContent, seloste } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { PASSWORD } from '../support/staff.ts';
import { vnuErrors } from '../support/vnu.ts';

let server: RunningServer;
let browser: Browser;
let dora: BrowserContext;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'seloste-data-'));
  const added = seloste(
    ['user', 'add', '--username', 'dora.dpo', '--role', 'dpo', '--org', 'helsinki', '--lang', 'fi'],
    { DATA_DIR: dataDir, SELOSTE_SCRYPT_LOG_N: '14' },
    `${PASSWORD}\n`,
  );
  if (added.status !== 0) throw new Error(added.stderr);
  server = await startServer({ DATA_DIR: dataDir, CONTENT_DIR: copyContent(), LOG_REQUESTS: '0' });
  browser = await launchBrowser();
  dora = await browser.newContext();
  const page = await dora.newPage();
  await page.goto(`${server.baseUrl}/fi/login`);
  await page.getByLabel('Käyttäjätunnus').fill('dora.dpo');
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await page.waitForURL('**/fi/staff/');
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(pathname: string, width = 1280): Promise<Page> {
  const page = await dora.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${server.baseUrl}${pathname}`);
  return page;
}

/** Submits the page's form with a button and waits for the answer to load, whether a redirect or a refusal. */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button, exact: true }).click()]);
}

describe('a statute reference in the register editor', () => {
  it('is read as it is typed, with its Finlex or EUR-Lex link announced, and checked again on save', async () => {
    const page = await open('/fi/staff/registers/helsinki-atj/edit');
    const ref = page.getByLabel('confidentiality.legalBasis[0].ref');
    const check = page.locator('#v-confidentiality-legalBasis-0-ref-check');
    expect(await check.getAttribute('aria-live')).toBe('polite');
    expect(await check.innerText()).toContain('Tulkittu: 621/1999 24 §.');

    await ref.fill('1050/2018 34§');
    await expect.poll(() => check.innerText()).toContain('Tulkittu: 1050/2018 34 §.');
    expect(await check.getByRole('link', { name: 'Avaa Finlexissä' }).getAttribute('href')).toBe(
      'https://www.finlex.fi/fi/lainsaadanto/2018/1050',
    );
    await ref.fill('32016R0679 art. 6(1)(e)');
    await expect.poll(() => check.innerText()).toContain('Tulkittu: CELEX:32016R0679 art. 6(1)(e).');
    expect(await check.getByRole('link', { name: 'Avaa EUR-Lexissä' }).getAttribute('href')).toBe(
      'https://eur-lex.europa.eu/legal-content/FI/TXT/?uri=CELEX:32016R0679',
    );
    await ref.fill('tietosuojalaki');
    await expect.poll(() => check.innerText()).toContain('Viittausta ei tunnistettu');
    expect(await check.innerText()).toContain('621/1999 24 §');
    expect(await ref.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // The server refuses it too, at its field, and keeps what was typed.
    await submit(page, 'Tallenna');
    const error = page.locator('#v-confidentiality-legalBasis-0-ref-error');
    expect(await error.innerText()).toContain('Virheellinen säädösviittaus “tietosuojalaki”');
    expect(await page.getByLabel('confidentiality.legalBasis[0].ref').inputValue()).toBe('tietosuojalaki');
    expect(await page.locator('#v-confidentiality-legalBasis-0-ref-check').innerText()).toContain('Viittausta ei tunnistettu');
    await page.close();
  });
});

describe('the organisation editor', () => {
  it.each([390, 1280])('lists and edits an organisation with no WCAG 2.1 A or AA violation at %i px (axe)', async (width) => {
    const list = await open('/fi/staff/organisations', width);
    expect(await axeViolations(list)).toEqual([]);
    await list.getByRole('link', { name: 'Helsingin kaupunki' }).click();
    await list.waitForURL('**/fi/staff/organisations/helsinki');
    expect(await axeViolations(list)).toEqual([]);
    await list.close();
  });

  it('refuses an accent colour below AA contrast at its field, keeping what was typed, then saves a darker one', async () => {
    const page = await open('/fi/staff/organisations/helsinki');
    // Texts are shown exactly as saved, with no indentation of the page's markup inside them.
    expect(await page.locator('textarea[name="t:fi:[\\"name\\"]"]').inputValue()).toBe('Helsingin kaupunki');
    await page.getByLabel('accent', { exact: true }).fill('#7fb2e5');
    await page.getByLabel('kind').selectOption('joint-authority');
    await submit(page, 'Tallenna organisaatio');
    expect(await page.locator('#v-accent-error').innerText()).toContain('Korostusvärin “#7fb2e5” kontrasti taustaväriin #ffffff');
    expect(await page.getByLabel('accent', { exact: true }).inputValue()).toBe('#7fb2e5');
    expect(await page.getByLabel('kind').inputValue()).toBe('joint-authority');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.getByLabel('accent', { exact: true }).fill('#004080');
    await submit(page, 'Tallenna organisaatio');
    expect(page.url()).toBe(`${server.baseUrl}/fi/staff/organisations/helsinki`);
    expect(await page.getByRole('status').innerText()).toBe('Organisaation tiedot tallennettiin.');
    expect(await page.getByLabel('accent', { exact: true }).inputValue()).toBe('#004080');
    expect(await page.getByLabel('kind').inputValue()).toBe('joint-authority');
    await page.close();
  });

  it('pages validate as HTML (Nu HTML Checker)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-vnu-fields-'));
    const cookie = (await dora.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const pages = ['/fi/staff/organisations', '/sv/staff/organisations/helsinki', '/en/staff/registers/helsinki-atj/edit'];
    const files = await Promise.all(
      pages.map(async (pathname, index) => {
        const file = path.join(dir, `fields-${index}.html`);
        writeFileSync(file, await (await fetch(`${server.baseUrl}${pathname}`, { headers: { cookie } })).text());
        return file;
      }),
    );
    expect(vnuErrors(files).map((error) => `${pages[files.indexOf(error.file)]}:${error.line}: ${error.message}`)).toEqual([]);
  });
});
