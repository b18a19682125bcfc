import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vnuJar = String(createRequire(import.meta.url)('vnu-jar') as unknown);

/**
 * Runs the Nu HTML Checker once over many files (a JVM start costs seconds) and returns its errors per file. When the
 * checker itself cannot run (no Java, a broken jar, output that is not its report), this throws: a check that did not
 * happen must never read as a page that passed.
 */
export function vnuErrors(files: string[]): { file: string; line?: number; message: string }[] {
  if (files.length === 0) throw new Error('vnu: no files to check');
  const result = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--stdout', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`vnu could not run: ${result.error.message} (is Java installed? .ci/run installs it)`);
  // The checker exits 0 when clean and 1 when it found errors; anything else, or no report, means it did not check.
  if (result.status !== 0 && result.status !== 1) throw new Error(`vnu exited with ${result.status ?? result.signal}: ${result.stderr}`);
  let report: { messages: { type: string; url: string; lastLine?: number; message: string }[] };
  try {
    report = JSON.parse(result.stdout) as typeof report;
  } catch {
    throw new Error(`vnu gave no report (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
  if (result.status === 1 && !report.messages.some((message) => message.type === 'error'))
    throw new Error(`vnu failed without reporting an error: ${result.stderr}`);
  return report.messages
    .filter((message) => message.type === 'error')
    .map((message) => ({ file: message.url.replace(/^file:/u, ''), line: message.lastLine, message: message.message }));
}
