// `npm run bench`: builds if needed, then prints the performance figures the issues ask for.
import { spawnSync } from 'node:child_process';
import { needsBuild } from '../../src/cli/serve.ts';
import { benchHttp } from './http.ts';

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
