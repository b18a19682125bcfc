import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditLog } from '../../../src/store/audit-log.ts';
import { seloste } from '../../support/cli.ts';

async function logWith(events: number): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'seloste-audit-'));
  const log = await AuditLog.open(dir);
  await Promise.all(
    Array.from({ length: events }, (_, index) => log.append({ actor: `user${index}`, action: 'login', entity: `user:user${index}` })),
  );
  return { dir, file: log.file };
}

function rewrite(file: string, change: (lines: string[]) => string[]): void {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  writeFileSync(file, `${change(lines).join('\n')}\n`);
}

describe('the audit log', () => {
  it('chains concurrent appends in order, and verifies', async () => {
    const { dir, file } = await logWith(50);
    const events = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { seq: number });
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(await verifyAuditLog(dir)).toEqual({ ok: true, events: 50 });
    const cli = seloste(['audit', 'verify', '--lang', 'en'], { DATA_DIR: dir });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('The audit log is intact: 50 events.');
  });

  it('catches an edited event', async () => {
    const { dir, file } = await logWith(10);
    rewrite(file, (lines) => lines.map((line, index) => (index === 4 ? line.replace('"actor":"user', '"actor":"mallory') : line)));
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, problem: { line: 5, reason: 'edited' } });
    const cli = seloste(['audit', 'verify', '--lang', 'en'], { DATA_DIR: dir });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('Line 5 of the audit log was edited');
  });

  it('catches a removed event', async () => {
    const { dir, file } = await logWith(10);
    rewrite(file, (lines) => lines.filter((_, index) => index !== 6));
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, problem: { line: 7, reason: 'missing' } });
    expect(seloste(['audit', 'verify'], { DATA_DIR: dir }).status).toBe(1);
  });

  it('catches a swapped pair', async () => {
    const { dir, file } = await logWith(10);
    rewrite(file, (lines) => [...lines.slice(0, 3), lines[4]!, lines[3]!, ...lines.slice(5)]);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, problem: { line: 4, reason: 'reordered' } });
    const cli = seloste(['audit', 'verify', '--lang', 'fi'], { DATA_DIR: dir });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('järjestystä on muutettu rivillä 4');
  });

  it('catches a removed last event only if something follows it, and never a truncated line', async () => {
    const { dir, file } = await logWith(5);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, -20));
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: false, problem: { line: 5, reason: 'unreadable' } });
  });
});
