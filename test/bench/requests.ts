// Request figures on both engines: a database of 20,000 fictional requests and 200,000 audit events (bulk-loaded with
// `seloste db import`), then the time to log and move requests (one writer, and ten at once), the dashboard and a
// filtered list over HTTP, the server's memory, and its time from start to the first answered request. The data is
// generated, never committed. PostgreSQL runs in a throwaway cluster with fsync on, as in production.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Actor } from '../../src/domain/user.ts';
import { createRequest, transition, type NewRequest } from '../../src/services/requests.ts';
import { openStore, type DatabaseConfig, type Store } from '../../src/store/index.ts';
import { seloste } from '../support/cli.ts';
import { databaseEnv, freshDatabase, type EngineName } from '../support/databases.ts';
import { legacyEvents, legacyRequest, writeLegacyDataDir } from '../support/legacy-data.ts';
import { startCluster } from '../support/postgres-cluster.ts';
import { startServer } from '../support/server.ts';
import { login } from '../support/staff.ts';

const PASSWORD = 'Bench-Mark-Passphrase-77';
const HANDLER: Actor = { username: 'bench.handler', roles: { '*': ['handler'] } };
const REGISTERS = new Map([['helsinki-atj', 'helsinki']]);
const INPUT: NewRequest = {
  type: 'access',
  received: '2026-11-02',
  channel: 'email',
  requester: { name: 'Bench', language: 'fi' },
  registers: ['helsinki-atj'],
};

export interface Latency {
  p50: number;
  p99: number;
}

export interface RequestFigures {
  engine: EngineName;
  requests: number;
  events: number;
  loadSeconds: number;
  create: { serial: Latency; concurrent: Latency };
  transition: { serial: Latency; concurrent: Latency };
  /** At 10 connections, and at one (one person clicking through). */
  dashboard: Latency & { rps: number; single: Latency };
  list: Latency & { rps: number; single: Latency };
  serverRssMb: number;
  startMs: number;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const latency = (values: number[]): Latency => ({ p50: percentile(values, 50), p99: percentile(values, 99) });

async function timed<T>(into: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  into.push(performance.now() - started);
  return result;
}

/** Logs and moves `perWriter` requests with each of `writers` writers at once; returns the latencies of each kind. */
async function writes(store: Store, writers: number, perWriter: number): Promise<{ create: number[]; move: number[] }> {
  const create: number[] = [];
  const move: number[] = [];
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let index = 0; index < perWriter; index++) {
        const request = await timed(create, () => createRequest(store, INPUT, HANDLER, REGISTERS));
        await timed(move, () => transition(store, request.id, 'in-progress', HANDLER));
      }
    }),
  );
  return { create, move };
}

function load(url: string, cookie: string, seconds: number, connections = 10): Promise<autocannon.Result> {
  return new Promise((resolve, reject) =>
    autocannon({ url, connections, duration: seconds, headers: { cookie } }, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

async function benchEngine(
  engine: EngineName,
  config: DatabaseConfig,
  requests: number,
  events: number,
  seconds: number,
): Promise<RequestFigures> {
  const legacy = mkdtempSync(path.join(tmpdir(), 'seloste-bench-legacy-'));
  const generated = Array.from({ length: requests }, (_, index) => legacyRequest(index));
  writeLegacyDataDir(legacy, {
    users: [],
    requests: generated,
    events: legacyEvents(
      events,
      generated.map((request) => request.reference),
    ),
  });
  const env = { ...databaseEnv(config), SELOSTE_SCRYPT_LOG_N: '14' };
  const loadStarted = performance.now();
  const imported = seloste(['db', 'import', '--from', legacy, '--org', 'helsinki'], env);
  if (imported.status !== 0) throw new Error(imported.stderr);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  rmSync(legacy, { recursive: true, force: true });
  const added = seloste(['user', 'add', '--username', 'bench.handler', '--role', 'handler'], env, `${PASSWORD}\n`);
  if (added.status !== 0) throw new Error(added.stderr);

  const store = await openStore(config);
  let serial: { create: number[]; move: number[] };
  let concurrent: { create: number[]; move: number[] };
  try {
    await writes(store, 1, 10); // warm-up
    serial = await writes(store, 1, 200);
    concurrent = await writes(store, 10, 20);
  } finally {
    await store.close();
  }

  const started = performance.now();
  const server = await startServer({ ...env, LOG_REQUESTS: '0' });
  const startMs = performance.now() - started;
  try {
    const { cookie } = await login(server.baseUrl, 'bench.handler', PASSWORD);
    await load(`${server.baseUrl}/fi/staff/`, cookie!, 1);
    const listUrl = `${server.baseUrl}/fi/staff/requests?status=in-progress&type=access&sort=due`;
    const dashboard = await load(`${server.baseUrl}/fi/staff/`, cookie!, seconds);
    const list = await load(listUrl, cookie!, seconds);
    const dashboardSingle = await load(`${server.baseUrl}/fi/staff/`, cookie!, seconds, 1);
    const listSingle = await load(listUrl, cookie!, seconds, 1);
    const rss = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
    return {
      engine,
      requests,
      events,
      loadSeconds,
      create: { serial: latency(serial.create), concurrent: latency(concurrent.create) },
      transition: { serial: latency(serial.move), concurrent: latency(concurrent.move) },
      dashboard: {
        p50: dashboard.latency.p50,
        p99: dashboard.latency.p99,
        rps: Math.round(dashboard.requests.average),
        single: { p50: dashboardSingle.latency.p50, p99: dashboardSingle.latency.p99 },
      },
      list: {
        p50: list.latency.p50,
        p99: list.latency.p99,
        rps: Math.round(list.requests.average),
        single: { p50: listSingle.latency.p50, p99: listSingle.latency.p99 },
      },
      serverRssMb: Number(rss ?? 0) / 1024,
      startMs,
    };
  } finally {
    await server.stop();
  }
}

/** Both engines, one after the other on the same machine. */
export async function benchRequests(
  requests = 20_000,
  events = 200_000,
  seconds = Number(process.env.BENCH_SECONDS ?? 5),
): Promise<RequestFigures[]> {
  const figures = [await benchEngine('sqlite', await freshDatabase('sqlite'), requests, events, seconds)];
  const clusterDir = mkdtempSync(path.join(tmpdir(), 'seloste-bench-pg-'));
  const cluster = await startCluster(clusterDir, { durable: true });
  const previous = process.env.SELOSTE_TEST_PG_URL;
  process.env.SELOSTE_TEST_PG_URL = cluster.url;
  try {
    figures.push(await benchEngine('postgres', await freshDatabase('postgres'), requests, events, seconds));
  } finally {
    cluster.stop();
    rmSync(clusterDir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.SELOSTE_TEST_PG_URL;
    else process.env.SELOSTE_TEST_PG_URL = previous;
  }
  return figures;
}
