// `npm test`: the whole suite, as CI runs it. Static checks, the build, then vitest (unit, integration and browser
// tests, the database tests against both SQLite and a throwaway PostgreSQL cluster), ending with the plain line
// `N passed, N failed` that CI reads. Exits non-zero on any failure: a failed step, a failed or unfinished test, or a
// vitest run that failed for any other reason (an unhandled rejection, a failed hook).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCluster, type Cluster } from './support/postgres-cluster.ts';

const bin = (name: string) => path.join('node_modules', '.bin', name);
const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function step(name: string, command: string, args: string[]): number | null {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(ok ? `✓ ${name}` : `✗ ${name} (exit ${result.status ?? result.signal})`);
  return result.status;
}

const checks = [
  step('types (astro check)', bin('astro'), ['check']),
  step('lint (eslint)', bin('eslint'), ['.']),
  step('format (prettier --check)', bin('prettier'), ['--check', '.']),
  step('build (astro build)', bin('astro'), ['build']),
].map((status) => status === 0);

interface VitestReport {
  testResults: { status: string; message?: string; assertionResults: { status: string }[] }[];
}

/**
 * Passed and failed tests from vitest's JSON report. A test that did not run because its file failed (a failing
 * beforeAll, an import error) counts as failed, and a file that failed before it had any test counts once.
 */
function count(report: VitestReport): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const file of report.testResults) {
    const fileFailed = file.status === 'failed';
    for (const test of file.assertionResults) {
      if (test.status === 'passed') passed++;
      else if (test.status === 'failed' || fileFailed) failed++;
    }
    if (fileFailed && !file.assertionResults.some((test) => test.status !== 'passed')) failed++;
  }
  return { passed, failed };
}

let passed = checks.filter(Boolean).length;
let failed = checks.length - passed;

// The PostgreSQL half of the database tests needs a server: .ci/run starts one and says where; otherwise start ours.
let cluster: Cluster | undefined;
let clusterDir: string | undefined;
try {
  if (!env.SELOSTE_TEST_PG_URL) {
    clusterDir = mkdtempSync(path.join(tmpdir(), 'seloste-pg-'));
    cluster = await startCluster(clusterDir, { durable: false });
    env.SELOSTE_TEST_PG_URL = cluster.url;
    console.log(`\nPostgreSQL for the tests: ${cluster.url}`);
  }
  const report = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-vitest-')), 'report.json');
  const vitest = step('tests (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ]);
  let results: VitestReport | undefined;
  try {
    results = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
  } catch {
    // vitest did not get as far as writing its report.
  }
  if (results) {
    const counted = count(results);
    passed += counted.passed;
    failed += counted.failed;
  }
  // Whatever the report says, a vitest run that failed (an unhandled rejection, a failed hook, no report) is a failure.
  if (vitest !== 0 && (!results || count(results).failed === 0)) failed += 1;
} catch (error) {
  console.error(`The test run could not start: ${(error as Error).message}`);
  failed += 1;
} finally {
  try {
    cluster?.stop();
  } catch (error) {
    console.error(`The PostgreSQL cluster did not stop cleanly: ${(error as Error).message}`);
  }
  if (clusterDir) rmSync(clusterDir, { recursive: true, force: true });
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
