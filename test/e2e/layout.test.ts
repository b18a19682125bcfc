import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { ROOT } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { ALL_ROLES_USER, dataDirWithUsers, PASSWORD } from '../support/staff.ts';
import { vnuErrors } from '../support/vnu.ts';

/** Screenshots land here (git-ignored), for a person to look at: `<page>-<width>.png`. */
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** A phone (iPhone 12–15) and a laptop. */
const WIDTHS = [390, 1280] as const;

/** The main public pages, a staff page and the login page, by a short name for the screenshot. */
const PAGES: { name: string; path: string; staff?: boolean }[] = [
  { name: 'catalogue-fi', path: '/fi/' },
  { name: 'catalogue-sv', path: '/sv/' },
  { name: 'notice-fi', path: '/fi/rekisterit/example-youth-services' },
  { name: 'notice-sv', path: '/sv/register/helsinki-atj' },
  { name: 'notice-fi-helsinki', path: '/fi/rekisterit/helsinki-atj' },
  { name: 'your-data-sv', path: '/sv/egna-uppgifter' },
  { name: 'accessibility-fi', path: '/fi/saavutettavuusseloste' },
  { name: 'login-fi', path: '/fi/login' },
  { name: 'staff-requests-fi', path: '/fi/staff/requests', staff: true },
  { name: 'staff-reports-sv', path: '/sv/staff/reports', staff: true },
];

let server: RunningServer;
let browser: Browser;
/** A signed-in session's cookies, for the staff pages. */
let cookies: Awaited<ReturnType<BrowserContext['cookies']>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ DATA_DIR: dataDirWithUsers(), LOG_REQUESTS: '0' });
  browser = await launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/fi/login`);
  await page.getByLabel('Käyttäjätunnus').fill(ALL_ROLES_USER);
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await page.waitForURL('**/fi/staff/');
  cookies = await context.cookies();
  await context.close();
  // Six accounts made with the CLI, a server start and a sign-in: slow on a busy two-core machine.
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(pathname: string, width: number, staff = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 800 } });
  if (staff) await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}${pathname}`);
  return page;
}

/** Elements wider than the window, outside a table's own scrolling region: what makes a phone scroll sideways. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((element) => !element.closest('.table-wrap') && element.getBoundingClientRect().right > limit + 1)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}: ${element.textContent?.slice(0, 40)}`);
  });
}

describe.each(WIDTHS)('at %i px', (width) => {
  it.each(PAGES)('$name fits the window, has no axe violation and is saved as a screenshot', async ({ name, path: pathname, staff }) => {
    const page = await open(pathname, width, staff);
    expect(page.url()).toContain(pathname);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await overflowing(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('validates as HTML (Nu HTML Checker), every page as the browser has it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-vnu-layout-'));
    const files: string[] = [];
    for (const { path: pathname, staff } of PAGES) {
      const page = await open(pathname, width, staff);
      const file = path.join(dir, `page-${files.length}.html`);
      writeFileSync(file, await page.content());
      files.push(file);
      await page.context().close();
    }
    const errors = vnuErrors(files).map((error) => `${PAGES[files.indexOf(error.file)]?.path}:${error.line}: ${error.message}`);
    expect(errors).toEqual([]);
    // Ten pages in a browser and one Java start: on a busy two-core machine this takes more than a minute.
  }, 180_000);
});

describe('at 320 px, the narrowest phone', () => {
  it('every page still fits the window', async () => {
    for (const { path: pathname, staff } of PAGES) {
      const page = await open(pathname, 320, staff);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), pathname).toBeLessThanOrEqual(320);
      expect(await overflowing(page), pathname).toEqual([]);
      await page.context().close();
    }
  });
});

describe('label and value rows', () => {
  /** Where each label's value starts, relative to the label: below it (stacked) or beside it. */
  async function valuePlacement(width: number): Promise<{ below: number; beside: number }> {
    const page = await open('/sv/register/helsinki-atj', width);
    const placement = await page.locator('.fields > div').evaluateAll((rows) =>
      rows.map((row) => {
        const label = row.querySelector('dt')!.getBoundingClientRect();
        const value = row.querySelector('dd')!.getBoundingClientRect();
        return value.top >= label.bottom - 1 ? 'below' : 'beside';
      }),
    );
    await page.context().close();
    return { below: placement.filter((p) => p === 'below').length, beside: placement.filter((p) => p === 'beside').length };
  }

  it('stack on a phone, so a long value keeps the whole width', async () => {
    expect(await valuePlacement(390)).toMatchObject({ beside: 0 });
  });

  it('stand side by side on a wide screen', async () => {
    expect(await valuePlacement(1280)).toMatchObject({ below: 0 });
  });

  it('never break a word of the registry office’s name in two on a phone', async () => {
    const page = await open('/sv/register/helsinki-atj', 390);
    const value = page.locator('.ask .fields dd').first();
    expect(await value.innerText()).toBe('Helsingfors stads registratorskontor');
    // One line: the name fits the stacked row, so no word is split.
    const lines = await value.evaluate((element) =>
      Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)),
    );
    expect(lines).toBe(1);
    await page.context().close();
  });
});

describe('a wide table', () => {
  it('scrolls inside a focusable region named by its caption', async () => {
    const page = await open('/fi/rekisterit/example-youth-services', 390);
    const tables = page.locator('main table');
    expect(await tables.count()).toBeGreaterThan(0);
    for (const table of await tables.all()) {
      const region = table.locator('xpath=..');
      expect(await region.getAttribute('role')).toBe('region');
      expect(await region.getAttribute('tabindex')).toBe('0');
      const captionId = await table.locator('caption').getAttribute('id');
      expect(captionId).toBeTruthy();
      expect(await region.getAttribute('aria-labelledby')).toBe(captionId);
      expect(await region.evaluate((element) => getComputedStyle(element).overflowX)).toBe('auto');
    }
    await page.context().close();
  });
});

describe('one path to ask', () => {
  it('the catalogue leads to the e-form and to the registry offices', async () => {
    const page = await open('/sv/', 390);
    const ask = page.getByRole('region', { name: 'Dina egna uppgifter' });
    expect(await ask.getByRole('link', { name: 'Fråga om dina uppgifter' }).getAttribute('href')).toBe('/sv/begaran');
    expect(await ask.getByRole('link', { name: 'Så här frågar du, steg för steg' }).getAttribute('href')).toBe('/sv/egna-uppgifter');
    expect(await ask.getByRole('link', { name: 'Registratorskontorens kontaktuppgifter' }).getAttribute('href')).toBe(
      '/sv/egna-uppgifter#offices-heading',
    );
    await page.context().close();
  });

  it('every notice asks about this register, with its registry office', async () => {
    const page = await open('/fi/rekisterit/helsinki-atj', 1280);
    const ask = page.getByRole('region', { name: 'Omat tietosi' });
    expect(await ask.getByRole('link', { name: 'Kysy omista tiedoistasi' }).getAttribute('href')).toBe('/fi/pyynto?register=helsinki-atj');
    expect(await ask.locator('.fields').innerText()).toContain('helsinki.kirjaamo@hel.fi');
    // Before the contents: a reader sees it without scrolling through the sections.
    const [askTop, tocTop] = await Promise.all([ask.boundingBox(), page.locator('nav.toc').boundingBox()]);
    expect(askTop!.y).toBeLessThan(tocTop!.y);
    await page.context().close();
  });

  it('the how-to page starts with the steps, and the law comes last', async () => {
    const page = await open('/fi/omat-tiedot', 1280);
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings[0]).toBe('Kysy kolmessa vaiheessa');
    expect(headings.indexOf('Pyyntösi lainsäädännöllinen perusta')).toBe(headings.length - 2);
    expect(headings.at(-1)).toBe('Kirjaamot');
    await page.context().close();
  });
});

describe('a notice as a document', () => {
  it('has the organisation’s name mark and accent over it, and no success-coloured box around it', async () => {
    const page = await open('/sv/register/helsinki-atj', 1280);
    const article = page.locator('article.notice');
    expect(await article.getAttribute('class')).toContain('org-helsinki');
    expect(await page.locator('.masthead').innerText()).toBe('Helsingfors');
    expect(await page.locator('.notice-header').evaluate((element) => getComputedStyle(element).borderTopColor)).toBe('rgb(0, 0, 191)');
    expect(
      await article.evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).borderLeftWidth]),
    ).toEqual(['rgba(0, 0, 0, 0)', '0px']);
    await page.context().close();
  });

  it('prints as the document alone: no header, contents or call to action', async () => {
    const page = await open('/fi/rekisterit/helsinki-atj', 1280);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.ask').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', path: path.join(SHOTS, 'notice-fi-print.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });
});

describe('example content', () => {
  it('carries a visible “Example” badge in the catalogue, and real registers none', async () => {
    const page = await open('/en/', 1280);
    const example = page.locator('.register-list > li', { hasText: 'youth and family services' });
    expect(await example.locator('.tag-example').innerText()).toBe('Example');
    expect(await page.locator('.register-list > li', { hasText: 'ATJ' }).locator('.tag-example').count()).toBe(0);
    await page.context().close();
  });

  it('says on the notice that the organisation and the register are fictional', async () => {
    const page = await open('/sv/register/example-youth-services', 390);
    expect(await page.locator('.notice-header .tag-example').innerText()).toBe('Exempel');
    expect(await page.getByRole('note').filter({ hasText: 'Fiktivt exempel' }).isVisible()).toBe(true);
    const helsinki = await open('/sv/register/helsinki-atj', 390);
    expect(await helsinki.getByText('Fiktivt exempel').count()).toBe(0);
    await page.context().close();
    await helsinki.context().close();
  });
});

describe('organisations’ accents and logos', () => {
  it('come as a cacheable stylesheet of classes, since no inline style is allowed', async () => {
    const response = await fetch(`${server.baseUrl}/theme.css`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = response.headers.get('etag');
    expect(await response.text()).toContain('.org-helsinki{--accent:#0000bf}');
    expect((await fetch(`${server.baseUrl}/theme.css`, { headers: { 'if-none-match': etag! } })).status).toBe(304);
  });

  it('serve only logos that an organisation file names', async () => {
    expect((await fetch(`${server.baseUrl}/logos/nothing.png`)).status).toBe(404);
  });
});
