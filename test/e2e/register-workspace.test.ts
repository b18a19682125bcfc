import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { copyContent, seloste } from '../support/cli.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { PASSWORD } from '../support/staff.ts';
import { vnuErrors } from '../support/vnu.ts';

let server: RunningServer;
let browser: Browser;
/** The copy of content/ the server works on: the repository's own is never written. */
let contentDir: string;
let dora: BrowserContext;
let veli: BrowserContext;

async function signIn(username: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/fi/login`);
  await page.getByLabel('Käyttäjätunnus').fill(username);
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await page.waitForURL('**/fi/staff/');
  await page.close();
  return context;
}

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'seloste-data-'));
  for (const username of ['dora.dpo', 'veli.dpo']) {
    const added = seloste(
      ['user', 'add', '--username', username, '--role', 'dpo', '--org', 'helsinki', '--lang', 'en'],
      { DATA_DIR: dataDir, SELOSTE_SCRYPT_LOG_N: '14' },
      `${PASSWORD}\n`,
    );
    if (added.status !== 0) throw new Error(added.stderr);
  }
  contentDir = copyContent();
  server = await startServer({ DATA_DIR: dataDir, CONTENT_DIR: contentDir, LOG_REQUESTS: '0' });
  browser = await launchBrowser();
  [dora, veli] = await Promise.all([signIn('dora.dpo'), signIn('veli.dpo')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (contentDir) rmSync(path.dirname(contentDir), { recursive: true, force: true });
});

const WORKSPACE_PAGES = [
  '/fi/staff/registers',
  '/sv/staff/registers?state=draft',
  '/fi/staff/registers/helsinki-atj',
  '/fi/staff/registers/helsinki-reception-clients',
  '/sv/staff/registers/helsinki-atj/edit',
  '/fi/staff/registers/helsinki-reception-clients/preview',
];
const PUBLIC_PAGES = ['/fi/rekisterit/helsinki-atj/versions', '/sv/register/helsinki-atj/versions/1'];

/** Which of the page's "Lisää" buttons adds to the list named `label`. */
async function addIndex(page: Page, label: string): Promise<number> {
  const values = await page
    .getByRole('button', { name: 'Lisää' })
    .evaluateAll((buttons) => buttons.map((button) => (button as HTMLButtonElement).value));
  return values.indexOf(JSON.stringify(label.split('.')));
}

async function open(context: BrowserContext, pathname: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}${pathname}`);
  return page;
}

describe('the DPO workspace', () => {
  it.each(WORKSPACE_PAGES.flatMap((pathname) => [390, 1280].map((width) => [pathname, width] as const)))(
    '%s has no WCAG 2.1 A or AA violation at %i px (axe)',
    async (pathname, width) => {
      const page = await open(dora, pathname);
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('shows a draft’s preview marked as not published, to staff only', async () => {
    const page = await open(dora, '/fi/staff/registers/helsinki-reception-clients/preview');
    expect(await page.getByText('Luonnos – ei julkaistu').count()).toBe(1);
    await page.close();
    expect((await fetch(`${server.baseUrl}/fi/staff/registers/helsinki-reception-clients/preview`, { redirect: 'manual' })).status).toBe(
      303,
    );
    expect((await fetch(`${server.baseUrl}/fi/rekisterit/helsinki-reception-clients`)).status).toBe(404);
  });

  it('takes an edit through preview, review and a second DPO’s approval to version 2, with what changed, and keeps version 1', async () => {
    // Dora writes the English title, previews it and sends it for review.
    const editor = await open(dora, '/fi/staff/registers/helsinki-atj/edit');
    await editor.locator('textarea[name="t:en:[\\"title\\"]"]').fill('Social welfare client information system ATJ');
    await editor.getByRole('button', { name: 'Tallenna' }).click();
    await editor.waitForURL('**/fi/staff/registers/helsinki-atj/edit');
    expect(await editor.getByRole('status').innerText()).toContain('Tallennettu');
    await editor.goto(`${server.baseUrl}/en/staff/registers/helsinki-atj/preview`);
    expect(await editor.getByRole('heading', { level: 1 }).innerText()).toBe('Social welfare client information system ATJ');
    expect(await editor.getByText('Draft – not published').count()).toBe(1);
    await editor.goto(`${server.baseUrl}/fi/staff/registers/helsinki-atj`);
    await editor.getByLabel('Muutosten kuvaus (suomi)').fill('Englanninkielinen nimi lisätty');
    await editor.getByLabel('Muutosten kuvaus (ruotsi)').fill('Det engelska namnet tillagt');
    await editor.getByRole('button', { name: 'Lähetä tarkastettavaksi' }).click();
    await editor.waitForURL('**/fi/staff/registers/helsinki-atj');
    expect(await editor.getByRole('status').innerText()).toContain('lähetettiin tarkastettavaksi');
    // Four eyes: Dora cannot approve her own.
    expect(await editor.getByRole('button', { name: 'Hyväksy ja julkaise' }).count()).toBe(0);
    await editor.close();

    // Not public before approval.
    expect(await (await fetch(`${server.baseUrl}/en/registers/helsinki-atj`)).text()).not.toContain(
      'Social welfare client information system ATJ',
    );

    const review = await open(veli, '/fi/staff/registers/helsinki-atj');
    await review.getByRole('button', { name: 'Hyväksy ja julkaise' }).click();
    await review.waitForURL('**/fi/staff/registers/helsinki-atj');
    expect(await review.getByRole('status').innerText()).toContain('Versio 2 hyväksyttiin');
    await review.close();

    const citizen = await browser.newContext();
    const notice = await open(citizen, '/en/registers/helsinki-atj');
    expect(await notice.getByRole('heading', { level: 1 }).innerText()).toBe('Social welfare client information system ATJ');
    expect(await notice.getByText(/Version 2, in force since/u).count()).toBe(1);
    await notice.getByRole('link', { name: 'Version history and changes' }).click();
    await notice.waitForURL('**/en/registers/helsinki-atj/versions');
    expect(await notice.getByText('Det engelska namnet tillagt').count()).toBe(0);
    await notice.getByRole('link', { name: 'What changed from version 1 to 2' }).click();
    expect(await notice.locator('ins').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Social welfare client information system ATJ')]),
    );
    expect(await axeViolations(notice)).toEqual([]);
    const first = await open(citizen, '/en/registers/helsinki-atj/versions/1');
    expect(await first.getByText(/Version 1, in force since/u).count()).toBe(1);
    expect(await first.getByRole('heading', { level: 1 }).innerText()).not.toBe('Social welfare client information system ATJ');
    await citizen.close();
    expect((await fetch(`${server.baseUrl}/fi/rekisterit/helsinki-atj/versions/1.pdf`)).headers.get('content-type')).toBe(
      'application/pdf',
    );
    expect(await (await fetch(`${server.baseUrl}/registers/helsinki-atj/versions/1.json`)).json()).toMatchObject({
      version: { number: 1 },
    });
    const feed = await fetch(`${server.baseUrl}/en/feeds/helsinki.atom`);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    expect(await feed.text()).toContain('<title>Social welfare client information system ATJ (2)</title>');
    expect((await fetch(`${server.baseUrl}/en/feeds/all.atom`)).status).toBe(200);
  });

  it('says plainly, in the reader’s language, when the versions compared do not differ (axe at 390 and 1280 px)', async () => {
    const citizen = await browser.newContext();
    const cases = [
      ['/fi/rekisterit/helsinki-atj/versions/compare?from=2&to=2', 'Ei muutoksia: versiota 2 verrataan itseensä.'],
      ['/sv/register/helsinki-atj/versions/compare?from=1&to=1', 'Inga ändringar: version 1 jämförs med sig själv.'],
      ['/en/registers/helsinki-atj/versions/compare?from=1&to=1', 'Nothing changed: version 1 is compared with itself.'],
    ] as const;
    for (const [pathname, message] of cases) {
      const page = await open(citizen, pathname);
      expect(await page.locator('p.notice').allInnerTexts()).toEqual([message]);
      expect(await page.locator('main ins, main del, main section.diff').count()).toBe(0);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await axeViolations(page)).toEqual([]);
      }
      await page.close();
    }
    await citizen.close();
  });

  it('gives the Art 30 record as CSV and PDF to staff only', async () => {
    const cookie = (await dora.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const csv = await fetch(`${server.baseUrl}/fi/staff/record.csv?organisation=helsinki`, { headers: { cookie } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toContain('\r\nhelsinki-atj;');
    expect((await fetch(`${server.baseUrl}/fi/staff/record.csv`, { redirect: 'manual' })).status).toBe(303);
    expect((await fetch(`${server.baseUrl}/fi/staff/record.csv?organisation=siuntio`, { headers: { cookie } })).status).toBe(403);
    const pdf = await fetch(`${server.baseUrl}/fi/staff/record.pdf?organisation=helsinki`, { headers: { cookie } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect((await fetch(`${server.baseUrl}/fi/staff/record.pdf`, { redirect: 'manual' })).status).toBe(303);
    expect((await fetch(`${server.baseUrl}/fi/staff/record.pdf?organisation=siuntio`, { headers: { cookie } })).status).toBe(403);
  });

  it('moves and removes entries of a list with plain buttons, and refuses a stale removal of an entry already gone', async () => {
    const editor = await open(dora, '/fi/staff/registers/helsinki-reception-clients/edit');
    const stale = await open(veli, '/fi/staff/registers/helsinki-reception-clients/edit');
    const entries = () =>
      editor
        .locator('#lists fieldset')
        .filter({ has: editor.locator('legend', { hasText: /^\s*sources\.items\s*$/u }) })
        .locator('li > span')
        .allInnerTexts();
    // Each button posts and is answered with a redirect back to the lists: wait for that page to load.
    const press = async (button: Locator) => {
      await Promise.all([
        editor.waitForResponse((response) => response.request().method() === 'GET' && response.url().includes('/edit')),
        button.click(),
      ]);
      await editor.waitForLoadState();
    };
    const [first, second] = await entries();
    await press(editor.getByRole('button', { name: 'Siirrä alas: luettelon sources.items kohta 1', exact: true }));
    expect(editor.url()).toMatch(/\/edit#lists$/u);
    expect((await entries()).slice(0, 2)).toEqual([second, first]);
    await press(editor.getByRole('button', { name: 'Poista: luettelon sources.items kohta 2', exact: true }));
    expect(await entries()).not.toContain(first);
    // Veli's page still shows the removed entry first: removing it again changes nothing.
    const before = await entries();
    await stale.getByRole('button', { name: 'Poista: luettelon sources.items kohta 1', exact: true }).click();
    expect(await stale.getByRole('alert').innerText()).toContain('joku muu muutti tai poisti kohdan');
    await editor.reload();
    expect(await entries()).toEqual(before);
    await editor.getByLabel('Uusi kohta luetteloon sources.items: teksti (suomi)').fill('Asiakkaan itse antamat tiedot');
    await press(editor.getByRole('button', { name: 'Lisää' }).nth(await addIndex(editor, 'sources.items')));
    expect((await entries()).at(-1)).toBe('Asiakkaan itse antamat tiedot');
    await Promise.all([editor.close(), stale.close()]);
  });

  it('pages validate as HTML (Nu HTML Checker)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-vnu-workspace-'));
    const cookie = (await dora.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const pages = [
      ...WORKSPACE_PAGES,
      ...PUBLIC_PAGES,
      '/en/registers/helsinki-atj/versions/compare?from=1&to=2',
      '/fi/rekisterit/helsinki-atj/versions/compare?from=2&to=2',
      '/fi/rekisterit/helsinki-atj',
    ];
    const files = await Promise.all(
      pages.map(async (pathname, index) => {
        const file = path.join(dir, `workspace-${index}.html`);
        writeFileSync(file, await (await fetch(`${server.baseUrl}${pathname}`, { headers: { cookie } })).text());
        return file;
      }),
    );
    expect(vnuErrors(files).map((error) => `${pages[files.indexOf(error.file)]}:${error.line}: ${error.message}`)).toEqual([]);
  });
});

describe('a register created in the browser', () => {
  const id = 'helsinki-library-events';
  const created = () => path.join(contentDir, 'registers', `${id}.yaml`);
  const textarea = (page: Page, lang: string, fieldPath: string[]) =>
    page.locator(`textarea[name='t:${lang}:${JSON.stringify(fieldPath)}']`);
  /** axe at the phone and desktop widths the other workspace pages are checked at. */
  const expectAccessible = async (page: Page) => {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page), `${page.url()} at ${width} px`).toEqual([]);
    }
  };
  /** Sends the working copy for review with a summary in Finnish and Swedish, and has Veli approve it. */
  const submitAndApprove = async (page: Page, fi: string, sv: string, number: number) => {
    await page.goto(`${server.baseUrl}/fi/staff/registers/${id}`);
    await expectAccessible(page);
    await page.getByLabel('Muutosten kuvaus (suomi)').fill(fi);
    await page.getByLabel('Muutosten kuvaus (ruotsi)').fill(sv);
    await page.getByRole('button', { name: 'Lähetä tarkastettavaksi' }).click();
    await page.waitForURL(`**/fi/staff/registers/${id}`);
    expect(await page.getByRole('status').innerText()).toContain('lähetettiin tarkastettavaksi');
    const review = await open(veli, `/fi/staff/registers/${id}`);
    await expectAccessible(review);
    await review.getByRole('button', { name: 'Hyväksy ja julkaise' }).click();
    await review.waitForURL(`**/fi/staff/registers/${id}`);
    expect(await review.getByRole('status').innerText()).toContain(`Versio ${number} hyväksyttiin`);
    await review.close();
  };
  afterAll(() => {
    rmSync(created(), { force: true });
    expect(existsSync(created())).toBe(false);
  });

  it('goes from a new draft, written in Finnish and Swedish, to version 1, and with an edit to version 2', async () => {
    const page = await open(dora, '/fi/staff/registers');
    await page.getByRole('link', { name: 'Uusi rekisteriseloste' }).click();
    await page.waitForURL('**/fi/staff/registers/new');
    await expectAccessible(page);
    // Helsinki is bilingual: Finnish and Swedish are chosen already.
    expect(await page.getByLabel('suomi', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('ruotsi', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Tunnus').fill('Kirjaston Tapahtumat');
    await page.getByLabel('Rekisterin nimi (suomi)').fill('Kirjaston tapahtumien ilmoittautujat');
    await page.getByRole('button', { name: 'Luo luonnos' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Tunnus ”Kirjaston Tapahtumat” ei kelpaa');
    expect(await page.getByRole('alert').innerText()).toContain('Rekisterin nimi (ruotsi): Kirjoita nimi tällä kielellä (ruotsi).');
    // What was typed is kept.
    expect(await page.getByLabel('Tunnus').inputValue()).toBe('Kirjaston Tapahtumat');
    expect(await page.getByLabel('Rekisterin nimi (suomi)').inputValue()).toBe('Kirjaston tapahtumien ilmoittautujat');
    await expectAccessible(page);
    await page.getByLabel('Tunnus').fill(id);
    await page.getByLabel('Rekisterin nimi (ruotsi)').fill('Anmälda till bibliotekets evenemang');
    await page.getByRole('button', { name: 'Luo luonnos' }).click();
    await page.waitForURL(`**/fi/staff/registers/${id}/edit`);
    expect(await page.getByRole('status').innerText()).toContain('Luonnos luotiin');
    expect(existsSync(created())).toBe(true);

    // Dora writes what the law asks of the notice, in Finnish and Swedish.
    const texts: [string, string, string][] = [
      [
        'purposes',
        'Tapahtumiin ilmoittautuneiden tietoja käytetään tapahtumien järjestämiseen.',
        'Uppgifterna används för att ordna evenemangen.',
      ],
      ['legalBasis', 'Käsittely perustuu suostumukseen.', 'Behandlingen grundar sig på samtycke.'],
      ['dataContent', 'Nimi ja sähköpostiosoite.', 'Namn och e-postadress.'],
      ['sources', 'Tiedot saadaan ilmoittautujalta itseltään.', 'Uppgifterna fås av den anmälda själv.'],
      ['retention', 'Tiedot poistetaan kuukauden kuluttua tapahtumasta.', 'Uppgifterna raderas en månad efter evenemanget.'],
    ];
    for (const [section, fi, sv] of texts) {
      await textarea(page, 'fi', [section, 'description']).fill(fi);
      await textarea(page, 'sv', [section, 'description']).fill(sv);
    }
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.waitForURL(`**/fi/staff/registers/${id}/edit`);
    expect(await page.getByRole('status').innerText()).toContain('Tallennettu');
    await expectAccessible(page);

    // The preview is the notice as it will be published, in the organisation's colours, marked as a draft.
    await page.goto(`${server.baseUrl}/sv/staff/registers/${id}/preview`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Anmälda till bibliotekets evenemang');
    expect(await page.getByText('Utkast – inte publicerat').count()).toBe(1);
    expect(await page.locator('article.notice.org-helsinki').count()).toBe(1);
    await expectAccessible(page);
    expect((await fetch(`${server.baseUrl}/fi/rekisterit/${id}`)).status).toBe(404);

    await submitAndApprove(page, 'Ensimmäinen versio', 'Första versionen', 1);
    const citizen = await browser.newContext();
    const notice = await open(citizen, `/fi/rekisterit/${id}`);
    expect(await notice.getByRole('heading', { level: 1 }).innerText()).toBe('Kirjaston tapahtumien ilmoittautujat');
    expect(await notice.getByText(/Versio 1, voimassa/u).count()).toBe(1);

    // An edit, a second review and approval make version 2.
    await page.goto(`${server.baseUrl}/fi/staff/registers/${id}/edit`);
    await textarea(page, 'fi', ['purposes', 'description']).fill('Tietoja käytetään tapahtumien järjestämiseen ja palautteen keräämiseen.');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.waitForURL(`**/fi/staff/registers/${id}/edit`);
    await submitAndApprove(page, 'Palautteen kerääminen lisätty', 'Insamling av respons tillagd', 2);
    await page.close();

    await notice.reload();
    expect(await notice.getByText(/Versio 2, voimassa/u).count()).toBe(1);
    await notice.getByRole('link', { name: 'Versiohistoria ja muutokset' }).click();
    await notice.waitForURL(`**/fi/rekisterit/${id}/versions`);
    expect(await notice.locator('main.org-helsinki').count()).toBe(1);
    await notice.getByRole('link', { name: 'Mitä muuttui versiosta 1 versioon 2' }).click();
    expect(await notice.locator('main.org-helsinki').count()).toBe(1);
    expect(await notice.locator('ins').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('palautteen keräämiseen')]),
    );
    await expectAccessible(notice);
    // Version 1 keeps its address and what it said.
    const first = await open(citizen, `/fi/rekisterit/${id}/versions/1`);
    expect(await first.getByText(/Versio 1, voimassa/u).count()).toBe(1);
    expect(await first.locator('article.notice.org-helsinki').count()).toBe(1);
    expect(await first.getByText('Tapahtumiin ilmoittautuneiden tietoja käytetään tapahtumien järjestämiseen.').count()).toBe(1);
    expect(await first.getByText(/palautteen keräämiseen/u).count()).toBe(0);
    await citizen.close();
  }, 300_000);

  it('gives the new-register page as valid HTML, also when it refuses a form (Nu HTML Checker)', async () => {
    const cookie = (await dora.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const url = `${server.baseUrl}/fi/staff/registers/new`;
    const refused = await fetch(url, {
      method: 'POST',
      headers: { cookie, origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id: 'helsinki-atj', organisation: 'helsinki', format: 'gdpr-notice', 'title-fi': 'Kaksoiskappale' }),
    });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-vnu-new-register-'));
    const files = [await (await fetch(url, { headers: { cookie } })).text(), refusedPage].map((html, index) => {
      const file = path.join(dir, `new-register-${index}.html`);
      writeFileSync(file, html);
      return file;
    });
    // Someone who is not signed in is not offered the page (asked before the checker blocks this process for seconds).
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(303);
    expect(vnuErrors(files).map((error) => `${error.file}:${error.line}: ${error.message}`)).toEqual([]);
  });
});
