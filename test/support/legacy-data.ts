// A data directory of the lowdb era (store.json at schema version 3 and audit.jsonl), generated with fictional
// people: the input of `seloste db import`, for its test and for the benchmark's bulk load.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalEvent, GENESIS_HASH, type AuditEvent } from '../../src/domain/audit.ts';
import { addDays } from '../../src/domain/calendar.ts';
import { computeDeadlines, REQUEST_TYPES } from '../../src/domain/deadline.ts';

/** The request types a lowdb-era store could hold: the log-data, misuse and Ombudsman types came later. */
const LEGACY_TYPES = REQUEST_TYPES.filter((type) => !['log-data', 'misuse-investigation', 'ombudsman-inquiry'].includes(type));
import type { LegacyRequest } from '../../src/store/legacy-import.ts';

const STATUSES = ['received', 'in-progress', 'decided', 'closed', 'identity-pending'] as const;
const REGISTERS = ['helsinki-atj', 'helsinki-reception-clients', 'example-youth-services'];

export interface LegacyUser {
  id: string;
  username: string;
  name: string;
  role: 'admin' | 'dpo' | 'handler' | 'auditor';
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

/** A request as the lowdb store held it, varied: letters, extensions, identity checks, notes and outcomes. */
export function legacyRequest(index: number): LegacyRequest {
  const received = addDays('2024-01-01', index % 1000);
  const type = LEGACY_TYPES[index % LEGACY_TYPES.length]!;
  const status = STATUSES[index % STATUSES.length]!;
  const decided = status === 'decided' || status === 'closed';
  const due = computeDeadlines({ received, type }).due;
  return {
    id: crypto.randomUUID(),
    reference: `TS-${received.slice(0, 4)}-${String(index + 1).padStart(6, '0')}`,
    type,
    received,
    channel: index % 2 ? 'e-service' : 'post',
    requester: {
      name: `Testi Henkilö ${index}`,
      email: `testi${index}@example.com`,
      ...(index % 4 === 0 ? { hetu: '131052-308T' } : {}),
      ...(index % 5 === 0 ? { phone: '040 123 4567', address: 'Esimerkkikatu 1\n00100 Helsinki' } : {}),
      language: index % 3 === 0 ? 'sv' : index % 7 === 0 ? 'en' : 'fi',
    },
    ...(index % 9 === 0 ? { representative: { name: 'Edustaja Esimerkki', basis: 'huoltaja', contact: 'edustaja@example.com' } } : {}),
    registers: [REGISTERS[index % REGISTERS.length]!],
    ...(index % 6 === 0 ? { details: `Pyyntö numero ${index}: haluan nähdä tietoni.` } : {}),
    ...(index % 8 === 0
      ? { identity: { method: 'strong-electronic' as const, verifiedBy: 'helmi.handler', verifiedAt: `${received}T10:00:00.000Z` } }
      : {}),
    assignee: 'helmi.handler',
    status,
    due,
    ...(index % 10 === 0
      ? { extension: { reason: 'Paljon asiakirjoja', toldOn: received, due: computeDeadlines({ received, type }).extendedDue } }
      : {}),
    stops: index % 11 === 0 ? [{ from: received, to: addDays(received, 3), reason: 'identity-pending' }] : [],
    ...(decided ? { outcome: 'granted' as const, decidedOn: addDays(received, 20) } : {}),
    ...(index % 12 === 0 && decided ? { recipientsNotified: ['Kela'] } : {}),
    letters: decided
      ? [
          {
            kind: 'decision' as const,
            lang: 'fi' as const,
            sentAt: `${addDays(received, 20)}T12:00:00.000Z`,
            sha256: createHash('sha256').update(`letter ${index}`).digest('hex'),
            template: 'letters/decision',
            text: `Päätös ${index}`,
          },
        ]
      : [],
    ...(index % 13 === 0 ? { caseNumber: `HEL 2024-${String(index).padStart(6, '0')}` } : {}),
    history: [
      { at: `${received}T09:00:00.000Z`, by: 'helmi.handler', to: 'received' },
      ...(status !== 'received'
        ? [
            {
              at: `${received}T09:30:00.000Z`,
              by: 'helmi.handler',
              from: 'received' as const,
              to: 'in-progress' as const,
              note: 'aloitettu',
            },
          ]
        : []),
    ],
    createdAt: `${received}T09:00:00.000Z`,
  };
}

/** An audit chain of `count` events, hashed as the lowdb-era log hashed them. */
export function legacyEvents(count: number, references: readonly string[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  let previous = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const unsigned: Omit<AuditEvent, 'hash'> = {
      seq,
      at: new Date(Date.UTC(2024, 0, 1) + seq * 60_000).toISOString(),
      actor: 'helmi.handler',
      action: seq % 3 ? 'request.status' : 'login',
      ...(seq % 3
        ? { entity: `request:${references[seq % references.length]}`, details: { from: 'received', to: 'in-progress' } }
        : { entity: 'user:helmi.handler' }),
      prev: previous,
    };
    const hash = createHash('sha256').update(canonicalEvent(unsigned)).digest('hex');
    events.push({ ...unsigned, hash });
    previous = hash;
  }
  return events;
}

/** Writes DIR/store.json (version 3) and DIR/audit.jsonl. */
export function writeLegacyDataDir(dir: string, data: { users: LegacyUser[]; requests: LegacyRequest[]; events: AuditEvent[] }): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'store.json'), JSON.stringify({ version: 3, users: data.users, requests: data.requests }), { mode: 0o600 });
  writeFileSync(path.join(dir, 'audit.jsonl'), data.events.map((event) => `${JSON.stringify(event)}\n`).join(''), { mode: 0o600 });
}
