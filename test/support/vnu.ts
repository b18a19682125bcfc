import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vnuJar = String(createRequire(import.meta.url)('vnu-jar') as unknown);

/** Runs the Nu HTML Checker once over many files (a JVM start costs seconds) and returns its errors per file. */
export function vnuErrors(files: string[]): { file: string; line?: number; message: string }[] {
  const result = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--stdout', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  const report = JSON.parse(result.stdout || '{"messages":[]}') as {
    messages: { type: string; url: string; lastLine?: number; message: string }[];
  };
  return report.messages
    .filter((message) => message.type === 'error')
    .map((message) => ({ file: message.url.replace(/^file:/u, ''), line: message.lastLine, message: message.message }));
}
