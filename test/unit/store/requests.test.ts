import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createLetter, letterPdf } from '../../../src/services/letters.ts';
import { purgeRequests, requestsCsv, requestStatistics } from '../../../src/services/request-reports.ts';
import { readPdf } from '../../support/pdf.ts';
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
import { AuditLog, verifyAuditLog } from '../../../src/store/audit-log.ts';
import type { Runtime } from '../../../src/store/runtime.ts';
import { Store } from '../../../src/store/store.ts';
import { readFileSync } from 'node:fs';

const REGISTERS = new Set(['helsinki-atj', 'example-youth-services']);
const at = (iso: string) => new Date(`${iso}T10:00:00+02:00`);
const input: NewRequest = {
  type: 'access',
  received: '2026-01-31',
  channel: 'e-service',
  requester: { name: 'Testi Henkilö', hetu: '131052-308T', email: 'testi.henkilo@example.com', language: 'fi' },
  registers: ['helsinki-atj'],
};

let runtime: Runtime;
let dir: string;
beforeEach(async () => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-requests-')), 'data');
  runtime = { store: await Store.open({ dir }), audit: await AuditLog.open(dir) };
});
afterEach(() => runtime.store.close());

describe('logging and working a request', () => {
  it('gives references in sequence per year, and stores the due date with its reasons', async () => {
    const first = await createRequest(runtime, input, 'helmi.handler', REGISTERS, at('2026-02-02'));
    const second = await createRequest(runtime, { ...input, received: '2026-02-01' }, 'helmi.handler', REGISTERS, at('2026-02-02'));
    expect([first.reference, second.reference]).toEqual(['TS-2026-000001', 'TS-2026-000002']);
    expect(first.due.date).toBe('2026-03-02');
    expect(first.due.steps.at(-1)).toEqual({ kind: 'moved', from: '2026-02-28', reason: 'saturday', to: '2026-03-02' });
  });

  it('refuses an invalid identity code, an unknown register and a receipt date in the future', async () => {
    await expect(
      createRequest(runtime, { ...input, requester: { ...input.requester, hetu: '131052-308U' } }, 'h', REGISTERS, at('2026-02-02')),
    ).rejects.toMatchObject({ code: 'errors.hetu.invalid' });
    await expect(createRequest(runtime, { ...input, registers: ['atlantis'] }, 'h', REGISTERS, at('2026-02-02'))).rejects.toMatchObject({
      code: 'request.register.unknown',
    });
    await expect(createRequest(runtime, input, 'h', REGISTERS, at('2026-01-30'))).rejects.toMatchObject({
      code: 'request.received.future',
    });
  });

  it('stops the clock while waiting for identity, and adds those days to the due date', async () => {
    const request = await createRequest(runtime, input, 'helmi.handler', REGISTERS, at('2026-02-02'));
    await transition(runtime, request.id, 'identity-pending', 'helmi.handler', 'asked for ID', at('2026-02-02'));
    const verified = await verifyIdentity(runtime, request.id, 'strong-electronic', 'helmi.handler', at('2026-02-12'));
    expect(verified.status).toBe('in-progress');
    expect(verified.identity).toMatchObject({ method: 'strong-electronic', verifiedBy: 'helmi.handler' });
    expect(verified.stops).toEqual([{ from: '2026-02-02', to: '2026-02-12', reason: 'identity-pending' }]);
    expect(verified.due.date).toBe('2026-03-10');
  });

  it('extends only when the requester was told before the original due date, then decides with grounds', async () => {
    const request = await createRequest(runtime, input, 'helmi.handler', REGISTERS, at('2026-02-02'));
    await transition(runtime, request.id, 'in-progress', 'helmi.handler', undefined, at('2026-02-03'));
    await expect(extend(runtime, request.id, 'Paljon asiakirjoja', '2026-03-02', 'helmi.handler', at('2026-03-02'))).rejects.toMatchObject({
      code: 'request.extension.tooLate',
    });
    const extended = await extend(runtime, request.id, 'Paljon asiakirjoja', '2026-02-20', 'helmi.handler', at('2026-02-20'));
    expect(extended.status).toBe('extended');
    expect(extended.extension?.due.date).toBe('2026-04-30');
    await expect(decide(runtime, request.id, { outcome: 'refused' }, 'helmi.handler')).rejects.toMatchObject({
      code: 'request.decision.grounds',
    });
    const decided = await decide(
      runtime,
      request.id,
      { outcome: 'refused', refusalGrounds: ['dpa-34'] },
      'helmi.handler',
      at('2026-03-15'),
    );
    expect(decided).toMatchObject({ status: 'decided', outcome: 'refused', refusalGrounds: ['dpa-34'], decidedOn: '2026-03-15' });
    await expect(transition(runtime, request.id, 'in-progress', 'helmi.handler')).rejects.toMatchObject({
      code: 'request.transition.forbidden',
    });
    expect(decided.history.map((entry) => entry.to)).toEqual(['received', 'in-progress', 'extended', 'decided']);
  });

  it('assigns to handlers only, and audits every reveal of the identity code without writing the code into the log', async () => {
    const request = await createRequest(runtime, input, 'helmi.handler', REGISTERS, at('2026-02-02'));
    await expect(assign(runtime, request.id, 'nobody', 'aino.admin')).rejects.toMatchObject({ code: 'request.assignee.invalid' });
    expect(await revealHetu(runtime, request.id, { username: 'helmi.handler', role: 'handler' })).toBe('131052-308T');
    await expect(revealHetu(runtime, request.id, { username: 'aatu.auditor', role: 'auditor' })).rejects.toMatchObject({
      code: 'request.hetu.forbidden',
    });
    const log = readFileSync(path.join(dir, 'audit.jsonl'), 'utf8');
    expect(log).toContain('"action":"request.hetuRevealed"');
    expect(log).not.toContain('131052');
    expect(log).not.toContain('Testi Henkilö');
    expect((await verifyAuditLog(dir)).ok).toBe(true);
  });
});

describe('letters', () => {
  const context = { organisation: () => 'Esimerkkilän kaupunki', registerTitle: (id: string) => id };

  it('are written in the requester’s language from the templates, with the text and its hash recorded', async () => {
    const request = await createRequest(
      runtime,
      { ...input, requester: { ...input.requester, language: 'sv' } },
      'helmi.handler',
      REGISTERS,
      at('2026-02-02'),
    );
    const withLetter = await createLetter(runtime, request.id, 'acknowledgement', 'helmi.handler', context, at('2026-02-02'));
    const [letter] = withLetter.letters;
    expect(letter).toMatchObject({ kind: 'acknowledgement', lang: 'sv', template: 'letters/acknowledgement' });
    expect(letter!.text).toContain('Bästa Testi Henkilö');
    expect(letter!.text).toContain('senast den 2.3.2026');
    expect(letter!.sha256).toBe(createHash('sha256').update(letter!.text).digest('hex'));
    await expect(createLetter(runtime, request.id, 'decision', 'helmi.handler', context)).rejects.toMatchObject({
      code: 'request.letter.notYet',
    });
    const pdf = await readPdf((await letterPdf(withLetter, 0, 'Exempelby stad'))!);
    expect(pdf).toMatchObject({ title: 'Mottagningsbekräftelse', language: 'sv-FI', marked: true });
    expect(pdf.text).toContain(request.reference);
  });
});

describe('reports and retention', () => {
  async function decidedRequest(received: string, decided: string) {
    const request = await createRequest(runtime, { ...input, received }, 'helmi.handler', REGISTERS, at(received));
    await transition(runtime, request.id, 'in-progress', 'helmi.handler', undefined, at(received));
    return decide(runtime, request.id, { outcome: 'granted' }, 'helmi.handler', at(decided));
  }

  it('count by type and outcome, the median days to answer and the share answered in time', async () => {
    await decidedRequest('2026-01-05', '2026-01-15');
    await decidedRequest('2026-01-10', '2026-02-20');
    await decidedRequest('2026-02-01', '2026-02-04');
    await createRequest(runtime, { ...input, type: 'erasure', received: '2026-02-10' }, 'helmi.handler', REGISTERS, at('2026-02-10'));
    const stats = requestStatistics(runtime.store.data.requests, '2026-01-01', '2026-12-31');
    expect(stats).toMatchObject({ received: 4, decided: 3, medianDays: 10, extensions: 0 });
    expect(stats.byType).toMatchObject({ access: 3, erasure: 1 });
    expect(stats.byOutcome).toMatchObject({ granted: 3 });
    expect(stats.withinDeadline).toBeCloseTo(2 / 3);
  });

  it('export CSV without identity codes, except for an administrator, and defuse formulas', async () => {
    await createRequest(
      runtime,
      { ...input, requester: { ...input.requester, name: '=HYPERLINK("http://evil.example.com")' } },
      'h',
      REGISTERS,
      at('2026-02-02'),
    );
    const plain = await requestsCsv(runtime, { includeHetu: false, actor: { username: 'helmi.handler', role: 'handler' } });
    expect(plain.startsWith('\uFEFFreference,type,status')).toBe(true);
    expect(plain).not.toContain('131052');
    expect(plain).toContain(`"'=HYPERLINK(""http://evil.example.com"")"`);
    await expect(requestsCsv(runtime, { includeHetu: true, actor: { username: 'helmi.handler', role: 'handler' } })).rejects.toMatchObject({
      code: 'request.hetu.forbidden',
    });
    expect(await requestsCsv(runtime, { includeHetu: true, actor: { username: 'aino.admin', role: 'admin' } })).toContain('131052-308T');
    expect(readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')).toContain('"hetu":true');
  });

  it('anonymise closed requests older than the retention period, and a dry run changes nothing', async () => {
    const old = await decidedRequest('2023-01-05', '2023-01-20');
    await transition(runtime, old.id, 'closed', 'helmi.handler', undefined, at('2023-01-21'));
    const recent = await decidedRequest('2026-01-05', '2026-01-20');
    await transition(runtime, recent.id, 'closed', 'helmi.handler', undefined, at('2026-01-21'));
    const now = at('2026-11-23');
    expect(await purgeRequests(runtime, { retentionMonths: 24, dryRun: true, actor: 'cli:test', now })).toEqual([old.reference]);
    expect(runtime.store.data.requests.find((request) => request.id === old.id)!.requester.hetu).toBe('131052-308T');
    expect(await purgeRequests(runtime, { retentionMonths: 24, dryRun: false, actor: 'cli:test', now })).toEqual([old.reference]);
    const purged = runtime.store.data.requests.find((request) => request.id === old.id)!;
    expect(purged.requester).toEqual({ name: '–', language: 'fi' });
    expect(purged).toMatchObject({ reference: old.reference, outcome: 'granted', purgedAt: now.toISOString() });
    expect(runtime.store.data.requests.find((request) => request.id === recent.id)!.requester.hetu).toBe('131052-308T');
    expect(readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')).toContain('"action":"request.purged"');
  });
});
