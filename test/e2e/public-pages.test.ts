import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { copyContent } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { vnuErrors } from '../support/vnu.ts';

/** A published register whose texts try every trick to run script; the page must show them as text. */
const HOSTILE = `# yaml-language-server: $schema=../schema/register.schema.json
id: hostile-markup
format: gdpr-notice
status: published
example: true
organisation: example-municipality
version: 1
updated: 2026-11-01
title:
  fi: "Rekisteri <script>window.__pwned = 'title'</script>"
  sv: "Register <img src=x onerror=\\"window.__pwned='img'\\">"
purposes:
  description:
    fi: "Katso [tästä](javascript:window.__pwned='link') ja [tuolta](JaVaScRiPt:alert(1)) <svg onload=alert(1)>"
    sv: "<iframe src=javascript:alert(1)></iframe> [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"
  items:
    - fi: "<a href=\\"javascript:alert(1)\\">klikkaa</a>"
      sv: "<b onmouseover=alert(1)>hover</b>"
# The rest makes it a register that passes the publishing checks: only published versions are served.
dataSubjectGroups:
  - name:
      fi: "Asiakkaat <script>window.__pwned = 'group'</script>"
      sv: "Kunder <img src=x onerror=\\"window.__pwned='group'\\">"
legalBasis:
  article6: [e]
sources:
  fromDataSubjectOnly: true
  description:
    fi: Rekisteröidyltä itseltään.
    sv: Av den registrerade själv.
disclosures:
  description:
    fi: Tietoja ei luovuteta säännönmukaisesti.
    sv: Uppgifter lämnas inte ut regelbundet.
transfers:
  outsideEea: false
retention:
  description:
    fi: Kaksi vuotta asiakkuuden päättymisestä.
    sv: Två år efter att kundrelationen upphört.
security:
  description:
    fi: Tiedot suojataan käyttöoikeuksin.
    sv: Uppgifterna skyddas med behörigheter.
automatedDecisions:
  present: false
`;

const PAGES = [
  '/fi/',
  '/sv/',
  '/en/',
  '/fi/?q=verotus&format=information-system',
  '/fi/rekisterit/helsinki-atj',
  '/sv/register/helsinki-atj',
  '/en/registers/helsinki-atj',
  '/fi/rekisterit/example-youth-services',
  '/sv/register/example-youth-services',
  '/en/registers/example-youth-services',
  '/fi/saavutettavuusseloste',
  '/sv/tillganglighetsutlatande',
  '/en/accessibility-statement',
  '/fi/omat-tiedot',
  '/sv/egna-uppgifter',
  '/en/your-data',
  '/fi/ei-tallaista-sivua',
  '/sv/register/no-such-register',
];

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const content = copyContent();
  writeFileSync(path.join(content, 'registers/hostile-markup.yaml'), HOSTILE);
  server = await startServer({ CONTENT_DIR: content, LOG_REQUESTS: '0' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(pathname: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}${pathname}`);
  return page;
}

describe('every public page', () => {
  it.each(PAGES)('%s has no WCAG 2.1 A or AA violation (axe)', async (pathname) => {
    const page = await open(pathname);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('loads with no failed request and no Content-Security-Policy violation, favicon included', async () => {
    for (const pathname of PAGES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/iu.test(message.text())) problems.push(`${pathname}: ${message.text()}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && response.request().resourceType() !== 'document')
          problems.push(`${pathname}: ${response.status()} ${response.url()}`);
      });
      await page.goto(`${server.baseUrl}${pathname}`, { waitUntil: 'load' });
      for (const href of await page
        .locator('link[rel~="icon"]')
        .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href))) {
        const icon = await page.request.get(href);
        if (!icon.ok()) problems.push(`${pathname}: icon ${href} ${icon.status()}`);
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('validates as HTML (Nu HTML Checker), every page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-vnu-'));
    const files = await Promise.all(
      PAGES.map(async (pathname, index) => {
        const file = path.join(dir, `page-${index}.html`);
        writeFileSync(file, await (await fetch(`${server.baseUrl}${pathname}`)).text());
        return file;
      }),
    );
    const errors = vnuErrors(files).map((error) => `${PAGES[files.indexOf(error.file)] ?? error.file}:${error.line}: ${error.message}`);
    expect(errors).toEqual([]);
  });

  it('has one h1, a skip link to the main landmark, and the page language', async () => {
    for (const [pathname, lang] of [
      ['/sv/register/helsinki-atj', 'sv'],
      ['/en/your-data', 'en'],
    ] as const) {
      const page = await open(pathname);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await page.keyboard.press('Tab');
      const skip = page.locator(':focus');
      expect(await skip.getAttribute('href')).toBe('#main');
      expect(await page.locator('main#main').count()).toBe(1);
      await page.context().close();
    }
  });
});

describe('a notice', () => {
  it('switches language to the same register', async () => {
    const page = await open('/fi/rekisterit/helsinki-atj');
    expect(await page.locator('h1').textContent()).toBe('Sosiaalihuollon asiakastietojärjestelmä ATJ');
    await page.getByRole('link', { name: 'På svenska' }).click();
    await page.waitForURL('**/sv/register/helsinki-atj');
    expect(await page.locator('h1').textContent()).toBe('Socialvårdens klientdatasystem ATJ');
    expect(await page.getByRole('heading', { level: 2, name: 'Datasystemets namn' }).count()).toBe(1);
    await page.getByRole('link', { name: 'In English' }).click();
    await page.waitForURL('**/en/registers/helsinki-atj');
    await page.context().close();
  });

  it('says once, at the top, when the notice is not in the reader’s language, and marks the text’s own language', async () => {
    const page = await open('/en/registers/helsinki-atj');
    const section = page.locator('section#purpose');
    expect((await page.locator('.fallback-note').allTextContents()).map((text) => text.replace(/\s+/gu, ' ').trim())).toContain(
      'This notice is not fully available in English. What is missing is shown in: Finnish.',
    );
    expect(await section.locator('.fallback-note').count()).toBe(0);
    expect(await section.locator('[lang="fi"]').first().textContent()).toContain('Asiakastietojärjestelmä toimii apuvälineenä');
    expect(await page.locator('h1').getAttribute('lang')).toBe('fi');
    await page.context().close();
  });

  it('shows the sections of its format in order, with no empty heading', async () => {
    const page = await open('/fi/rekisterit/example-youth-services');
    const headings = await page.locator('article section > h2').allTextContents();
    expect(headings.slice(0, 5)).toEqual([
      'Rekisterinpitäjä',
      'Rekisterin vastuuhenkilö / yhteyshenkilö',
      'Tietosuojavastaava',
      'Rekisterin nimi',
      'Käsittelyn tarkoitus ja oikeusperuste',
    ]);
    expect(headings).toContain('Oikeus tehdä valitus valvontaviranomaiselle');
    for (const section of await page.locator('article section').all())
      expect((await section.innerText()).split('\n').filter(Boolean).length).toBeGreaterThan(1);
    expect(await page.getByText('Tietosuojavaltuutetun toimisto').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it.each([
    ['/fi/rekisterit/example-youth-services', 'https://www.finlex.fi/fi/lainsaadanto/1999/621'],
    ['/sv/register/example-youth-services', 'https://www.finlex.fi/sv/lagstiftning/1999/621'],
    ['/en/registers/example-youth-services', 'https://www.finlex.fi/en/legislation/translations/1999/eng/621'],
  ])('%s links 621/1999 to %s', async (pathname, url) => {
    const page = await open(pathname);
    const hrefs = await page.locator('a.statute').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs).toContain(url);
    expect(hrefs.some((href) => href.startsWith('https://eur-lex.europa.eu/legal-content/'))).toBe(true);
    await page.context().close();
  });

  it('renders script, event handlers and javascript: links in content as inert text', async () => {
    for (const pathname of ['/fi/rekisterit/hostile-markup', '/sv/register/hostile-markup']) {
      const page = await open(pathname);
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await page.locator('section#purpose').hover();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(dialogs).toBe(0);
      const main = page.locator('main');
      expect(await main.locator('script, iframe, svg, img[onerror], [onload], [onmouseover]').count()).toBe(0);
      const hrefs = await main.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => /^\s*(javascript|data|vbscript):/iu.test(href))).toEqual([]);
      expect(await page.locator('h1').textContent()).toMatch(/<script>|<img/u);
      await page.context().close();
    }
  });

  it('prints without the site chrome', async () => {
    const page = await open('/fi/rekisterit/helsinki-atj');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.toc').isVisible()).toBe(false);
    expect(await page.locator('section#dataContent').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the catalogue without JavaScript', () => {
  it('searches on the server and shows the count', async () => {
    const page = await open('/fi/', { javaScriptEnabled: false });
    await page.getByLabel('Hakusana').fill('lastensuojelu');
    await page.getByRole('button', { name: 'Hae' }).click();
    await page.waitForURL(/q=lastensuojelu/u);
    expect((await page.locator('.results-count').textContent())?.trim()).toMatch(/^\d+ rekisteri(ä)? löytyi \(\d+ julkaistusta\)$/u);
    const titles = await page.locator('.register-list h3 a').allInnerTexts();
    expect(titles).toContain('Sosiaalihuollon asiakastietojärjestelmä ATJ');
    await page.context().close();
  });

  it('filters by organisation and by format', async () => {
    const page = await open('/sv/', { javaScriptEnabled: false });
    await page.getByLabel('Organisation').selectOption({ label: 'Helsingfors stad' });
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.waitForURL(/organisation=helsinki/u);
    expect(await page.locator('.register-list h3 a').allInnerTexts()).toEqual(['Socialvårdens klientdatasystem ATJ']);
    await page.goto(`${server.baseUrl}/en/?format=gdpr-notice&q=zzzz-nothing`);
    expect((await page.locator('.results-count').textContent())?.trim()).toBe('0 registers found (of 4 published)');
    expect(await page.getByText('No registers match your search.').count()).toBe(1);
    await page.context().close();
  });
});
