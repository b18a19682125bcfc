import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { selosteAsync } from '../support/cli.ts';
import { readPdf } from '../support/pdf.ts';
import { logRequestOverHttp } from '../support/requests.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { ALL_ROLES_USER, dataDirWithUsers, login, ROLE_USERS } from '../support/staff.ts';

const mails: { to: string; text: string }[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let server: RunningServer;
let dataDir: string;
let helmi: string;
let kaisa: string;

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
  smtpPort = (smtp.server.address() as { port: number }).port;
  dataDir = dataDirWithUsers();
  const store = await openStore({ dataDir });
  await store.settings.set('*', 'reviewBeforeSending', true);
  await store.close();
  server = await startServer({
    DATA_DIR: dataDir,
    LOG_REQUESTS: '0',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_FROM: 'kirjaamo@example.com',
  });
  helmi = (await login(server.baseUrl, ROLE_USERS.handler)).cookie!;
  kaisa = (await login(server.baseUrl, ALL_ROLES_USER)).cookie!;
});
afterAll(async () => {
  if (process.env.SHOW_SERVER) console.log(server?.output());
  await server?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

async function act(cookie: string, reference: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${server.baseUrl}/sv/staff/requests/${reference}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.baseUrl, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}
const page = async (cookie: string, reference: string) =>
  (await fetch(`${server.baseUrl}/sv/staff/requests/${reference}`, { headers: { cookie } })).text();
const drafted = (html: string) => /name="seen" value="([0-9a-f]{64})"/u.exec(html)?.[1] ?? '';

describe('work sent out and a reply reviewed before sending', () => {
  it('mails a data request, reminds the late owner once a day, and records the late answer', async () => {
    const reference = (await logRequestOverHttp(server.baseUrl, helmi, {
      received: '2026-11-02',
      language: 'sv',
      address: 'Exempelgatan 5 A 3\n00100 Helsingfors',
    }))!;
    expect(
      (
        await act(helmi, reference, {
          intent: 'data-request',
          register: 'helsinki-atj',
          contactName: 'Perhekeskus',
          contactEmail: 'perhekeskus@example.com',
          due: '2026-11-05',
        })
      ).status,
    ).toBe(303);
    const id = /name="dataRequest" value="([0-9a-f-]{36})"/u.exec(await page(helmi, reference))![1]!;
    expect((await act(helmi, reference, { intent: 'send-data-request', dataRequest: id, channel: 'email' })).status).toBe(303);
    expect(mails.at(-1)!.to).toBe('perhekeskus@example.com');
    expect(mails.at(-1)!.text).toContain(reference);
    expect(mails.at(-1)!.text).not.toContain('308T');
    const env = { DATA_DIR: dataDir, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_FROM: 'kirjaamo@example.com' };
    const first = await selosteAsync(['remind', '--lang', 'en'], env);
    expect(first.stdout).toContain('1 reminder sent');
    expect(mails.filter((mail) => mail.to === 'perhekeskus@example.com' && mail.text.includes(reference))).toHaveLength(2);
    expect((await selosteAsync(['remind', '--lang', 'en'], env)).stdout).toContain('0 reminders sent');
    expect((await act(helmi, reference, { intent: 'answer-data-request', dataRequest: id, answer: 'Utdrag levererat' })).status).toBe(303);
    expect(await page(helmi, reference)).toContain('Begäran om uppgifter skickades per e-post.');
    const html = await page(helmi, reference);
    expect(html).not.toContain('skickades per e-post.');
    expect(html).toContain('Besvarad försenad');
    expect(html).toContain('1 påminnelse');
    // Reloading after the action changes nothing: the same page again.
    expect(await page(helmi, reference)).toBe(html);
  });

  it('needs a second handler’s approval before a decision letter is recorded, and sends exactly the text approved', async () => {
    const reference = (await logRequestOverHttp(server.baseUrl, helmi, {
      received: '2026-11-02',
      language: 'sv',
      address: 'Exempelgatan 5 A 3\n00100 Helsingfors',
    }))!;
    await act(helmi, reference, { intent: 'transition', to: 'in-progress' });
    await act(helmi, reference, { intent: 'decide', outcome: 'partly-granted', grounds: 'dpa-34' });
    await act(helmi, reference, { intent: 'withhold', description: 'Anteckning om tredje person', ground: 'art-15-4' });
    await act(helmi, reference, {
      intent: 'prepare-letter',
      kind: 'decision',
      signerName: 'Helmi Handläggare',
      signerTitle: 'registrator',
    });
    const seen = drafted(await page(kaisa, reference));
    const refused = await act(helmi, reference, { intent: 'send-letter', seen });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('godkänns beslutet och brevet av en annan handläggare');
    expect((await act(helmi, reference, { intent: 'approve-letter', seen })).status).toBe(400);
    expect((await act(kaisa, reference, { intent: 'approve-letter', seen })).status).toBe(303);
    expect((await act(helmi, reference, { intent: 'send-letter', seen })).status).toBe(303);
    const pdf = await fetch(`${server.baseUrl}/sv/staff/letters/${reference}-0.pdf`, { headers: { cookie: helmi } });
    const letter = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(letter).toMatchObject({ language: 'sv-FI', marked: true });
    expect(letter.text).toContain('Exempelgatan 5 A 3 00100 Helsingfors');
    expect(letter.text).toContain('30 dagar från delfåendet');
    expect(letter.text).toContain('andras rättigheter och friheter');
    expect(letter.text).not.toContain('Anteckning om tredje person');
    expect(letter.text).toContain('Helmi Handläggare registrator');
    expect(letter.text).toContain('Med vänliga hälsningar');
    expect(letter.text).not.toContain('Seloste');
  });
});
