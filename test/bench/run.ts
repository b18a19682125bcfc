// `npm run bench`: builds if needed, then prints the performance figures the issues ask for.
import { spawnSync } from 'node:child_process';
import { needsBuild } from '../../src/cli/serve.ts';
import { benchHttp } from './http.ts';
import { benchImport } from './import.ts';
import { benchPdf } from './pdf.ts';
import { benchRequests } from './requests.ts';
import { benchStartup } from './startup.ts';

if (needsBuild()) {
  const build = spawnSync('node_modules/.bin/astro', ['build'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Node ${process.version}, ${(await import('node:os')).cpus().length} cores, autocannon on loopback, asking for br or gzip\n`);
const http = await benchHttp();
const pad = (text: string | number, width: number) => String(text).padStart(width);
console.log(
  `${'target'.padEnd(38)}${pad('conns', 6)}${pad('req/s', 9)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('errors', 8)}` +
    `${pad('server µs/req', 15)}${pad('client µs/req', 15)}`,
);
for (const figure of http.all) {
  const cpu = figure.cpuMicros === undefined ? '' : figure.cpuMicros.toFixed(0);
  console.log(
    `${figure.name.padEnd(38)}${pad(figure.connections, 6)}${pad(figure.requestsPerSecond, 9)}${pad(figure.p50, 8)}${pad(figure.p99, 8)}` +
      `${pad(figure.errors, 8)}${pad(cpu, 15)}${pad(figure.clientMicros.toFixed(0), 15)}`,
  );
}
console.log(`(the notice, the stylesheet, the ceiling and the notice at 50 connections: median of ${http.rounds} interleaved rounds)`);
const goal = (ok: boolean) => (ok ? 'goal met' : 'GOAL MISSED');
const toStatic = http.notice.requestsPerSecond / http.staticFile.requestsPerSecond;
const toCeiling = http.notice.requestsPerSecond / http.ceiling.requestsPerSecond;
console.log(`\nnotice ÷ static file: ${toStatic.toFixed(2)} (goal ≥ 1.0: ${goal(toStatic >= 1)})`);
console.log(`notice ÷ ceiling: ${toCeiling.toFixed(2)} (goal ≥ 0.5: ${goal(toCeiling >= 0.5)})`);
console.log(`notice p99 at 50 connections: ${http.noticeBusy.p99} ms (goal ≤ 20 ms: ${goal(http.noticeBusy.p99 <= 20)})`);

const startup = benchStartup();
console.log(
  `\nCLI start-up, seloste deadline: median ${startup.median.toFixed(0)} ms, min ${startup.min.toFixed(0)} ms (${startup.runs} runs)`,
);

console.log('\nPDF notices');
const pdf = await benchPdf();
console.log(
  `warm render per notice, repository content (${pdf.notices} notices × 10 rounds): p50 ${pdf.p50.toFixed(1)} ms, p99 ${pdf.p99.toFixed(1)} ms`,
);
console.log(
  `warm render per notice, typical synthetic registers (${pdf.typical.notices} notices): p50 ${pdf.typical.p50.toFixed(1)} ms, p99 ${pdf.typical.p99.toFixed(1)} ms`,
);
console.log(
  `export all content in fi, sv, en: ${pdf.exportAll.files} files in ${pdf.exportAll.seconds.toFixed(1)} s (seloste pdf, one process)`,
);
console.log(
  `synthetic catalogue: ${pdf.synthetic.registers} registers × 3 languages = ${pdf.synthetic.files} files in ${pdf.synthetic.seconds.toFixed(1)} s`,
);

console.log(
  '\nData-subject requests (goals: write p99 ≤ 20 ms on SQLite and ≤ 30 ms on PostgreSQL; dashboard and list p99 ≤ 50 ms; RSS ≤ 150 MB)',
);
const ms = (value: number) => value.toFixed(1);
for (const figure of await benchRequests()) {
  console.log(
    `\n${figure.engine}: ${figure.requests} requests and ${figure.events} audit events, bulk-loaded by seloste db import in ${figure.loadSeconds.toFixed(1)} s`,
  );
  console.log(`  log a request, one writer:          p50 ${ms(figure.create.serial.p50)} ms, p99 ${ms(figure.create.serial.p99)} ms`);
  console.log(
    `  log a request, 10 writers at once:  p50 ${ms(figure.create.concurrent.p50)} ms, p99 ${ms(figure.create.concurrent.p99)} ms`,
  );
  console.log(
    `  move a request, one writer:         p50 ${ms(figure.transition.serial.p50)} ms, p99 ${ms(figure.transition.serial.p99)} ms`,
  );
  console.log(
    `  move a request, 10 writers at once: p50 ${ms(figure.transition.concurrent.p50)} ms, p99 ${ms(figure.transition.concurrent.p99)} ms`,
  );
  console.log(
    `  dashboard over HTTP (10 connections):     p50 ${figure.dashboard.p50} ms, p99 ${figure.dashboard.p99} ms, ${figure.dashboard.rps} req/s`,
  );
  console.log(`  filtered list over HTTP (10 connections): p50 ${figure.list.p50} ms, p99 ${figure.list.p99} ms, ${figure.list.rps} req/s`);
  console.log(`  dashboard over HTTP (one connection):     p50 ${figure.dashboard.single.p50} ms, p99 ${figure.dashboard.single.p99} ms`);
  console.log(`  filtered list over HTTP (one connection): p50 ${figure.list.single.p50} ms, p99 ${figure.list.single.p99} ms`);
  console.log(
    `  server memory (RSS) after the load: ${figure.serverRssMb.toFixed(0)} MB; start to first answered request: ${figure.startMs.toFixed(0)} ms`,
  );
}

console.log('\nImport (seloste import): pages of text files count 3,000 characters; each file is read in a new worker thread');
console.log(
  `${'source'.padEnd(34)}${pad('pages', 6)}${pad('ms', 8)}${pad('ms/page', 9)}${pad('warm ms', 9)}${pad('ms/page', 9)}${pad('unplaced', 10)}`,
);
for (const figure of await benchImport()) {
  console.log(
    `${figure.name.padEnd(34)}${pad(figure.pages, 6)}${pad(figure.ms.toFixed(0), 8)}${pad(figure.msPerPage.toFixed(1), 9)}${pad(figure.warmMs.toFixed(0), 9)}${pad(figure.warmMsPerPage.toFixed(1), 9)}${pad(`${(figure.unplacedShare * 100).toFixed(1)} %`, 10)}`,
  );
}
console.log('(warm: read in the same thread with pdf.js and the vocabularies loaded, as a long-running server with a worker pool would)');
