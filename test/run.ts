// `npm test`: the whole suite, as CI runs it. Static checks, the build, then vitest (unit and integration),
// ending with the plain line `N passed, N failed` that CI reads. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bin = (name: string) => path.join('node_modules', '.bin', name);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(ok ? `✓ ${name}` : `✗ ${name} (exit ${result.status ?? result.signal})`);
  return ok;
}

const checks = [
  step('types (astro check)', bin('astro'), ['check']),
  step('lint (eslint)', bin('eslint'), ['.']),
  step('format (prettier --check)', bin('prettier'), ['--check', '.']),
  step('build (astro build)', bin('astro'), ['build']),
];

const report = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-vitest-')), 'report.json');
step('tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);

let passed = checks.filter(Boolean).length;
let failed = checks.length - passed;
try {
  const results = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTestSuites: number;
    success: boolean;
  };
  passed += results.numPassedTests;
  failed += results.numFailedTests + (results.success || results.numFailedTests > 0 ? 0 : 1);
} catch {
  // vitest did not get as far as writing its report: count the run itself as a failure.
  failed += 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
