import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer;
let handler: string;
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDirWithUsers(), LOG_REQUESTS: '0' });
  handler = (await login(server.baseUrl, ROLE_USERS.handler)).cookie!;
});
afterAll(() => server?.stop());

const valid = {
  type: 'access',
  registers: 'helsinki-atj',
  name: 'Testi Kansalainen',
  email: 'testi.kansalainen@example.com',
  language: 'sv',
};

/** Posts the e-form as a browser does, multipart (every post of this file comes from one address). */
function send(path: string, fields: Record<string, string | string[]>, proof?: { name: string; bytes: Uint8Array<ArrayBuffer> }) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  if (proof) body.append('proof', new Blob([proof.bytes]), proof.name);
  return fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.baseUrl },
    body,
  });
}

const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% a fictional power of attorney\n%%EOF\n');

async function staffPost(reference: string, fields: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}/en/staff/requests/${reference}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.baseUrl, cookie: handler, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  expect(response.status, await response.clone().text()).toBe(303);
}

describe('the e-form', () => {
  it('answers at its own path in each language, and nowhere else', async () => {
    for (const path of ['/fi/pyynto', '/sv/begaran', '/en/request']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toContain('no-store');
    }
    for (const path of ['/sv/pyynto', '/fi/request', '/en/begaran'])
      expect((await fetch(`${server.baseUrl}${path}`)).status, path).toBe(404);
  });

  it('chooses the register the reader came from, and shows each register with its summary', async () => {
    const page = await (await fetch(`${server.baseUrl}/sv/begaran?register=helsinki-atj`)).text();
    expect(page).toMatch(/<input[^>]*id="register-helsinki-atj"[^>]*checked/u);
    expect(page).toMatch(/id="register-example-youth-services"(?![^>]*checked)/u);
    expect(page).toContain('register-helsinki-atj-summary');
    expect(page).toContain('Jag vet inte vilket register');
  });

  it('tells every mistake beside its field in the reader language, keeping what was typed', async () => {
    const response = await send('/en/request', {
      name: 'Testi <Kansalainen>',
      registers: 'helsinki-atj',
      registersUnknown: 'on',
      details: 'Typed words',
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('Choose what you want to ask for.');
    expect(page).toContain('Choose either registers or');
    expect(page).toContain('Give an e-mail address or a postal address');
    expect(page).toContain('value="Testi <Kansalainen>"');
    expect(page).toContain('Typed words');
  });

  it('refuses a representative without a proof, and a proof that is not what its name says', async () => {
    const without = await (
      await send('/fi/pyynto', { ...valid, representativeName: 'Asiamies', representativeBasis: 'valtakirja' })
    ).text();
    expect(without).toContain('Liitä valtakirja tai muu selvitys');
    const renamed = await send(
      '/fi/pyynto',
      { ...valid, representativeName: 'Asiamies', representativeBasis: 'valtakirja' },
      { name: 'valtakirja.pdf', bytes: new TextEncoder().encode('MZ not a pdf') },
    );
    expect(renamed.status).toBe(400);
    expect(await renamed.text()).toContain('Tiedoston pitää olla PDF, PNG tai JPEG');
  });

  let statusPath: string;
  let reference: string;
  it('sends a request with a proof into the staff queue, audited, on the e-service channel', async () => {
    const response = await send(
      '/sv/begaran',
      { ...valid, representativeName: 'Testi Asiamies', representativeBasis: 'fullmakt' },
      { name: 'fullmakt.pdf', bytes: pdfBytes },
    );
    expect(response.status, await response.clone().text()).toBe(303);
    statusPath = response.headers.get('location')!;
    expect(statusPath).toMatch(/^\/sv\/begaran\/[A-Za-z0-9_-]{43}$/u);
    const status = await (await fetch(`${server.baseUrl}${statusPath}`)).text();
    reference = /TS-\d{4}-\d{6}/u.exec(status)![0];
    expect(status).toContain('Mottagen');
    expect(status).not.toContain('Testi Kansalainen');
    expect(status).not.toContain('example.com');

    const queue = await (await fetch(`${server.baseUrl}/en/staff/requests`, { headers: { cookie: handler } })).text();
    expect(queue).toContain(reference);
    const page = await (await fetch(`${server.baseUrl}/en/staff/requests/${reference}`, { headers: { cookie: handler } })).text();
    expect(page).toMatch(/<dt>Channel<\/dt> <dd>e-service<\/dd>/u);
    expect(page).toContain('Proof of authority: fullmakt.pdf');
    expect(page).toContain('No attachments');
    const audit = await (
      await fetch(`${server.baseUrl}/en/staff/audit`, { headers: { cookie: (await login(server.baseUrl, ROLE_USERS.auditor)).cookie! } })
    ).text();
    expect(audit).toContain(`request:${reference}`);
  });

  it('gives a tagged receipt in the requester language, with the reference', async () => {
    const response = await fetch(`${server.baseUrl}${statusPath}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('/Lang (sv-FI)');
    expect(pdf).toContain('/FontFile2');
  });

  it('shows an extension with its new date and reason, and the decision', async () => {
    await staffPost(reference, { intent: 'transition', to: 'in-progress' });
    const today = new Date().toISOString().slice(0, 10);
    await staffPost(reference, { intent: 'extend', reason: 'Begäran gäller många system.', toldOn: today });
    const extended = await (await fetch(`${server.baseUrl}${statusPath}`)).text();
    expect(extended).toContain('Tidsfristen förlängd till');
    expect(extended).toContain('Begäran gäller många system.');
    await staffPost(reference, { intent: 'decide', outcome: 'no-data' });
    expect(await (await fetch(`${server.baseUrl}${statusPath}`)).text()).toContain('Avgjord');
  });

  it('opens nothing with a guessed or malformed link', async () => {
    expect((await fetch(`${server.baseUrl}/sv/begaran/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/sv/begaran/short`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/sv/begaran/${'A'.repeat(43)}.pdf`)).status).toBe(404);
  });

  it('limits the requests one address may send in an hour to five, with a message in the reader language', async () => {
    // One was sent above; forms with mistakes are not counted.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await send('/en/request', valid)).status);
    expect(statuses).toEqual([303, 303, 303, 303]);
    const refused = await send('/fi/pyynto', valid);
    expect(refused.status).toBe(429);
    const page = await refused.text();
    expect(page).toContain('Tästä osoitteesta on lähetetty liian monta pyyntöä.');
    expect(page).toContain('value="Testi Kansalainen"');
  });

  it('counts the requests in public statistics, suppressing cells under five, on a page and as JSON', async () => {
    for (const path of ['/fi/tilastot', '/sv/statistik', '/en/statistics'])
      expect((await fetch(`${server.baseUrl}${path}`)).status, path).toBe(200);
    expect((await fetch(`${server.baseUrl}/sv/tilastot`)).status).toBe(404);
    const year = new Date().getFullYear();
    const json = (await (await fetch(`${server.baseUrl}/statistics.json?organisation=helsinki&year=${year}`)).json()) as {
      total: number | null;
      byType: Record<string, number | null>;
      byMonth: (number | null)[];
      decided: number | null;
      medianDaysToDecide: number | null;
    };
    // Five were sent to Helsinki's registers above: one access request was decided, the rest wait.
    expect(json.total).toBe(5);
    expect(json.byType.access).toBe(5);
    expect(json.byType.erasure).toBeNull();
    expect(json.byMonth[new Date().getMonth()]).toBe(5);
    expect(json.decided).toBeNull();
    expect(json.medianDaysToDecide).toBeNull();
    const page = await (await fetch(`${server.baseUrl}/en/statistics?organisation=helsinki&year=${year}`)).text();
    expect(page).toContain('under 5');
  });
});
