import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.ts';
import { seloste } from '../../support/cli.ts';
import { databaseEnv, ENGINES, freshDatabase } from '../../support/databases.ts';
import { legacyEvents, legacyRequest, writeLegacyDataDir, type LegacyUser } from '../../support/legacy-data.ts';

const HASH = 'scrypt$14$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';
const users: LegacyUser[] = (['admin', 'dpo', 'handler', 'auditor'] as const).map((role) => ({
  id: crypto.randomUUID(),
  username: `${role}.user`,
  name: `The ${role}`,
  role,
  passwordHash: HASH,
  disabled: role === 'auditor',
  createdAt: '2025-01-01T00:00:00.000Z',
  passwordChangedAt: '2025-02-01T00:00:00.000Z',
}));
const ORGANISATION_OF: Record<string, string> = {
  'helsinki-atj': 'helsinki',
  'helsinki-reception-clients': 'helsinki',
  'example-youth-services': 'example-municipality',
};

describe.each(ENGINES)('seloste db import on %s', (engine) => {
  it('moves a version 3 store.json with 2,000 requests and its audit log, keeping every field and every event', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'seloste-legacy-'));
    const requests = Array.from({ length: 2000 }, (_, index) => legacyRequest(index));
    const events = legacyEvents(
      3000,
      requests.map((request) => request.reference),
    );
    writeLegacyDataDir(from, { users, requests, events });
    const config = await freshDatabase(engine);
    const result = seloste(['db', 'import', '--from', from, '--lang', 'en'], databaseEnv(config));
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Moved 4 users, 2000 requests \(\d+ letters, \d+ steps\) and 3000 audit events\./u);
    const store = await openStore(config);
    try {
      for (const request of requests)
        expect(await store.requests.byId(request.id)).toEqual({ ...request, organisation: ORGANISATION_OF[request.registers[0]!] });
      for (const { role, ...user } of users) expect(await store.users.byId(user.id)).toEqual({ ...user, roles: { '*': [role] } });
      const imported = [];
      for await (const event of store.audit.all()) imported.push(event);
      expect(imported).toEqual(events);
      expect(await store.audit.verify()).toEqual({ ok: true, events: 3000 });
      // New references continue after the imported ones of each year.
      expect(await store.requests.nextSequence(2026)).toBeGreaterThan(
        Math.max(...requests.filter((request) => request.received.startsWith('2026')).map((request) => Number(request.reference.slice(8)))),
      );
    } finally {
      await store.close();
    }
    expect(seloste(['db', 'import', '--from', from, '--lang', 'en'], databaseEnv(config)).stderr).toContain('already holds data');
  }, 180_000);

  it('keeps nothing when the audit chain of the old log is broken, and says where', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'seloste-legacy-'));
    const requests = [legacyRequest(1), legacyRequest(2)];
    const events = legacyEvents(
      10,
      requests.map((request) => request.reference),
    );
    events[4] = { ...events[4]!, actor: 'mallory' };
    writeLegacyDataDir(from, { users, requests, events });
    const config = await freshDatabase(engine);
    const result = seloste(['db', 'import', '--from', from, '--lang', 'en'], databaseEnv(config));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The import was rolled back and nothing was kept: the audit chain does not verify at event 5 (edited)');
    const store = await openStore(config);
    expect(await store.requests.count()).toBe(0);
    await store.close();
  });
});

describe('seloste db import', () => {
  it('brings a version 1 store.json up to date, and names the field of a damaged file', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'seloste-legacy-'));
    writeFileSync(
      path.join(from, 'store.json'),
      JSON.stringify({ version: 1, users: [{ username: 'vanha', name: 'Vanha', role: 'admin', hash: HASH }] }),
    );
    const config = await freshDatabase('sqlite');
    expect(seloste(['db', 'import', '--from', from, '--lang', 'en'], databaseEnv(config)).stdout).toContain('Moved 1 users, 0 requests');
    const damaged = mkdtempSync(path.join(tmpdir(), 'seloste-legacy-'));
    writeFileSync(path.join(damaged, 'store.json'), readFileSync(path.join(from, 'store.json'), 'utf8').replace('"admin"', '"emperor"'));
    const refused = seloste(['db', 'import', '--from', damaged, '--lang', 'en'], databaseEnv(await freshDatabase('sqlite')));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/store\.json: users\.0\.role/u);
  });

  it('asks for the organisation of requests that name no known register', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'seloste-legacy-'));
    writeLegacyDataDir(from, { users, requests: [{ ...legacyRequest(3), registers: ['atlantis'] }], events: [] });
    const env = databaseEnv(await freshDatabase('sqlite'));
    const refused = seloste(['db', 'import', '--from', from, '--lang', 'en'], env);
    expect(refused.stderr).toContain('Give it with --org.');
    expect(seloste(['db', 'import', '--from', from, '--org', 'helsinki', '--lang', 'en'], env).status).toBe(0);
  });
});
