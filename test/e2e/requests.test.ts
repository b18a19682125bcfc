import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, PASSWORD, ROLE_USERS } from '../support/staff.ts';
import { vnuErrors } from '../support/vnu.ts';

let server: RunningServer;
let browser: Browser;
let handler: BrowserContext;

async function signIn(username: string, lang: 'fi' | 'sv'): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/${lang}/login`);
  await page.getByLabel(lang === 'fi' ? 'Käyttäjätunnus' : 'Användarnamn').fill(username);
  await page.getByLabel(lang === 'fi' ? 'Salasana' : 'Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: lang === 'fi' ? 'Kirjaudu' : 'Logga in' }).click();
  await page.waitForURL(`**/${lang}/staff/`);
  await page.close();
  return context;
}

beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDirWithUsers(), LOG_REQUESTS: '0' });
  browser = await launchBrowser();
  handler = await signIn(ROLE_USERS.handler, 'fi');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logRequest(page: Page, fields: { name: string; hetu?: string; details?: string; received?: string }): Promise<string> {
  await page.goto(`${server.baseUrl}/fi/staff/requests/new`);
  await page.getByLabel('Pyynnön laji').selectOption('access');
  if (fields.received) await page.getByLabel('Vastaanottopäivä').fill(fields.received);
  await page.getByLabel('Pyytäjän nimi').fill(fields.name);
  if (fields.hetu) await page.getByLabel('Henkilötunnus').fill(fields.hetu);
  await page.getByLabel('Sähköposti').fill('testi.henkilo@example.com');
  await page.getByLabel('Sosiaalihuollon asiakastietojärjestelmä ATJ').check();
  if (fields.details) await page.getByLabel('Lisätiedot').fill(fields.details);
  await page.getByRole('button', { name: 'Kirjaa pyyntö' }).click();
  await page.waitForURL(/\/fi\/staff\/requests\/TS-\d{4}-\d{6}$/u);
  return page.url().split('/').at(-1)!;
}

describe('a handler works a request from intake to decision', () => {
  it('logs, verifies identity, extends and decides, and finds it all in the audit log', async () => {
    const page = await handler.newPage();
    const reference = await logRequest(page, { name: 'Testi Henkilö', hetu: '131052-308T', received: '2026-10-30' });
    expect(await page.locator('h1').innerText()).toBe(`Pyyntö ${reference}`);
    expect(await page.locator('.hetu').innerText()).toBe('131052-****');
    expect(await page.getByText('vastaanotettu 30.10.2026; kuukauden määräaika päättyy 30.11.2026').count()).toBe(1);

    await page.getByRole('button', { name: 'Näytä henkilötunnus (kirjataan lokiin)' }).click();
    expect(await page.locator('.hetu').innerText()).toBe('131052-308T');

    await page.getByLabel('Siirrä tilaan').selectOption('identity-pending');
    await page.getByRole('button', { name: 'Siirrä', exact: true }).click();
    await page.getByLabel('Henkilöllisyys todennettu').selectOption('strong-electronic');
    await page.getByRole('button', { name: 'Kirjaa todennus' }).click();
    expect(await page.getByText('käsittelyssä', { exact: true }).count()).toBeGreaterThan(0);

    // Told on the due date is too late: the extension is refused with a reason, and what was typed stays.
    await page.getByLabel('Pidennyksen syy').fill('Pyyntö koskee useita vuosia.');
    await page.getByLabel('Pyytäjälle ilmoitettu').fill('2026-11-30');
    await page.getByRole('button', { name: 'Pidennä määräaikaa' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('ennen alkuperäistä määräpäivää');
    expect(await page.getByLabel('Pidennyksen syy').inputValue()).toBe('Pyyntö koskee useita vuosia.');
    await page.getByLabel('Pyytäjälle ilmoitettu').fill('2026-11-20');
    await page.getByRole('button', { name: 'Pidennä määräaikaa' }).click();
    expect(await page.getByText('Pyytäjälle ilmoitettu 20.11.2026: Pyyntö koskee useita vuosia.').count()).toBe(1);

    await page.getByLabel('Ratkaisu').selectOption('granted');
    await page.getByRole('button', { name: 'Kirjaa ratkaisu' }).click();
    const timeline = await page.locator('ol.timeline').innerText();
    for (const action of [
      'pyyntö kirjattu',
      'henkilötunnus näytetty',
      'henkilöllisyys todennettu',
      'määräaikaa pidennetty',
      'pyyntö ratkaistu',
    ])
      expect(timeline).toContain(action);

    await page.getByLabel('Kirje', { exact: true }).selectOption('decision');
    await page.getByLabel('Allekirjoittajan virkanimike').fill('kirjaamosihteeri');
    await page.getByRole('button', { name: 'Valmistele kirje pyytäjän kielellä' }).click();
    // The handler sees the final text and edits it before it is recorded as sent.
    const text = page.getByLabel('Kirjeen lopullinen teksti');
    await text.fill((await text.inputValue()).replace('Ratkaisu: hyväksytty.', 'Ratkaisu: hyväksytty. Tiedot ovat liitteenä.'));
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByRole('button', { name: 'Kirjaa lähetetyksi' }).click();
    const href = await page.locator('a[type="application/pdf"]').first().getAttribute('href');
    expect(href).toBe(`/fi/staff/letters/${reference}-0.pdf`);
    const cookie = (await handler.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const response = await fetch(`${server.baseUrl}${href}`, { headers: { cookie } });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const letter = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(letter).toMatchObject({ title: 'Päätös', language: 'fi-FI', marked: true });
    expect(letter.text).toContain(reference);
    expect(letter.text).toContain('Ratkaisu: hyväksytty. Tiedot ovat liitteenä.');
    expect(letter.text).toContain('kirjaamosihteeri');
    expect(letter.text).toContain('Tietosuojavaltuutetun toimistolle');
    expect((await fetch(`${server.baseUrl}${href}`, { redirect: 'manual' })).status).toBe(303);

    const auditor = await signIn(ROLE_USERS.auditor, 'sv');
    const audit = await auditor.newPage();
    await audit.goto(`${server.baseUrl}/sv/staff/audit`);
    const auditText = await audit.locator('table').innerText();
    for (const action of [
      'begäran registrerad',
      'personbeteckningen visad',
      'identiteten verifierad',
      'tidsfristen förlängd',
      'begäran avgjord',
    ])
      expect(auditText).toContain(action);
    expect(auditText).toContain(`request:${reference}`);
    expect(auditText).not.toContain('131052');
    await auditor.close();
    await page.close();
  });

  it('keeps the input and names each wrong field in the user’s language', async () => {
    const page = await handler.newPage();
    await page.goto(`${server.baseUrl}/fi/staff/requests/new`);
    await page.getByLabel('Pyytäjän nimi').fill('Testi Henkilö');
    await page.getByLabel('Henkilötunnus').fill('131052-308U');
    await page.getByRole('button', { name: 'Kirjaa pyyntö' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Henkilötunnus: Henkilötunnus ei kelpaa');
    expect(await page.getByRole('alert').innerText()).toContain('Valitse vähintään yksi rekisteri.');
    expect(await page.getByLabel('Pyytäjän nimi').inputValue()).toBe('Testi Henkilö');
    expect(await page.getByLabel('Henkilötunnus').getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });

  it('renders script and markup typed into request fields as inert text', async () => {
    const page = await handler.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const reference = await logRequest(page, {
      name: '<script>window.__pwned=1</script><img src=x onerror=alert(1)>',
      details: '"><svg onload=alert(2)> javascript:alert(3)',
    });
    for (const url of [`/fi/staff/requests/${reference}`, '/fi/staff/requests', '/fi/staff/']) {
      await page.goto(`${server.baseUrl}${url}`);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      // No element the text could have become, and no event handler attribute anywhere in the page.
      expect(await page.locator('main script, main img').count()).toBe(0);
      expect(
        await page.evaluate(
          () =>
            [...document.querySelectorAll('*')].filter((element) =>
              [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
            ).length,
        ),
      ).toBe(0);
    }
    await page.goto(`${server.baseUrl}/fi/staff/requests/${reference}`);
    expect(await page.locator('main').innerText()).toContain('"><svg onload=alert(2)> javascript:alert(3)');
    expect(await page.locator('main svg').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });
});

describe('request pages', () => {
  const pages = ['/fi/staff/', '/fi/staff/requests', '/sv/staff/requests?due=open', '/fi/staff/requests/new', '/sv/staff/requests/new'];

  it.each(pages)('%s has no WCAG 2.1 A or AA violation (axe)', async (pathname) => {
    const page = await handler.newPage();
    await page.goto(`${server.baseUrl}${pathname}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a request’s page has no axe violation, and all of them validate as HTML', async () => {
    const page = await handler.newPage();
    await page.goto(`${server.baseUrl}/fi/staff/requests`);
    const first = await page.locator('tbody a').first().getAttribute('href');
    await page.goto(`${server.baseUrl}${first}`);
    expect(await axeViolations(page)).toEqual([]);
    const cookie = (await handler.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-vnu-requests-'));
    const all = [...pages, first!];
    const files = await Promise.all(
      all.map(async (pathname, index) => {
        const file = path.join(dir, `requests-${index}.html`);
        writeFileSync(file, await (await fetch(`${server.baseUrl}${pathname}`, { headers: { cookie } })).text());
        return file;
      }),
    );
    expect(vnuErrors(files).map((error) => `${all[files.indexOf(error.file)]}:${error.line}: ${error.message}`)).toEqual([]);
    await page.close();
  });
});
