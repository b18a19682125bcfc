import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/cli.ts';

/** The modules a `seloste` command loads, recorded by a resolve hook preloaded into the process. */
function modulesLoadedBy(args: string[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'seloste-modules-'));
  const hook = path.join(dir, 'hook.mjs');
  const log = path.join(dir, 'modules.txt');
  writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const seen = [];
registerHooks({ resolve(specifier, context, next) { const resolved = next(specifier, context); seen.push(resolved.url); return resolved; } });
process.on('exit', () => writeFileSync(${JSON.stringify(log)}, seen.join('\\n')));
`,
  );
  const result = spawnSync(process.execPath, ['--import', hook, path.join(ROOT, 'src/cli/seloste.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SELOSTE_LANG: 'en' },
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n');
}

describe('the seloste command', () => {
  it('loads only what the command it runs needs: deadline needs no PDF, content or store module', () => {
    const loaded = modulesLoadedBy(['deadline', '--received', '2026-01-31', '--json']);
    expect(loaded.some((url) => url.endsWith('/src/cli/deadline.ts'))).toBe(true);
    const needless = loaded.filter((url) => /pdfkit|fontkit|pdfjs-dist|lowdb|\/yaml\/|\/src\/(store|content|render\/pdf)\//u.test(url));
    expect(needless).toEqual([]);
  });

  it('still loads them for the command that uses them', () => {
    const loaded = modulesLoadedBy(['check', '--json']);
    expect(loaded.some((url) => url.includes('/src/content/'))).toBe(true);
  });
});
