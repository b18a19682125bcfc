import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CONTENT = path.join(ROOT, 'content');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `seloste …` as a user would, on the project's Node, from the project root. */
export function seloste(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): CliResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/seloste.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, SELOSTE_LANG: '', LANG: 'C', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking: for several commands at once. */
export function selosteAsync(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'src/cli/seloste.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, SELOSTE_LANG: '', LANG: 'C', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** A fresh copy of the repository's content in a temporary directory, to break on purpose. */
export function copyContent(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-content-')), 'content');
  cpSync(CONTENT, dir, { recursive: true });
  return dir;
}

/** Sets (or with `undefined`, removes) a field of a YAML file in place, keeping the rest of the document and its comments. */
export function setYamlField(file: string, fieldPath: (string | number)[], value: unknown): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (value === undefined) doc.deleteIn(fieldPath);
  else doc.setIn(fieldPath, value);
  writeFileSync(file, doc.toString());
}
