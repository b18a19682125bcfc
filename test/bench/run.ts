// `npm run bench`: builds if needed, then prints the performance figures the issues ask for.
import { spawnSync } from 'node:child_process';
import { needsBuild } from '../../src/cli/serve.ts';
import { benchHttp } from './http.ts';
import { benchImport } from './import.ts';
import { benchPdf } from './pdf.ts';
import { benchRequests } from './requests.ts';

if (needsBuild()) {
  const build = spawnSync('node_modules/.bin/astro', ['build'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Node ${process.version}, ${(await import('node:os')).cpus().length} cores, autocannon 10 connections on loopback\n`);
const http = await benchHttp();
const pad = (text: string | number, width: number) => String(text).padStart(width);
console.log(`${'target'.padEnd(32)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('errors', 8)}`);
for (const figure of http) {
  console.log(
    `${figure.name.padEnd(32)}${pad(figure.requestsPerSecond, 9)}${pad(figure.p50, 9)}${pad(figure.p99, 9)}${pad(figure.errors, 8)}`,
  );
}
const notice = http.find((figure) => figure.name.startsWith('notice'))!;
const statics = http.find((figure) => figure.name.startsWith('static'))!;
console.log(`\nnotice page / static file throughput: ${(notice.requestsPerSecond / statics.requestsPerSecond).toFixed(2)}`);

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

console.log('\nData-subject requests');
const requests = await benchRequests();
console.log(`store: ${requests.requests} requests (${requests.storeMb.toFixed(1)} MB store.json), ${requests.events} audit events`);
console.log(
  `log a request: p50 ${requests.create.p50.toFixed(1)} ms, p99 ${requests.create.p99.toFixed(1)} ms (validate all, write the whole file, fsync)`,
);
console.log(`move a request: p50 ${requests.transition.p50.toFixed(1)} ms, p99 ${requests.transition.p99.toFixed(1)} ms`);
console.log(`dashboard over HTTP: p50 ${requests.dashboard.p50} ms, p99 ${requests.dashboard.p99} ms, ${requests.dashboard.rps} req/s`);
console.log(`filtered list over HTTP: p50 ${requests.list.p50} ms, p99 ${requests.list.p99} ms, ${requests.list.rps} req/s`);
console.log(`server memory (RSS) after the load: ${requests.serverRssMb.toFixed(0)} MB`);

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
