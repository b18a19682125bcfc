// Request figures: a store of 20,000 fictional requests and an audit log of 200,000 events, then the time to log and
// move requests, the dashboard and a filtered list over HTTP, and the server's memory. The data is generated, never committed.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { canonicalEvent, GENESIS_HASH, type AuditEvent } from '../../src/domain/audit.ts';
import { addDays } from '../../src/domain/calendar.ts';
import { computeDeadlines, REQUEST_TYPES } from '../../src/domain/deadline.ts';
import type { DataSubjectRequest } from '../../src/domain/request.ts';
import { hashPassword } from '../../src/services/password.ts';
import { createRequest, transition } from '../../src/services/requests.ts';
import { AuditLog } from '../../src/store/audit-log.ts';
import { Store, STORE_VERSION } from '../../src/store/store.ts';
import { startServer } from '../support/server.ts';
import { login } from '../support/staff.ts';

const STATUSES = ['received', 'in-progress', 'decided', 'closed', 'identity-pending'] as const;
const PASSWORD = 'Bench-Mark-Passphrase-77';

async function generate(requests: number, events: number): Promise<string> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-bench-data-')), 'data');
  const store = await Store.open({ dir });
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(PASSWORD);
  await store.mutate((data) => {
    data.users.push({
      id: crypto.randomUUID(),
      username: 'bench.handler',
      name: 'Bench Handler',
      role: 'handler',
      passwordHash,
      disabled: false,
      createdAt: now,
      passwordChangedAt: now,
    });
  });
  await store.close();
  const file = path.join(dir, 'store.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    version: number;
    requests: DataSubjectRequest[];
  };
  for (let index = 0; index < requests; index++) {
    const received = addDays('2025-01-01', index % 690);
    const type = REQUEST_TYPES[index % REQUEST_TYPES.length]!;
    const status = STATUSES[index % STATUSES.length]!;
    data.requests.push({
      id: crypto.randomUUID(),
      reference: `TS-${received.slice(0, 4)}-${String(index + 1).padStart(6, '0')}`,
      type,
      received,
      channel: 'e-service',
      requester: { name: `Testi Henkilö ${index}`, email: `testi${index}@example.com`, language: index % 3 === 0 ? 'sv' : 'fi' },
      registers: ['helsinki-atj'],
      status,
      due: computeDeadlines({ received, type }).due,
      stops: [],
      letters: [],
      history: [{ at: `${received}T09:00:00.000Z`, by: 'bench.handler', to: 'received' }],
      createdAt: `${received}T09:00:00.000Z`,
      assignee: 'bench.handler',
      ...(status === 'decided' || status === 'closed' ? { outcome: 'granted' as const, decidedOn: addDays(received, 20) } : {}),
    });
  }
  data.version = STORE_VERSION;
  writeFileSync(file, JSON.stringify(data, null, 2), { mode: 0o600 });
  const lines: string[] = [];
  let previous = GENESIS_HASH;
  for (let seq = 1; seq <= events; seq++) {
    const unsigned: Omit<AuditEvent, 'hash'> = {
      seq,
      at: new Date(Date.UTC(2025, 0, 1) + seq * 60_000).toISOString(),
      actor: 'bench.handler',
      action: 'request.status',
      entity: `request:TS-2025-${String(seq % requests).padStart(6, '0')}`,
      details: { from: 'received', to: 'in-progress' },
      prev: previous,
    };
    const hash = createHash('sha256').update(canonicalEvent(unsigned)).digest('hex');
    lines.push(JSON.stringify({ ...unsigned, hash }));
    previous = hash;
  }
  writeFileSync(path.join(dir, 'audit.jsonl'), `${lines.join('\n')}\n`, { mode: 0o600 });
  return dir;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

function load(url: string, cookie: string, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) =>
    autocannon({ url, connections: 4, duration: seconds, headers: { cookie } }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );
}

export interface RequestFigures {
  requests: number;
  events: number;
  storeMb: number;
  create: { p50: number; p99: number };
  transition: { p50: number; p99: number };
  dashboard: { p50: number; p99: number; rps: number };
  list: { p50: number; p99: number; rps: number };
  serverRssMb: number;
}

export async function benchRequests(
  requests = 20_000,
  events = 200_000,
  seconds = Number(process.env.BENCH_SECONDS ?? 5),
): Promise<RequestFigures> {
  process.env.SELOSTE_SCRYPT_LOG_N ??= '14';
  const dir = await generate(requests, events);
  const storeMb = readFileSync(path.join(dir, 'store.json')).length / 1e6;

  const store = await Store.open({ dir });
  const runtime = { store, audit: await AuditLog.open(dir) };
  const creates: number[] = [];
  const moves: number[] = [];
  const known = new Set(['helsinki-atj']);
  for (let index = 0; index < 25; index++) {
    let started = performance.now();
    const request = await createRequest(
      runtime,
      {
        type: 'access',
        received: '2026-11-02',
        channel: 'email',
        requester: { name: 'Bench', language: 'fi' },
        registers: ['helsinki-atj'],
      },
      'bench.handler',
      known,
    );
    creates.push(performance.now() - started);
    started = performance.now();
    await transition(runtime, request.id, 'in-progress', 'bench.handler');
    moves.push(performance.now() - started);
  }
  await store.close();

  const server = await startServer({ DATA_DIR: dir, LOG_REQUESTS: '0' });
  try {
    const { cookie } = await login(server.baseUrl, 'bench.handler', PASSWORD);
    const dashboard = await load(`${server.baseUrl}/fi/staff/`, cookie!, seconds);
    const list = await load(`${server.baseUrl}/fi/staff/requests?status=in-progress&type=access&sort=due`, cookie!, seconds);
    const rss = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
    return {
      requests,
      events,
      storeMb,
      create: { p50: percentile(creates, 50), p99: percentile(creates, 99) },
      transition: { p50: percentile(moves, 50), p99: percentile(moves, 99) },
      dashboard: { p50: dashboard.latency.p50, p99: dashboard.latency.p99, rps: Math.round(dashboard.requests.average) },
      list: { p50: list.latency.p50, p99: list.latency.p99, rps: Math.round(list.requests.average) },
      serverRssMb: Number(rss ?? 0) / 1024,
    };
  } finally {
    await server.stop();
  }
}
