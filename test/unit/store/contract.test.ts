import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { computeDeadlines } from '../../../src/domain/deadline.ts';
import type { DataSubjectRequest } from '../../../src/domain/request.ts';
import type { User } from '../../../src/domain/user.ts';
import { hashEvent } from '../../../src/store/audit-log.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { migrate, MIGRATIONS, OPEN_STATUSES_AT_MIGRATION_7 } from '../../../src/store/migrations.ts';
import { OPEN } from '../../../src/store/requests.ts';
import { OPEN_STATUSES } from '../../../src/domain/request.ts';
import { selosteAsync } from '../../support/cli.ts';
import { databaseEnv, ENGINES, freshDatabase } from '../../support/databases.ts';

const HASH = 'scrypt$14$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';

function user(username: string, roles: User['roles'] = { helsinki: ['handler'] }): User {
  return {
    id: crypto.randomUUID(),
    username,
    name: `Name of ${username}`,
    roles,
    passwordHash: HASH,
    disabled: false,
    createdAt: '2026-11-01T08:00:00.000Z',
    passwordChangedAt: '2026-11-01T08:00:00.000Z',
  };
}

let counter = 0;
function request(fields: Partial<DataSubjectRequest> = {}): DataSubjectRequest {
  counter++;
  const received = fields.received ?? '2026-03-02';
  return {
    id: crypto.randomUUID(),
    reference: `TS-2026-${String(counter).padStart(6, '0')}`,
    organisation: 'helsinki',
    type: 'access',
    received,
    channel: 'email',
    requester: { name: `Testi Henkilö ${counter}`, email: `testi${counter}@example.com`, hetu: '131052-308T', language: 'fi' },
    registers: ['helsinki-atj'],
    status: 'received',
    due: computeDeadlines({ received, type: 'access' }).due,
    stops: [],
    letters: [],
    history: [{ at: '2026-03-02T08:00:00.000Z', by: 'helmi.handler', to: 'received' }],
    createdAt: '2026-03-02T08:00:00.000Z',
    ...fields,
  };
}

describe.each(ENGINES)('the repositories on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(await freshDatabase(engine));
  });
  afterEach(() => store.close());

  describe('users', () => {
    it('keep every field and their roles per organisation, and find them by name, id and SSO subject', async () => {
      const anna = { ...user('anna.admin', { '*': ['admin'], helsinki: ['dpo', 'handler'] }), ssoSubject: 'entra|1234' };
      await store.users.save(anna);
      expect(await store.users.byUsername('anna.admin')).toEqual(anna);
      expect(await store.users.byId(anna.id)).toEqual(anna);
      expect(await store.users.bySsoSubject('entra|1234')).toEqual(anna);
      await store.users.save({ ...anna, roles: { siuntio: ['auditor'] }, disabled: true });
      expect(await store.users.byId(anna.id)).toMatchObject({ roles: { siuntio: ['auditor'] }, disabled: true });
      expect(await store.users.count()).toBe(1);
    });

    it('refuse an invalid account, and a second account with a taken username, writing nothing', async () => {
      await expect(store.users.save({ ...user('x'), username: 'X!' })).rejects.toMatchObject({ code: 'STORE_INVALID' });
      await store.users.save(user('bertta'));
      await expect(store.transaction((repositories) => repositories.users.save(user('bertta')))).rejects.toThrow();
      expect((await store.users.list()).map((entry) => entry.username)).toEqual(['bertta']);
    });
  });

  describe('sessions', () => {
    const limits = { idleMs: 30 * 60_000, absoluteMs: 10 * 3_600_000 };
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 8, 0) + minutes * 60_000);

    it('end after the idle time, and after the absolute time however busy', async () => {
      const anna = user('anna');
      await store.users.save(anna);
      await store.sessions.create('idle', anna.id, at(0));
      expect(await store.sessions.resolve('idle', at(29), limits)).toEqual({ userId: anna.id });
      expect(await store.sessions.resolve('idle', at(58), limits)).toEqual({ userId: anna.id });
      expect(await store.sessions.resolve('idle', at(89), limits)).toBe('expired');
      expect(await store.sessions.resolve('idle', at(90), limits)).toBeUndefined();
      await store.sessions.create('busy', anna.id, at(0));
      for (let minute = 20; minute < 600; minute += 20)
        expect(await store.sessions.resolve('busy', at(minute), limits)).toEqual({ userId: anna.id });
      expect(await store.sessions.resolve('busy', at(601), limits)).toBe('expired');
    });

    it('end for every device of a user at once, and carry a message to the next page once', async () => {
      const anna = user('anna');
      await store.users.save(anna);
      await store.sessions.create('phone', anna.id, at(0));
      await store.sessions.create('laptop', anna.id, at(0));
      await store.sessions.setFlash('phone', '{"kind":"created"}');
      expect(await store.sessions.takeFlash('phone')).toBe('{"kind":"created"}');
      expect(await store.sessions.takeFlash('phone')).toBeUndefined();
      await store.sessions.destroyForUser(anna.id);
      expect(await store.sessions.resolve('phone', at(1), limits)).toBeUndefined();
      expect(await store.sessions.resolve('laptop', at(1), limits)).toBeUndefined();
    });
  });

  describe('the login throttle', () => {
    const window = 15 * 60_000;
    const now = new Date(Date.UTC(2026, 10, 23, 9, 0));

    it('lets exactly the limit through when forty attempts come at once', async () => {
      const taken = await Promise.all(
        Array.from({ length: 40 }, () =>
          store.loginThrottle.take(
            [
              { key: 'u:anna', limit: 5 },
              { key: 'a:192.0.2.1', limit: 20 },
            ],
            window,
            now,
          ),
        ),
      );
      expect(taken.filter(Boolean)).toHaveLength(5);
    });

    it('counts per key within the window, and gives back a success', async () => {
      for (let attempt = 0; attempt < 20; attempt++)
        expect(
          await store.loginThrottle.take(
            [
              { key: `u:user${attempt}`, limit: 5 },
              { key: 'a:198.51.100.7', limit: 20 },
            ],
            window,
            now,
          ),
        ).toBeDefined();
      expect(
        await store.loginThrottle.take(
          [
            { key: 'u:someone', limit: 5 },
            { key: 'a:198.51.100.7', limit: 20 },
          ],
          window,
          now,
        ),
      ).toBeUndefined();
      expect(
        await store.loginThrottle.take(
          [
            { key: 'u:someone', limit: 5 },
            { key: 'a:198.51.100.8', limit: 20 },
          ],
          window,
          now,
        ),
      ).toBeDefined();
      expect(
        await store.loginThrottle.take(
          [
            { key: 'u:someone', limit: 5 },
            { key: 'a:198.51.100.7', limit: 20 },
          ],
          window,
          new Date(now.getTime() + window),
        ),
      ).toBeDefined();
      const ids = await store.loginThrottle.take([{ key: 'u:kalle', limit: 1 }], window, now);
      await store.loginThrottle.release(ids!, ['u:kalle']);
      expect(await store.loginThrottle.take([{ key: 'u:kalle', limit: 1 }], window, now)).toBeDefined();
    });
  });

  describe('requests', () => {
    it('give the open ones in due order from their own index, without sorting', async () => {
      // A queue with some history, then a restart: opening lets SQLite gather the statistics it chooses indexes by.
      const config = await freshDatabase(engine);
      const filled = await openStore(config);
      const statuses = ['received', 'in-progress', 'decided', 'closed'] as const;
      await filled.transaction(async (repositories) => {
        for (let index = 0; index < 400; index++) await repositories.requests.save(request({ status: statuses[index % 4]! }));
      });
      await filled.close();
      const reopened = await openStore(config);
      onTestFinished(() => reopened.close());
      const query = reopened.database.db
        .selectFrom('requests')
        .select(['reference', 'due_date'])
        .where(OPEN)
        .where('due_date', '<', '2026-12-01')
        .orderBy('due_date')
        .orderBy('reference')
        .limit(10)
        .compile();
      const plan = await reopened.database.db.connection().execute(async (connection) => {
        if (engine === 'sqlite') {
          const rows = await connection.executeQuery<{ detail: string }>({ ...query, sql: `explain query plan ${query.sql}` });
          return rows.rows.map((row) => row.detail).join('\n');
        }
        // An empty table would be read whole; tell the planner to prefer indexes, as it does on a full one.
        await sql`set enable_seqscan = off`.execute(connection);
        await sql`set enable_sort = off`.execute(connection);
        const rows = await connection.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `explain ${query.sql}` });
        await sql`reset all`.execute(connection);
        return rows.rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('requests_open_due');
      expect(plan).not.toMatch(/TEMP B-TREE|Sort/u);
      // The index's predicate is migration 7's copy of the open statuses; a change to them needs a new migration.
      expect([...OPEN_STATUSES_AT_MIGRATION_7]).toEqual([...OPEN_STATUSES]);
    });

    it('keep every field, with letters and history that only grow', async () => {
      const first = request({
        details: 'Haluan nähdä tietoni.',
        caseNumber: 'HEL 2026-001234',
        representative: { name: 'Edustaja', basis: 'valtakirja' },
      });
      await store.transaction((repositories) => repositories.requests.save(first));
      expect(await store.requests.byId(first.id)).toEqual(first);
      const later: DataSubjectRequest = {
        ...first,
        status: 'in-progress',
        history: [
          ...first.history,
          { at: '2026-03-03T08:00:00.000Z', by: 'helmi.handler', from: 'received', to: 'in-progress', note: 'aloitettu' },
        ],
        letters: [
          {
            kind: 'acknowledgement',
            lang: 'fi',
            sentAt: '2026-03-03T08:00:00.000Z',
            sha256: 'a'.repeat(64),
            template: 'letters/acknowledgement',
            text: 'Hei',
          },
        ],
      };
      await store.requests.save(later);
      expect(await store.requests.byReference(first.reference)).toEqual(later);
    });

    it('give references that never collide, however many are asked for at once', async () => {
      const numbers = await Promise.all(
        Array.from({ length: 100 }, () => store.transaction((repositories) => repositories.requests.nextSequence(2026))),
      );
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
      await store.requests.raiseSequence(2026, 500);
      await store.requests.raiseSequence(2026, 7);
      expect(await store.requests.nextSequence(2026)).toBe(501);
      expect(await store.requests.nextSequence(2027)).toBe(1);
    });

    it('list, filter, search, sort, count and page within the organisations in scope', async () => {
      const rows = [
        request({ received: '2026-01-05', requester: { name: 'Aino Aaltonen', email: 'aino@example.com', language: 'fi' } }),
        request({ received: '2026-02-10', status: 'in-progress', assignee: 'helmi.handler', caseNumber: 'HEL 2026-000777' }),
        request({ received: '2026-03-01', status: 'closed', type: 'erasure' }),
        request({ received: '2026-03-02', organisation: 'siuntio' }),
      ];
      for (const row of rows) await store.requests.save(row);
      const everywhere = { scope: { every: true as const }, today: '2026-03-11', soonUntil: '2026-03-18' };
      const helsinki = { ...everywhere, scope: { every: false as const, ids: ['helsinki'] } };
      expect((await store.requests.list(everywhere, 'reference', undefined, 25)).total).toBe(4);
      expect((await store.requests.list(helsinki, 'reference', undefined, 25)).total).toBe(3);
      expect((await store.requests.list({ ...everywhere, scope: { every: false, ids: [] } }, 'due', undefined, 25)).total).toBe(0);
      expect((await store.requests.list({ ...helsinki, q: 'AALTO' }, 'due', undefined, 25)).rows.map((row) => row.reference)).toEqual([
        rows[0]!.reference,
      ]);
      expect((await store.requests.list({ ...helsinki, q: 'aino@example' }, 'due', undefined, 25)).total).toBe(1);
      expect((await store.requests.list({ ...helsinki, q: '2026-000777' }, 'due', undefined, 25)).total).toBe(1);
      expect((await store.requests.list({ ...helsinki, q: '%' }, 'due', undefined, 25)).total).toBe(0);
      expect((await store.requests.list({ ...helsinki, status: 'closed' }, 'due', undefined, 25)).rows[0]?.type).toBe('erasure');
      expect((await store.requests.list({ ...helsinki, assignee: 'helmi.handler' }, 'due', undefined, 25)).total).toBe(1);
      expect((await store.requests.list({ ...helsinki, due: 'overdue' }, 'due', undefined, 25)).rows.map((row) => row.reference)).toEqual([
        rows[0]!.reference,
        rows[1]!.reference,
      ]);
      const received = await store.requests.list(helsinki, 'received', undefined, 2);
      expect(received.rows.map((row) => row.received)).toEqual(['2026-03-01', '2026-02-10']);
      expect(received).toMatchObject({ total: 3, page: 1, pages: 2 });
      expect(await store.requests.list(helsinki, 'received', '99', 2)).toMatchObject({ page: 2, rows: [{ received: '2026-01-05' }] });
      expect(received.rows[0]?.maskedHetu).toBe('131052-****');
      expect(await store.requests.openCounts(helsinki.scope)).toEqual({ received: 1, 'in-progress': 1 });
      expect((await store.requests.openDue(helsinki.scope, { before: '2026-03-11' }, 10)).total).toBe(2);
      expect(await store.requests.receivedPerMonth(everywhere.scope, '2026-02-01')).toEqual(
        new Map([
          ['2026-02', 1],
          ['2026-03', 2],
        ]),
      );
      expect((await store.requests.periodFacts(helsinki.scope, '2026-02-01', '2026-03-31')).map((fact) => fact.type).sort()).toEqual([
        'access',
        'erasure',
      ]);
      const all: string[] = [];
      for await (const entry of store.requests.all({ every: false, ids: ['siuntio'] }, 1)) all.push(entry.reference);
      expect(all).toEqual([rows[3]!.reference]);
    });

    it('list how each requester was identified, and filter by it', async () => {
      const strong = request({
        channel: 'e-service',
        identity: { method: 'strong-electronic', verifiedBy: 'http://127.0.0.1:4400', verifiedAt: '2026-03-02T08:00:00.000Z' },
      });
      const unverified = request();
      await store.requests.save(strong);
      await store.requests.save(unverified);
      // A handler verifies the second one later, in person: the column follows the update.
      await store.requests.save({
        ...unverified,
        identity: { method: 'in-person-id-document', verifiedBy: 'helmi.handler', verifiedAt: '2026-03-03T08:00:00.000Z' },
      });
      const third = request();
      await store.requests.save(third);
      const filter = { scope: { every: true as const }, today: '2026-03-11', soonUntil: '2026-03-18' };
      const listed = await store.requests.list(filter, 'reference', undefined, 25);
      expect(listed.rows.map((row) => [row.reference, row.identityMethod])).toEqual([
        [third.reference, undefined],
        [unverified.reference, 'in-person-id-document'],
        [strong.reference, 'strong-electronic'],
      ]);
      const references = async (identification: 'strong' | 'verified' | 'unverified') =>
        (await store.requests.list({ ...filter, identification }, 'reference', undefined, 25)).rows.map((row) => row.reference);
      expect(await references('strong')).toEqual([strong.reference]);
      expect(await references('verified')).toEqual([unverified.reference, strong.reference]);
      expect(await references('unverified')).toEqual([third.reference]);
    });

    it('refuse to list a request whose identification column was changed behind Seloste’s back', async () => {
      const saved = await store.requests.save(request());
      await store.database.db.updateTable('requests').set({ identity_method: 'a-guess' }).where('id', '=', saved.id).execute();
      await expect(
        store.requests.list({ scope: { every: true }, today: '2026-03-11', soonUntil: '2026-03-18' }, 'due', undefined, 25),
      ).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    });

    it('refuse a request that does not fit the schema, writing nothing', async () => {
      await expect(store.requests.save(request({ details: 'x'.repeat(5001) }))).rejects.toMatchObject({ code: 'STORE_INVALID' });
      expect(await store.requests.count()).toBe(0);
    });

    it('are anonymised by the purge, keeping hashes, dates and outcome', async () => {
      const closed = request({
        status: 'closed',
        outcome: 'granted',
        letters: [
          {
            kind: 'decision',
            lang: 'fi',
            sentAt: '2026-03-03T08:00:00.000Z',
            sha256: 'b'.repeat(64),
            template: 'letters/decision',
            text: 'Päätös',
          },
        ],
        history: [{ at: '2026-03-02T08:00:00.000Z', by: 'helmi', to: 'received', note: 'henkilötietoja' }],
      });
      await store.requests.save(closed);
      await store.requests.purge({
        ...closed,
        requester: { name: '–', language: 'fi' },
        letters: [],
        history: [],
        purgedAt: '2028-04-01T00:00:00.000Z',
      });
      const purged = await store.requests.byId(closed.id);
      expect(purged?.requester).toEqual({ name: '–', language: 'fi' });
      expect(purged?.letters).toEqual([{ ...closed.letters[0], text: '' }]);
      expect(purged?.history).toEqual([{ at: '2026-03-02T08:00:00.000Z', by: 'helmi', to: 'received' }]);
      expect(
        (
          await store.requests.list(
            { scope: { every: true }, q: 'testi', today: '2028-04-01', soonUntil: '2028-04-08' },
            'due',
            undefined,
            5,
          )
        ).total,
      ).toBe(0);
    });
  });

  describe('the work of a request', () => {
    it('keeps an attachment’s bytes and hash, lists it without them, and drops it with the purge', async () => {
      const saved = await store.requests.save(request());
      const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0xff]);
      const attachment = {
        id: crypto.randomUUID(),
        requestId: saved.id,
        name: 'Ote Åsa.pdf',
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256: 'a'.repeat(64),
        uploadedAt: '2026-03-03T08:00:00.000Z',
        uploadedBy: 'helmi.handler',
      };
      await store.attachments.add(attachment, bytes);
      expect(await store.attachments.forRequest(saved.id)).toEqual([attachment]);
      expect(await store.attachments.withData(attachment.id)).toEqual({ attachment, data: bytes });
      await store.transaction((repositories) =>
        repositories.requests.purge({ ...saved, status: 'closed', purgedAt: '2028-01-01T00:00:00.000Z' }),
      );
      expect(await store.attachments.forRequest(saved.id)).toEqual([]);
    });

    it('claims a data request’s reminder once a day however many ask, and lets one holder at a time take a job', async () => {
      const saved = await store.requests.save(request());
      const dataRequest = {
        id: crypto.randomUUID(),
        requestId: saved.id,
        reference: saved.reference,
        organisation: 'helsinki',
        register: 'helsinki-atj',
        contact: { name: 'Perhekeskus', email: 'perhekeskus@example.com' },
        due: '2026-03-10',
        status: 'sent' as const,
        createdAt: '2026-03-02T08:00:00.000Z',
        createdBy: 'helmi.handler',
        message: 'Hei',
        sent: { at: '2026-03-02T08:00:00.000Z', by: 'helmi.handler', channel: 'email' as const },
        reminders: [],
      };
      await store.dataRequests.save(dataRequest);
      expect(await store.dataRequests.forRequest(saved.id)).toEqual([dataRequest]);
      expect((await store.dataRequests.awaited({ every: false, ids: ['helsinki'] }, 10)).total).toBe(1);
      expect((await store.dataRequests.awaited({ every: false, ids: ['siuntio'] }, 10)).total).toBe(0);
      expect(await store.dataRequests.dueForReminder('2026-03-10')).toEqual([]);
      expect((await store.dataRequests.dueForReminder('2026-03-11')).map((item) => item.id)).toEqual([dataRequest.id]);
      const claims = await Promise.all([1, 2, 3].map(() => store.dataRequests.claimReminder(dataRequest.id, '2026-03-11')));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.dataRequests.dueForReminder('2026-03-11')).toEqual([]);
      expect(await store.dataRequests.claimReminder(dataRequest.id, '2026-03-12')).toBe(true);
      const now = new Date('2026-03-12T06:00:00Z');
      expect(await store.jobLeases.acquire('reminders', 'a', 60_000, now)).toBe(true);
      expect(await store.jobLeases.acquire('reminders', 'b', 60_000, now)).toBe(false);
      expect(await store.jobLeases.acquire('reminders', 'b', 60_000, new Date(now.getTime() + 61_000))).toBe(true);
      await store.jobLeases.release('reminders', 'b');
      expect(await store.jobLeases.acquire('reminders', 'a', 60_000, now)).toBe(true);
    });

    it('finds a request by its identity code through a keyed hash, and stores no plain index of it', async () => {
      const config = await freshDatabase(engine);
      const keyed = await openStore({ ...config, hetuKey: new TextEncoder().encode('k'.repeat(32)) });
      try {
        const saved = await keyed.requests.save(request());
        const filter = { scope: { every: true } as const, today: '2026-03-02', soonUntil: '2026-03-09' };
        expect(
          (await keyed.requests.list({ ...filter, hetu: '131052-308T' }, 'due', undefined, 10)).rows.map((row) => row.reference),
        ).toEqual([saved.reference]);
        expect((await keyed.requests.list({ ...filter, hetu: '131052-308U' }, 'due', undefined, 10)).total).toBe(0);
        const row = await sql<{ hetu_hash: string; search_text: string }>`select hetu_hash, search_text from requests`.execute(
          keyed.database.db,
        );
        expect(row.rows[0]!.hetu_hash).toMatch(/^[0-9a-f]{64}$/u);
        expect(JSON.stringify(row.rows)).not.toContain('131052');
      } finally {
        await keyed.close();
      }
    });
  });

  describe('the audit log', () => {
    async function withEvents(count: number): Promise<void> {
      await Promise.all(
        Array.from({ length: count }, (_, index) =>
          store.audit.append({ actor: `user${index}`, action: 'login', entity: `user:user${index}` }),
        ),
      );
    }

    it('chains concurrent appends in order, and verifies', async () => {
      await withEvents(50);
      const seqs: number[] = [];
      for await (const event of store.audit.all(7)) seqs.push(event.seq);
      expect(seqs).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
      expect(await store.audit.verify()).toEqual({ ok: true, events: 50 });
    });

    it('catches an edited, a removed and a relinked event', async () => {
      await withEvents(10);
      const { actor } = await store.database.db.selectFrom('audit_events').select('actor').where('seq', '=', 5).executeTakeFirstOrThrow();
      await sql`update audit_events set actor = 'mallory' where seq = 5`.execute(store.database.db);
      expect(await store.audit.verify()).toMatchObject({ ok: false, problem: { line: 5, reason: 'edited' } });
      await sql`update audit_events set actor = ${actor} where seq = 5`.execute(store.database.db);
      await sql`delete from audit_events where seq = 7`.execute(store.database.db);
      expect(await store.audit.verify()).toMatchObject({ ok: false, problem: { line: 7, reason: 'missing' } });
    });

    it('catches an event whose link to the one before was forged, though its own hash is right', async () => {
      await withEvents(5);
      const [third] = await store.database.db.selectFrom('audit_events').selectAll().where('seq', '=', 3).execute();
      const forged = { seq: 3, at: third!.at, actor: third!.actor, action: 'login' as const, entity: third!.entity!, prev: 'f'.repeat(64) };
      await store.database.db
        .updateTable('audit_events')
        .set({ prev: forged.prev, hash: hashEvent(forged) })
        .where('seq', '=', 3)
        .execute();
      expect(await store.audit.verify()).toMatchObject({ ok: false, problem: { line: 3, reason: 'broken' } });
    });

    it('filters by action, actor, dates and organisation, newest first, one page at a time', async () => {
      await store.audit.append(
        { actor: 'helmi', action: 'request.created', entity: 'request:TS-2026-000001', organisation: 'helsinki' },
        new Date('2026-03-01T10:00:00Z'),
      );
      await store.audit.append(
        { actor: 'sami', action: 'request.created', entity: 'request:TS-2026-000002', organisation: 'siuntio' },
        new Date('2026-03-02T10:00:00Z'),
      );
      await store.audit.append({ actor: 'helmi', action: 'login', entity: 'user:helmi' }, new Date('2026-03-03T10:00:00Z'));
      expect((await store.audit.query({}, undefined, 2)).events.map((event) => event.seq)).toEqual([3, 2]);
      expect((await store.audit.query({ action: 'request.created' }, undefined, 10)).total).toBe(2);
      expect((await store.audit.query({ actor: 'HEL' }, undefined, 10)).total).toBe(2);
      expect((await store.audit.query({ from: '2026-03-02', to: '2026-03-02' }, undefined, 10)).events.map((event) => event.actor)).toEqual(
        ['sami'],
      );
      expect((await store.audit.query({ organisations: ['helsinki'] }, undefined, 10)).total).toBe(1);
      expect((await store.audit.query({ organisations: ['helsinki'], alsoActor: 'helmi' }, undefined, 10)).total).toBe(2);
      expect((await store.audit.query({ organisations: [] }, undefined, 10)).total).toBe(0);
    });
  });

  it('keeps settings per organisation over the defaults for all', async () => {
    expect(await store.settings.get('helsinki')).toEqual({ fourEyes: true, reviewBeforeSending: false, requestRetentionMonths: 24 });
    await store.settings.set('*', 'requestRetentionMonths', 36);
    await store.settings.set('helsinki', 'fourEyes', false);
    expect(await store.settings.get('helsinki')).toEqual({ fourEyes: false, reviewBeforeSending: false, requestRetentionMonths: 36 });
    expect(await store.settings.get('siuntio')).toMatchObject({ fourEyes: true, requestRetentionMonths: 36 });
    await expect(store.settings.set('helsinki', 'requestRetentionMonths', 0)).rejects.toMatchObject({ code: 'STORE_INVALID' });
  });

  it('counts changes per scope', async () => {
    await store.changes.bump('registers');
    await store.changes.bump('registers');
    await store.changes.bump('content');
    expect(await store.changes.current()).toEqual(
      new Map([
        ['registers', 2],
        ['content', 1],
      ]),
    );
  });

  it('rolls back all of a transaction when any part fails', async () => {
    await expect(
      store.transaction(async (repositories) => {
        await repositories.users.save(user('kirsi'));
        await repositories.audit.append({ actor: 'kirsi', action: 'login' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.users.count()).toBe(0);
    expect(await store.audit.count()).toBe(0);
  });

  it('fills the identification column of requests stored before migration 6 from their bodies', async () => {
    const strong = request({
      channel: 'e-service',
      identity: { method: 'strong-electronic', verifiedBy: 'http://127.0.0.1:4400', verifiedAt: '2026-03-02T08:00:00.000Z' },
    });
    const letter = request({
      identity: { method: 'signed-letter', verifiedBy: 'helmi.handler', verifiedAt: '2026-03-04T08:00:00.000Z' },
    });
    const unverified = request();
    for (const row of [strong, letter, unverified]) await store.requests.save(row);
    // Back to the schema of version 5: the rows are as an older Seloste left them, with the identity in the body only.
    const { db } = store.database;
    await db.schema.dropIndex('requests_org_identity').execute();
    await db.schema.alterTable('requests').dropColumn('identity_method').execute();
    await db.deleteFrom('schema_migrations').where('version', '=', 6).execute();
    expect(await migrate(db, engine)).toEqual([6]);
    const stored = await db.selectFrom('requests').select(['reference', 'identity_method']).orderBy('reference').execute();
    expect(stored).toEqual([
      { reference: strong.reference, identity_method: 'strong-electronic' },
      { reference: letter.reference, identity_method: 'signed-letter' },
      { reference: unverified.reference, identity_method: null },
    ]);
    const listed = await store.requests.list(
      { scope: { every: true }, identification: 'strong', today: '2026-03-11', soonUntil: '2026-03-18' },
      'reference',
      undefined,
      25,
    );
    expect(listed.rows.map((row) => row.reference)).toEqual([strong.reference]);
  });

  it('applies its migrations once, even when several processes open the database together', async () => {
    const config = await freshDatabase(engine);
    const runs = await Promise.all(Array.from({ length: 4 }, () => selosteAsync(['db', 'migrate', '--lang', 'en'], databaseEnv(config))));
    expect(runs.map((run) => run.status)).toEqual([0, 0, 0, 0]);
    const opened = await openStore(config);
    const versions = await opened.database.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
    // Steps are listed in the order they were written; each is applied once, whatever its number.
    expect(versions.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((migration) => migration.version).sort((a, b) => a - b));
    expect(await opened.health()).toEqual({ ok: true });
    await opened.close();
    expect(await opened.health()).toMatchObject({ ok: false });
  });
});
