import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, User } from '../../../src/domain/user.ts';
import { letterPdf, prepareLetter, sendLetter, draftHash } from '../../../src/services/letters.ts';
import type { LetterKind } from '../../../src/services/letters.ts';
import { DASHBOARD_REUSE_MS, requestDashboard } from '../../../src/services/request-query.ts';
import { purgeRequests, requestsCsv, requestStatistics } from '../../../src/services/request-reports.ts';
import {
  assign,
  createRequest,
  decide,
  extend,
  revealHetu,
  transition,
  verifyIdentity,
  type NewRequest,
} from '../../../src/services/requests.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { freshDatabase } from '../../support/databases.ts';
import { readPdf } from '../../support/pdf.ts';

const REGISTERS = new Map([
  ['helsinki-atj', 'helsinki'],
  ['example-youth-services', 'example-municipality'],
]);
const at = (iso: string) => new Date(`${iso}T10:00:00+02:00`);
const input: NewRequest = {
  type: 'access',
  received: '2026-01-31',
  channel: 'e-service',
  requester: { name: 'Testi Henkilö', hetu: '131052-308T', email: 'testi.henkilo@example.com', language: 'fi' },
  registers: ['helsinki-atj'],
};
const handler: Actor = { username: 'helmi.handler', roles: { helsinki: ['handler'] } };
const auditor: Actor = { username: 'aatu.auditor', roles: { '*': ['auditor'] } };
const dpo: Actor = { username: 'david.dpo', roles: { helsinki: ['dpo'] } };
const admin: Actor = { username: 'aino.admin', roles: { '*': ['admin'] } };
const cli: Actor = { username: 'cli:test', roles: { '*': ['admin', 'dpo', 'handler', 'auditor', 'informatics'] } };

let store: Store;
beforeEach(async () => {
  store = await openStore(await freshDatabase('sqlite'));
});
afterEach(() => store.close());

async function auditText(): Promise<string> {
  const lines: string[] = [];
  for await (const event of store.audit.all()) lines.push(JSON.stringify(event));
  return lines.join('\n');
}

describe('logging and working a request', () => {
  it('gives references in sequence per year, and stores the due date with its reasons', async () => {
    const first = await createRequest(store, input, handler, REGISTERS, at('2026-02-02'));
    const second = await createRequest(store, { ...input, received: '2026-02-01' }, handler, REGISTERS, at('2026-02-02'));
    expect([first.reference, second.reference]).toEqual(['TS-2026-000001', 'TS-2026-000002']);
    expect(first.due.date).toBe('2026-03-02');
    expect(first.due.steps.at(-1)).toEqual({ kind: 'moved', from: '2026-02-28', reason: 'saturday', to: '2026-03-02' });
  });

  it('refuses an invalid identity code, an unknown register and a receipt date in the future', async () => {
    await expect(
      createRequest(store, { ...input, requester: { ...input.requester, hetu: '131052-308U' } }, handler, REGISTERS, at('2026-02-02')),
    ).rejects.toMatchObject({ code: 'errors.hetu.invalid' });
    await expect(createRequest(store, { ...input, registers: ['atlantis'] }, handler, REGISTERS, at('2026-02-02'))).rejects.toMatchObject({
      code: 'request.register.unknown',
    });
    await expect(createRequest(store, input, handler, REGISTERS, at('2026-01-30'))).rejects.toMatchObject({
      code: 'request.received.future',
    });
  });

  it('stops the clock while waiting for identity, and adds those days to the due date', async () => {
    const request = await createRequest(store, input, handler, REGISTERS, at('2026-02-02'));
    await transition(store, request.id, 'identity-pending', handler, 'asked for ID', at('2026-02-02'));
    const verified = await verifyIdentity(store, request.id, 'strong-electronic', handler, at('2026-02-12'));
    expect(verified.status).toBe('in-progress');
    expect(verified.identity).toMatchObject({ method: 'strong-electronic', verifiedBy: 'helmi.handler' });
    expect(verified.stops).toEqual([{ from: '2026-02-02', to: '2026-02-12', reason: 'identity-pending' }]);
    expect(verified.due.date).toBe('2026-03-10');
  });

  it('extends only when the requester was told before the original due date, then decides with grounds', async () => {
    const request = await createRequest(store, input, handler, REGISTERS, at('2026-02-02'));
    await transition(store, request.id, 'in-progress', handler, undefined, at('2026-02-03'));
    await expect(extend(store, request.id, 'Paljon asiakirjoja', '2026-03-02', handler, at('2026-03-02'))).rejects.toMatchObject({
      code: 'request.extension.tooLate',
    });
    const extended = await extend(store, request.id, 'Paljon asiakirjoja', '2026-02-20', handler, at('2026-02-20'));
    expect(extended.status).toBe('extended');
    expect(extended.extension?.due.date).toBe('2026-04-30');
    await expect(decide(store, request.id, { outcome: 'refused' }, handler)).rejects.toMatchObject({
      code: 'request.decision.grounds',
    });
    const decided = await decide(store, request.id, { outcome: 'refused', refusalGrounds: ['dpa-34'] }, handler, at('2026-03-15'));
    expect(decided).toMatchObject({ status: 'decided', outcome: 'refused', refusalGrounds: ['dpa-34'], decidedOn: '2026-03-15' });
    await expect(transition(store, request.id, 'in-progress', handler)).rejects.toMatchObject({
      code: 'request.transition.forbidden',
    });
    expect(decided.history.map((entry) => entry.to)).toEqual(['received', 'in-progress', 'extended', 'decided']);
  });

  it('assigns to handlers of the organisation only, and audits every reveal of the identity code without writing the code into the log', async () => {
    const request = await createRequest(store, input, handler, REGISTERS, at('2026-02-02'));
    const user = (username: string, roles: User['roles']): User => ({
      id: crypto.randomUUID(),
      username,
      name: username,
      roles,
      disabled: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await store.users.save(user('helmi.handler', { helsinki: ['handler'] }));
    await store.users.save(user('sami.siuntio', { siuntio: ['handler'] }));
    await expect(assign(store, request.id, 'nobody', handler)).rejects.toMatchObject({ code: 'request.assignee.invalid' });
    await expect(assign(store, request.id, 'sami.siuntio', handler)).rejects.toMatchObject({ code: 'request.assignee.invalid' });
    expect((await assign(store, request.id, 'helmi.handler', handler)).assignee).toBe('helmi.handler');
    expect(await revealHetu(store, request.id, handler)).toBe('131052-308T');
    for (const reader of [auditor, dpo, admin])
      await expect(revealHetu(store, request.id, reader)).rejects.toMatchObject({ code: 'request.hetu.forbidden' });
    const log = await auditText();
    expect(log).toContain('"action":"request.hetuRevealed"');
    expect(log).not.toContain('131052');
    expect(log).not.toContain('Testi Henkilö');
    expect((await store.audit.verify()).ok).toBe(true);
  });

  it('lets only those who handle an organisation’s requests log and change them', async () => {
    const sami: Actor = { username: 'sami', roles: { siuntio: ['handler'] } };
    for (const actor of [auditor, dpo, admin, sami])
      await expect(createRequest(store, input, actor, REGISTERS, at('2026-02-02'))).rejects.toMatchObject({ code: 'request.forbidden' });
    const request = await createRequest(store, input, handler, REGISTERS, at('2026-02-02'));
    for (const actor of [auditor, dpo, admin, sami])
      await expect(transition(store, request.id, 'in-progress', actor)).rejects.toMatchObject({ code: 'request.forbidden' });
    await expect(
      createRequest(store, { ...input, registers: ['helsinki-atj', 'example-youth-services'] }, cli, REGISTERS, at('2026-02-02')),
    ).rejects.toMatchObject({
      code: 'request.organisation.mixed',
    });
    expect(
      (await createRequest(store, { ...input, registers: [], organisation: 'helsinki' }, handler, REGISTERS, at('2026-02-02')))
        .organisation,
    ).toBe('helsinki');
  });
});

/** Prepares a letter and records it as sent, as a handler does on the request's page. */
async function createLetter(id: string, kind: LetterKind, now: Date) {
  const prepared = await prepareLetter(store, id, kind, { name: 'Helmi Käsittelijä', title: 'kirjaamosihteeri' }, handler, now);
  return sendLetter(store, id, draftHash(prepared)!, handler, now);
}

describe('the dashboard', () => {
  it('reuses its figures only while no request changes, and for a short time at most', async () => {
    const now = at('2026-02-02');
    const empty = await requestDashboard(store, handler, now);
    expect(empty.open).toBe(0);
    // Asked again with nothing changed: the same figures, not computed again.
    expect(await requestDashboard(store, handler, now)).toBe(empty);
    const created = await createRequest(store, input, handler, REGISTERS, now);
    const one = await requestDashboard(store, handler, now);
    expect(one.open).toBe(1);
    expect(one.byStatus.received).toBe(1);
    await transition(store, created.id, 'in-progress', handler, undefined, now);
    const moved = await requestDashboard(store, handler, now);
    expect(moved.byStatus).toMatchObject({ received: 0, 'in-progress': 1 });
    // A change another instance made is not counted here: the figures expire anyway.
    const later = new Date(now.getTime() + DASHBOARD_REUSE_MS + 1);
    expect(await requestDashboard(store, handler, later)).not.toBe(moved);
    // Each reach has its own figures: an auditor of every organisation is not given the handler's.
    expect(await requestDashboard(store, auditor, now)).not.toBe(moved);
  });
});

describe('letters', () => {
  it('are written in the requester’s language from the templates, with the text and its hash recorded', async () => {
    const request = await createRequest(
      store,
      { ...input, requester: { ...input.requester, language: 'sv' } },
      handler,
      REGISTERS,
      at('2026-02-02'),
    );
    const withLetter = await createLetter(request.id, 'acknowledgement', at('2026-02-02'));
    const [letter] = withLetter.letters;
    expect(letter).toMatchObject({ kind: 'acknowledgement', lang: 'sv', template: 'letters/acknowledgement' });
    expect(letter!.text).toContain('Bästa Testi Henkilö');
    expect(letter!.text).toContain('senast den 2.3.2026');
    expect(letter!.sha256).toBe(createHash('sha256').update(letter!.text).digest('hex'));
    await expect(createLetter(request.id, 'decision', at('2026-02-02'))).rejects.toMatchObject({
      code: 'request.letter.notYet',
    });
    const pdf = await readPdf((await letterPdf(withLetter, 0, undefined))!);
    expect(pdf).toMatchObject({ title: 'Mottagningsbekräftelse', language: 'sv-FI', marked: true });
    expect(pdf.text).toContain(request.reference);
  });

  it('carry whatever a requester or a handler typed as literal text: no link, no emphasis', async () => {
    const phishing = 'Matti [Vahvista henkilöllisyytesi](https://phish.example/login) *kiire*';
    const request = await createRequest(
      store,
      { ...input, type: 'rectification', requester: { ...input.requester, name: phishing } },
      handler,
      REGISTERS,
      at('2026-02-02'),
    );
    await transition(store, request.id, 'in-progress', handler, undefined, at('2026-02-03'));
    await decide(
      store,
      request.id,
      { outcome: 'granted', recipientsNotified: ['[Kela](https://phish.example/kela) <b>'] },
      handler,
      at('2026-02-04'),
    );
    const withLetter = await createLetter(request.id, 'decision', at('2026-02-04'));
    const pdf = await readPdf((await letterPdf(withLetter, 0, undefined))!);
    expect(pdf.links.filter((link) => link.includes('phish'))).toEqual([]);
    expect(pdf.text).toContain('Matti [Vahvista henkilöllisyytesi](https://phish.example/login) *kiire*');
    expect(pdf.text).toContain('[Kela](https://phish.example/kela) <b>');
  });
});

describe('reports and retention', () => {
  async function decidedRequest(received: string, decided: string) {
    const request = await createRequest(store, { ...input, received }, handler, REGISTERS, at(received));
    await transition(store, request.id, 'in-progress', handler, undefined, at(received));
    return decide(store, request.id, { outcome: 'granted' }, handler, at(decided));
  }

  it('count by type and outcome, the median days to answer and the share answered in time', async () => {
    await decidedRequest('2026-01-05', '2026-01-15');
    await decidedRequest('2026-01-10', '2026-02-20');
    await decidedRequest('2026-02-01', '2026-02-04');
    await createRequest(store, { ...input, type: 'erasure', received: '2026-02-10' }, handler, REGISTERS, at('2026-02-10'));
    const stats = await requestStatistics(store, handler, '2026-01-01', '2026-12-31');
    expect(stats).toMatchObject({ received: 4, decided: 3, medianDays: 10, extensions: 0 });
    expect(stats.byType).toMatchObject({ access: 3, erasure: 1 });
    expect(stats.byOutcome).toMatchObject({ granted: 3 });
    expect(stats.withinDeadline).toBeCloseTo(2 / 3);
  });

  it('export CSV without identity codes, except for an administrator, and defuse formulas', async () => {
    await createRequest(
      store,
      { ...input, requester: { ...input.requester, name: '=HYPERLINK("http://evil.example.com")' } },
      handler,
      REGISTERS,
      at('2026-02-02'),
    );
    const plain = await requestsCsv(store, { includeHetu: false, actor: handler, lang: 'fi' });
    expect(plain.startsWith('\uFEFFViite;Organisaatio;Laji;Tila;Vastaanotettu')).toBe(true);
    expect(plain).toContain(';Tarkastusoikeus (15 art.);vastaanotettu;31.1.2026;2.3.2026;;;;verkkoasiointi;suomi;');
    expect(plain).not.toContain('131052');
    expect(plain).toContain(`"'=HYPERLINK(""http://evil.example.com"")"`);
    await expect(requestsCsv(store, { includeHetu: true, actor: handler, lang: 'fi' })).rejects.toMatchObject({
      code: 'request.hetu.forbidden',
    });
    expect(await requestsCsv(store, { includeHetu: true, actor: admin, lang: 'sv' })).toContain('131052-308T');
    expect(await requestsCsv(store, { includeHetu: false, actor: admin, lang: 'sv', from: '2026-02-01' })).toBe(
      '\uFEFFReferens;Organisation;Typ;Status;Mottagen;Tidsfrist;Förlängd tidsfrist;Avgjord;Avgörande;Kanal;Svarsspråk;Handläggare;Register;Diarienummer;Den som begär\r\n',
    );
    expect(await auditText()).toContain('"hetu":true');
  });

  it('anonymise closed requests older than the retention period, and a dry run changes nothing', async () => {
    const old = await decidedRequest('2023-01-05', '2023-01-20');
    await transition(store, old.id, 'closed', handler, undefined, at('2023-01-21'));
    const recent = await decidedRequest('2026-01-05', '2026-01-20');
    await transition(store, recent.id, 'closed', handler, undefined, at('2026-01-21'));
    const now = at('2026-11-23');
    await expect(purgeRequests(store, { retentionMonths: 24, dryRun: true, actor: handler, now })).rejects.toMatchObject({
      code: 'request.forbidden',
    });
    expect(await purgeRequests(store, { retentionMonths: 24, dryRun: true, actor: cli, now })).toEqual([old.reference]);
    expect((await store.requests.byId(old.id))!.requester.hetu).toBe('131052-308T');
    expect(await purgeRequests(store, { retentionMonths: 24, dryRun: false, actor: cli, now })).toEqual([old.reference]);
    const purged = (await store.requests.byId(old.id))!;
    expect(purged.requester).toEqual({ name: '–', language: 'fi' });
    expect(purged).toMatchObject({ reference: old.reference, outcome: 'granted', purgedAt: now.toISOString() });
    expect((await store.requests.byId(recent.id))!.requester.hetu).toBe('131052-308T');
    expect(await auditText()).toContain('"action":"request.purged"');
  });
});
