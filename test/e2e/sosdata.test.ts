import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, PASSWORD, ROLE_USERS } from '../support/staff.ts';
import { vnuErrors } from '../support/vnu.ts';

let server: RunningServer;
let browser: Browser;
/** The welfare area's informatics officer, who works in Swedish. */
let officer: BrowserContext;

const SOUTH = '/sv/staff/sosdata/notifications/example-welfare-area-south';
/** Every Sosdata page: the list, the readiness overview and a notification, in each language. */
const PAGES = [
  '/sv/staff/sosdata',
  '/fi/staff/sosdata/readiness',
  '/en/staff/sosdata/readiness',
  '/fi/staff/sosdata/notifications/example-welfare-area-north',
  '/en/staff/sosdata/notifications/helsinki-2022',
  SOUTH,
];

beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDirWithUsers(), LOG_REQUESTS: '0' });
  browser = await launchBrowser();
  officer = await browser.newContext({ acceptDownloads: true });
  const page = await officer.newPage();
  await page.goto(`${server.baseUrl}/sv/login`);
  await page.getByLabel('Användarnamn').fill(ROLE_USERS.informatics);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL('**/sv/staff/');
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an informatics officer fills in a municipality group’s Sosdata notification in Swedish', () => {
  it('answers the form section by section, is told what keeps it from being ready, marks it ready and downloads the PDF', async () => {
    const page = await officer.newPage();
    await page.goto(`${server.baseUrl}/sv/staff/sosdata`);
    await page.getByRole('link', { name: 'Eteläinen kuntaryhmä (esimerkki)' }).click();
    await page.waitForURL(`**${SOUTH}`);
    // Questions 24–28 are for actors with a separate delivery only, and the group archives in Kanta.
    expect(await page.locator('#q24').count()).toBe(0);

    await page.getByLabel(/^23\. Uppgifter om serviceuppgifternas socialservice/u).selectOption({ label: 'Separat leverans' });
    await page.getByLabel(/^30\. Önskar ni separata diskussioner/u).selectOption({ label: 'Obesvarad' });
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.waitForURL(`**${SOUTH}`);
    expect(await page.getByRole('status').innerText()).toBe('Svaren sparades som utkast. Hinder för att märka anmälan klar: 1.');
    expect(await page.locator('.sosdata-problems li').allInnerTexts()).toEqual(['Fråga 30: Fråga 30 är obligatorisk men obesvarad.']);

    // A draft that breaks the form's rules cannot be marked ready, and the message names the question.
    await page.getByRole('button', { name: 'Märk som klar' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Anmälan kan inte märkas klar: 1 problem måste rättas.');
    expect(await page.locator('.sosdata-problems li').allInnerTexts()).toEqual(['Fråga 30: Fråga 30 är obligatorisk men obesvarad.']);

    // Now that the delivery is separate, questions 24–28 are shown.
    const decisions = page.getByRole('group', { name: /^24\. / });
    await decisions.getByLabel('Positivt servicebeslut som fattats under uppföljningsperioden').selectOption('yes');
    await decisions.getByLabel('Negativt servicebeslut').selectOption('needs-review');
    const services = page.getByRole('group', { name: /^28\. / });
    await services.getByLabel('Hemservice').selectOption({ label: 'Huvudsakligen' });
    await services.getByLabel('Socialt arbete').selectOption({ label: 'Delvis' });
    await page.getByLabel(/^30\. Önskar ni separata diskussioner/u).selectOption({ label: 'Ja' });
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.waitForURL(`**${SOUTH}`);
    expect(await page.getByRole('status').innerText()).toBe('Svaren sparades som utkast. Hinder för att märka anmälan klar: 0.');

    // Question 31 follows a "Ja" in question 30.
    await page
      .getByLabel(/^31\. Under diskussionerna vill vi särskilt diskutera följande/u)
      .fill('Tidtabellen för den separata leveransen.');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.waitForURL(`**${SOUTH}`);
    await page.getByRole('button', { name: 'Märk som klar' }).click();
    await page.waitForURL(`**${SOUTH}`);
    expect(await page.getByRole('status').innerText()).toBe('Anmälan märktes klar.');
    expect(await page.locator('.facts').innerText()).toContain('Klar');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF på svenska' }).click()]);
    expect(download.suggestedFilename()).toBe('example-welfare-area-south-sv.pdf');
    const pdf = await readPdf(new Uint8Array(readFileSync((await download.path())!)));
    expect(pdf).toMatchObject({ language: 'sv-FI', marked: true });
    expect(pdf.text).toContain('Anmälan om överföring av uppgifter till Socialvårdens uppföljningsregister Sosdata');
    expect(pdf.text).toContain('Tidtabellen för den separata leveransen.');
    expect(pdf.text).toContain('Hemservice');
    await page.close();
  });

  it('sees the group in the readiness overview, as a chart and as a table', async () => {
    const page = await officer.newPage();
    await page.goto(`${server.baseUrl}/sv/staff/sosdata/readiness`);
    expect(await page.getByRole('img', { name: 'Socialservice × kommungrupper' }).count()).toBe(1);
    const table = page.getByRole('table', { name: 'Socialservice × kommungrupper som tabell' });
    const row = table.getByRole('row', { name: /^Hemservice/u });
    expect(await row.getByRole('cell').allInnerTexts()).toContain('Huvudsakligen');
    await page.close();
  });
});

describe('the registers of a client information system', () => {
  it('links the register from question 5, and lists the groups that use its system on the register’s staff page only', async () => {
    const page = await officer.newPage();
    await page.goto(`${server.baseUrl}/en/staff/sosdata/notifications/helsinki-2022`);
    expect(await page.getByRole('link', { name: 'Sosiaalihuollon asiakastietojärjestelmä ATJ' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /^Sosdata municipality groups/u }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/en/staff/registers/helsinki-atj`);
    const groups = page.getByRole('region', {
      name: 'Sosdata municipality groups that use the system of Sosiaalihuollon asiakastietojärjestelmä ATJ',
    });
    expect(await groups.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^helsinki-2022 ?– Draft, THL’s deadline 4 April 2022$/u),
    ]);
    await page.close();
  });
});

describe('bad input and other roles', () => {
  it('refuses an e-mail address that is not one, naming the question in Swedish and keeping what was typed', async () => {
    const page = await officer.newPage();
    await page.goto(`${server.baseUrl}/sv/staff/sosdata/notifications/helsinki-2022`);
    await page.getByLabel('E-post').fill('inte en adress');
    const response = page.waitForResponse((candidate) => candidate.request().method() === 'POST');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    expect((await response).status()).toBe(400);
    expect(await page.getByRole('alert').innerText()).toContain('Fråga 1: E-postadressen "inte en adress" duger inte: skriv den som');
    expect(await page.getByLabel('E-post').inputValue()).toBe('inte en adress');
    await page.close();
  });

  it('lets an auditor read a notification but not change it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/fi/login`);
    await page.getByLabel('Käyttäjätunnus').fill(ROLE_USERS.auditor);
    await page.getByLabel('Salasana').fill(PASSWORD);
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.waitForURL('**/fi/staff/');
    await page.goto(`${server.baseUrl}/fi/staff/sosdata/notifications/example-welfare-area-north`);
    expect(await page.getByText('Voit lukea ilmoituksen mutta et muokata sitä.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Tallenna luonnos' }).count()).toBe(0);
    const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const post = await fetch(`${server.baseUrl}/fi/staff/sosdata/notifications/example-welfare-area-north`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'draft', version: '1' }),
    });
    expect(post.status).toBe(403);
    await context.close();
  });
});

describe('the Sosdata pages', () => {
  for (const width of [390, 1280]) {
    it.each(PAGES)(`%s has no WCAG 2.1 A or AA violation at ${width} px (axe)`, async (pathname) => {
      const page = await officer.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.baseUrl}${pathname}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('validate as HTML (Nu HTML Checker)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-vnu-sosdata-'));
    const cookie = (await officer.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const files = await Promise.all(
      PAGES.map(async (pathname, index) => {
        const file = path.join(dir, `sosdata-${index}.html`);
        writeFileSync(file, await (await fetch(`${server.baseUrl}${pathname}`, { headers: { cookie } })).text());
        return file;
      }),
    );
    expect(vnuErrors(files).map((error) => `${PAGES[files.indexOf(error.file)]}:${error.line}: ${error.message}`)).toEqual([]);
  });
});
