// Public-page throughput, in one run, against the built server on loopback: a notice page, a 304, the catalogue, a
// search and the stylesheet served by the same server; a bare node:http server sending the very bytes of the notice
// from memory (the ceiling); and the notice at 50 connections. Every request asks for br or gzip, as browsers do.
// The machine is shared, so the notice, the stylesheet and the ceiling are measured in interleaved rounds and the
// median round counts. The CPU time per request of the server and of autocannon itself are given beside: they are
// the figures that load elsewhere disturbs least, and they show which side limits the throughput.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { copyContent, ROOT } from '../support/cli.ts';
import { startServer } from '../support/server.ts';

export interface HttpFigure {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Errors, timeouts and answers other than the one expected. */
  errors: number;
  /** CPU time the answering process spent per request, in µs (Linux only). */
  cpuMicros?: number;
  /** CPU time autocannon (this process) spent per request, in µs: the load generator's own cost. */
  clientMicros: number;
}

export interface HttpFigures {
  /** Every target, in the order listed. */
  all: HttpFigure[];
  notice: HttpFigure;
  staticFile: HttpFigure;
  ceiling: HttpFigure;
  /** The notice at 50 connections. */
  noticeBusy: HttpFigure;
  rounds: number;
}

const ACCEPT = { 'accept-encoding': 'br, gzip' };
const ROUNDS = 3;

interface Target {
  name: string;
  url: string;
  pid: number;
  connections?: number;
  headers?: Record<string, string>;
  /** 304 when every answer must be Not Modified; otherwise every answer must be a 2xx. */
  status?: 304;
}

function load(url: string, seconds: number, connections: number, headers: Record<string, string>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, pipelining: 1, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** User and system CPU time of a process so far, in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return undefined;
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(target: Target, seconds: number): Promise<HttpFigure> {
  const connections = target.connections ?? 10;
  const headers = { ...ACCEPT, ...target.headers };
  await load(target.url, 1, connections, headers); // warm-up
  const before = cpuMs(target.pid);
  const client = process.cpuUsage();
  const result = await load(target.url, seconds, connections, headers);
  const clientUsage = process.cpuUsage(client);
  const after = cpuMs(target.pid);
  const wrong = target.status === 304 ? result['2xx'] + result.non2xx - result['3xx'] : result.non2xx;
  return {
    name: target.name,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + wrong,
    cpuMicros: before === undefined || after === undefined ? undefined : ((after - before) * 1000) / result.requests.total,
    clientMicros: (clientUsage.user + clientUsage.system) / result.requests.total,
  };
}

/** The round in the middle, by throughput (by p99 for the busy notice): one disturbed round does not decide. */
function median(figures: HttpFigure[], by: 'requestsPerSecond' | 'p99'): HttpFigure {
  return [...figures].sort((a, b) => a[by] - b[by])[Math.floor(figures.length / 2)]!;
}

/** The raw answer as a client asking for compression gets it: headers and the undecoded body. */
function fetchRaw(url: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: ACCEPT }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

async function startCeiling(body: Buffer, headers: Record<string, string>): Promise<{ url: string; pid: number; stop: () => void }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-bench-ceiling-')), 'body');
  writeFileSync(file, body);
  const child = spawn(process.execPath, [path.join(ROOT, 'test/bench/ceiling.ts'), file, JSON.stringify(headers)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  return { url: `http://127.0.0.1:${port}/`, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

export async function benchHttp(seconds = Number(process.env.BENCH_SECONDS ?? 5)): Promise<HttpFigures> {
  const server = await startServer({ CONTENT_DIR: copyContent(), LOG_REQUESTS: '0' });
  const site = (pathname: string) => `${server.baseUrl}${pathname}`;
  try {
    const catalogue = (await fetchRaw(site('/fi/'))).headers;
    const html = await (await fetch(site('/fi/'))).text();
    const stylesheet = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/u.exec(html)?.[1];
    if (!stylesheet || !catalogue) throw new Error('no stylesheet link on /fi/: is build.inlineStylesheets still "never"?');
    const noticeUrl = site('/sv/register/helsinki-atj');
    // The first answer after start renders; the second is the one every later reader gets.
    await fetchRaw(noticeUrl);
    const notice = await fetchRaw(noticeUrl);
    if (notice.status !== 200 || !notice.headers.etag) throw new Error(`the notice answered ${notice.status} without an ETag`);
    const { 'content-type': type, 'content-encoding': encoding } = notice.headers;
    const bare = await startCeiling(notice.body, { 'content-type': type!, ...(encoding ? { 'content-encoding': encoding } : {}) });
    try {
      const pid = server.pid;
      const noticeTarget: Target = { name: 'notice page (ATJ, sv)', url: noticeUrl, pid };
      const staticTarget: Target = { name: 'static file (the stylesheet)', url: site(stylesheet), pid };
      const ceilingTarget: Target = { name: 'ceiling: bare node:http, same bytes', url: bare.url, pid: bare.pid };
      const busyTarget: Target = { ...noticeTarget, connections: 50 };
      const rounds: Record<'notice' | 'staticFile' | 'ceiling' | 'noticeBusy', HttpFigure[]> = {
        notice: [],
        staticFile: [],
        ceiling: [],
        noticeBusy: [],
      };
      for (let round = 0; round < ROUNDS; round++) {
        rounds.notice.push(await measure(noticeTarget, seconds));
        rounds.staticFile.push(await measure(staticTarget, seconds));
        rounds.ceiling.push(await measure(ceilingTarget, seconds));
        rounds.noticeBusy.push(await measure(busyTarget, seconds));
      }
      const noticeFigure = median(rounds.notice, 'requestsPerSecond');
      const staticFile = median(rounds.staticFile, 'requestsPerSecond');
      const ceiling = median(rounds.ceiling, 'requestsPerSecond');
      const noticeBusy = median(rounds.noticeBusy, 'p99');
      const once = [
        await measure(
          { name: 'notice, 304 Not Modified', url: noticeUrl, pid, headers: { 'if-none-match': notice.headers.etag }, status: 304 },
          seconds,
        ),
        await measure({ name: 'catalogue (fi)', url: site('/fi/'), pid }, seconds),
        await measure({ name: 'catalogue search (fi)', url: site('/fi/?q=lastensuojelu&format=information-system'), pid }, seconds),
      ];
      return {
        all: [noticeFigure, once[0]!, once[1]!, once[2]!, staticFile, ceiling, noticeBusy],
        notice: noticeFigure,
        staticFile,
        ceiling,
        noticeBusy,
        rounds: ROUNDS,
      };
    } finally {
      bare.stop();
    }
  } finally {
    await server.stop();
  }
}
