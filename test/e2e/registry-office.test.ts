import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInFinland } from '../../src/domain/calendar.ts';
import { openStore } from '../../src/store/index.ts';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { ROOT, selosteAsync } from '../support/cli.ts';
import { readPdf } from '../support/pdf.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { ALL_ROLES_USER, dataDirWithUsers, PASSWORD, ROLE_USERS } from '../support/staff.ts';

// A second fictional register of the example city, kept by another unit than the youth services' register.
const LIBRARY = `id: example-library-customers
format: gdpr-notice
status: published
example: true
organisation: example-municipality
version: 3
published: 2026-01-15
updated: 2026-11-02
title:
  fi: Kirjaston asiakasrekisteri (esimerkki)
  sv: Bibliotekets kundregister (exempel)
responsible:
  unit:
    fi: Kulttuuripalvelut, kirjasto
    sv: Kulturtjänster, biblioteket
  person:
    title: { fi: Kirjastotoimenjohtaja, sv: Bibliotekschef }
    email: kirjasto@example.com
purposes:
  description:
    fi: Asiakkuuksien ja lainausten hoitaminen.
    sv: Skötsel av kundrelationer och lån.
legalBasis:
  article6: [e]
dataContent:
  groups:
    - items:
        - { fi: nimi ja yhteystiedot, sv: namn och kontaktuppgifter }
sources:
  description: { fi: Asiakkaalta itseltään., sv: Av kunden själv. }
disclosures:
  description: { fi: Tietoja ei luovuteta säännönmukaisesti., sv: Uppgifter lämnas inte ut regelmässigt. }
transfers:
  outsideEea: false
retention:
  rules:
    - data: { fi: asiakastiedot, sv: kunduppgifter }
      period: P3Y
      trigger: { fi: viimeisestä lainasta, sv: från det senaste lånet }
automatedDecisions:
  present: false
`;

const mails: { to: string; text: string }[] = [];
let smtp: SMTPServer;
let server: RunningServer;
let browser: Browser;
let env: NodeJS.ProcessEnv;

async function signIn(username: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/sv/login`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL('**/sv/staff/');
  await page.close();
  return context;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((address) => address.address).join(','), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-content-')), 'content');
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  writeFileSync(path.join(content, 'registers', 'example-library-customers.yaml'), LIBRARY);
  const dataDir = dataDirWithUsers();
  const store = await openStore({ dataDir });
  await store.settings.set('*', 'reviewBeforeSending', true);
  await store.close();
  env = {
    DATA_DIR: dataDir,
    CONTENT_DIR: content,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String((smtp.server.address() as { port: number }).port),
    SMTP_FROM: 'kirjaamo@example.com',
  };
  server = await startServer({ ...env, LOG_REQUESTS: '0' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

async function dataRequest(page: Page, register: string, email: string, due: string) {
  await page.getByLabel('Register', { exact: true }).selectOption({ label: register });
  await page.getByLabel('Ansvarig eller kontaktperson').fill(register);
  await page.getByLabel('E-post', { exact: true }).fill(email);
  await page.getByLabel('Intern tidsfrist').fill(due);
  await page.getByRole('button', { name: 'Förbered begäran om uppgifter' }).click();
  await page.getByRole('button', { name: `Skicka per e-post: ${register}` }).click();
}

describe('a Swedish-speaking person’s access request about two registers of different units', () => {
  it('sends two data requests, reminds the late owner, gets a second handler’s approval, and replies from both registers', async () => {
    const handler = await signIn(ROLE_USERS.handler);
    const page = await handler.newPage();
    await page.goto(`${server.baseUrl}/sv/staff/requests/new`);
    await page.getByLabel('Typ av begäran').selectOption('access');
    // Received ten days ago: the youth services' internal due date has passed, the library's has not.
    const today = todayInFinland();
    await page.getByLabel('Mottagningsdag').fill(addDays(today, -10));
    await page.getByLabel('Den registrerades namn').fill('Testi Henkilö');
    await page.getByLabel('Postadress').fill('Exempelgatan 5 A 3\n00100 Helsingfors');
    await page.getByLabel('Kontaktspråk').selectOption('sv');
    await page.getByLabel('Klientregistret för tjänster för unga och familjer (exempel)').check();
    await page.getByLabel('Bibliotekets kundregister (exempel)').check();
    await page.getByLabel('Diarienummer', { exact: true }).fill('EXB/123/2026');
    await page.getByRole('button', { name: /Registrera begäran/u }).click();
    await page.waitForURL(/\/sv\/staff\/requests\/TS-\d{4}-\d{6}$/u);
    const reference = page.url().split('/').at(-1)!;
    expect(await page.locator('dl.fields').innerText()).toContain('EXB/123/2026');

    await dataRequest(page, 'Klientregistret för tjänster för unga och familjer (exempel)', 'nuoriso@example.com', addDays(today, -8));
    await dataRequest(page, 'Bibliotekets kundregister (exempel)', 'kirjasto@example.com', addDays(today, 5));
    expect(mails.map((mail) => mail.to).sort()).toEqual(['kirjasto@example.com', 'nuoriso@example.com']);

    // The youth services' answer is late: the daily run reminds them (and only them), once.
    const remind = await selosteAsync(['remind', '--lang', 'en'], env);
    expect(remind.stdout).toContain('1 reminder sent');
    expect(mails.filter((mail) => mail.to === 'nuoriso@example.com')).toHaveLength(2);
    await page.reload();
    await page
      .getByLabel('Beskrivning av svaret (valfri): Klientregistret för tjänster för unga och familjer (exempel)')
      .fill('Utdrag mottaget');
    await page
      .getByRole('button', { name: 'Registrera svaret som mottaget: Klientregistret för tjänster för unga och familjer (exempel)' })
      .click();
    await page.getByRole('button', { name: 'Registrera svaret som mottaget: Bibliotekets kundregister (exempel)' }).click();
    expect(await page.locator('.data-requests').innerText()).toContain('Besvarad försenad');

    await page.getByLabel('Flytta till status').selectOption('in-progress');
    await page.getByRole('button', { name: 'Flytta', exact: true }).click();
    await page.locator('#reply-example-youth-services').check();
    await page.locator('#reply-example-library-customers').check();
    await page.getByRole('button', { name: 'Spara registren' }).click();
    await page.getByLabel('Avgörande', { exact: true }).selectOption('granted');
    await page.getByRole('button', { name: 'Registrera avgörandet' }).click();
    await page.locator('#kind').selectOption('decision');
    await page.getByLabel('Undertecknarens titel').fill('registrator');
    await page.getByRole('button', { name: 'Förbered brevet på den registrerades språk' }).click();
    expect(await page.getByText('väntar på godkännande av en annan handläggare').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const reviewer = await signIn(ALL_ROLES_USER);
    const review = await reviewer.newPage();
    await review.goto(`${server.baseUrl}/sv/staff/requests/${reference}`);
    await review.getByRole('button', { name: 'Godkänn beslutet och brevet' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Registrera som skickat' }).click();

    const href = await page.locator('a[type="application/pdf"]').first().getAttribute('href');
    const cookie = (await handler.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const letter = await readPdf(new Uint8Array(await (await fetch(`${server.baseUrl}${href}`, { headers: { cookie } })).arrayBuffer()));
    expect(letter).toMatchObject({ language: 'sv-FI', marked: true });
    expect(letter.roles.get('P')).toBeGreaterThan(3);
    expect(letter.text).toContain('Testi Henkilö Exempelgatan 5 A 3 00100 Helsingfors');
    expect(letter.text).toContain('Exempelby stad (exempel)');
    expect(letter.text).toContain('EXB/123/2026');
    expect(letter.text).toContain('Personuppgifterna behandlas för att planera, genomföra');
    expect(letter.text).toContain('Skötsel av kundrelationer och lån.');
    expect(letter.text).toContain('Förvaringstiden bestäms av vilken personuppgiftsansvarigs');
    expect(letter.text).toContain('kunduppgifter: 3 år: från det senaste lånet');
    expect(letter.text).toContain('publicerad version 1');
    expect(letter.text).toContain('Med vänliga hälsningar');
    expect(letter.text).not.toContain('Seloste');
    expect(letter.text).not.toMatch(/Käsittelyn|Ystävällisin/u);
    await reviewer.close();
    await handler.close();
  });
});
