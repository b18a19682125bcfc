import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logRequestOverHttp } from '../support/requests.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';

let server: RunningServer;
let cookie: string;
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDirWithUsers(), LOG_REQUESTS: '0' });
  cookie = (await login(server.baseUrl, ROLE_USERS.handler)).cookie!;
});
afterAll(() => server?.stop());

const base = { type: 'access', received: '2026-11-02', channel: 'email', name: 'Testi Henkilö', language: 'fi', registers: 'helsinki-atj' };

function post(path: string, fields: Record<string, string | string[]>, lang = 'en'): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return fetch(`${server.baseUrl}/${lang}/staff/${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.baseUrl, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

describe('the intake form refuses what the database would refuse, with a 400 naming the field and keeping what was typed', () => {
  const refused: [what: string, fields: Record<string, string | string[]>, message: string][] = [
    ['a one-letter top-level domain', { email: 'a@b.c' }, 'The e-mail address “a@b.c” is not valid: write it as name@example.fi.'],
    ['a quote in an address', { email: 'a"b@x.fi' }, 'write it as name@example.fi'],
    ['an address with a space', { email: 'matti @example.fi' }, 'write it as name@example.fi'],
    ['a received date in the year 999', { received: '0999-01-01' }, 'cannot be before 25 May 2018'],
    ['a received date in the year 100', { received: '0100-12-31' }, 'cannot be before 25 May 2018'],
    ['a received date before the GDPR', { received: '2018-05-24' }, 'cannot be before 25 May 2018'],
    ['a received date after today', { received: '2999-01-01' }, 'The date received cannot be in the future.'],
    ['an impossible date', { received: '2026-02-30' }, 'does not exist or is not written YYYY-MM-DD'],
    ['an identity code of someone not yet born', { hetu: '010199A9034' }, 'The birth date of the personal identity code is in the future'],
    ['the same register twice', { registers: ['helsinki-atj', 'helsinki-atj'] }, 'The same choice is given twice.'],
    ['fifty-one registers', { registers: Array.from({ length: 51 }, (_, index) => `register-${index}`) }, 'Choose at most 50.'],
    ['a name of 201 characters', { name: 'N'.repeat(201) }, 'Write at most 200 characters.'],
    ['details of 5,001 characters', { details: 'd'.repeat(5001) }, 'Write at most 5000 characters.'],
    ['a case number of 101 characters', { caseNumber: 'c'.repeat(101) }, 'Write at most 100 characters.'],
    ['a phone number of 41 characters', { phone: '0'.repeat(41) }, 'Write at most 40 characters.'],
    ['a representative without a basis', { representativeName: 'Edustaja' }, 'Say on what basis the representative acts.'],
    ['an unknown request type', { type: 'telepathy' }, 'Choose the type of request.'],
    ['an unknown language', { language: 'de' }, 'Choose the language.'],
  ];
  it.each(refused)('%s', async (_, fields, message) => {
    const response = await post('requests/new', { ...base, ...fields });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain(message);
    for (const value of Object.values(fields).flat())
      if (value.length < 300 && !/^register-|^telepathy$|^de$/u.test(value)) expect(page).toContain(value.replaceAll('"', '&quot;'));
  });

  it.each([['matti@hämeenlinna.fi'], ['matti.meikäläinen@example.fi'], ['o.brien+seloste@example.com']])(
    'accepts the internationalised or tagged address %s',
    async (email) => {
      expect(await logRequestOverHttp(server.baseUrl, cookie, { email })).toMatch(/^TS-2026-\d{6}$/u);
    },
  );
});

describe('actions on a request refuse over-long input with a 400, keeping what was typed', () => {
  it('refuses a note of 2,001 characters, a recipient line of 201 and fifty-one recipients', async () => {
    const reference = await logRequestOverHttp(server.baseUrl, cookie);
    const note = 'n'.repeat(2001);
    const tooLongNote = await post(`requests/${reference}`, { intent: 'transition', to: 'in-progress', note });
    expect(tooLongNote.status).toBe(400);
    const page = await tooLongNote.text();
    expect(page).toContain('Write at most 2000 characters.');
    expect(page).toContain(note);
    expect((await post(`requests/${reference}`, { intent: 'transition', to: 'in-progress' })).status).toBe(303);
    const recipient = await post(`requests/${reference}`, { intent: 'decide', outcome: 'granted', recipients: 'r'.repeat(201) });
    expect(recipient.status).toBe(400);
    expect(await recipient.text()).toContain('Write at most 200 characters.');
    const many = await post(`requests/${reference}`, {
      intent: 'decide',
      outcome: 'granted',
      recipients: Array.from({ length: 51 }, (_, index) => `Vastaanottaja ${index}`).join('\n'),
    });
    expect(many.status).toBe(400);
    expect(await many.text()).toContain('Choose at most 50.');
  });

  it('answers every successful action with a redirect, so reloading changes nothing', async () => {
    const reference = await logRequestOverHttp(server.baseUrl, cookie);
    const steps: Record<string, string>[] = [
      { intent: 'transition', to: 'in-progress' },
      { intent: 'verify', method: 'in-person-id-document' },
      { intent: 'decide', outcome: 'granted' },
      { intent: 'note', internalNote: 'Called the requester.' },
      { intent: 'prepare-letter', kind: 'decision', signerName: 'Helmi Handler', signerTitle: 'registry clerk' },
    ];
    const pageText = async () => (await fetch(`${server.baseUrl}/en/staff/requests/${reference}`, { headers: { cookie } })).text();
    for (const fields of steps) {
      const response = await post(`requests/${reference}`, fields);
      expect(response.status, JSON.stringify(fields)).toBe(303);
      expect(response.headers.get('location')).toBe(`/en/staff/requests/${reference}`);
    }
    const seen = /name="seen" value="([0-9a-f]{64})"/u.exec(await pageText())![1]!;
    expect((await post(`requests/${reference}`, { intent: 'send-letter', seen })).status).toBe(303);
    const page = await pageText();
    expect(page.match(/\.pdf"/gu)).toHaveLength(1);
    expect(await pageText()).toBe(page);
  });

  it('answers 403 to an auditor’s or a DPO’s post, and changes nothing', async () => {
    const reference = await logRequestOverHttp(server.baseUrl, cookie);
    for (const role of ['auditor', 'dpo'] as const) {
      const other = (await login(server.baseUrl, ROLE_USERS[role])).cookie!;
      const response = await fetch(`${server.baseUrl}/en/staff/requests/${reference}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: server.baseUrl, cookie: other, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ intent: 'transition', to: 'withdrawn' }),
      });
      expect(response.status).toBe(403);
    }
    const page = await (await fetch(`${server.baseUrl}/en/staff/requests/${reference}`, { headers: { cookie } })).text();
    // The timeline still holds only the logging of the request.
    expect(page.match(/<time datetime=/gu)).toHaveLength(1);
  });
});
