import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seloste } from '../../support/cli.ts';
import { databaseEnv, ENGINES, freshDatabase, freshPostgresUrl } from '../../support/databases.ts';
import { addRoleUsers } from '../../support/staff.ts';

describe.each(ENGINES)('seloste backup on %s', (engine) => {
  it('writes a timestamped, private copy with a manifest, from which the data can be restored', async () => {
    const config = await freshDatabase(engine);
    addRoleUsers(config);
    const env = databaseEnv(config);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-backups-')), 'backups');
    const result = seloste(['backup', '--out', out, '--lang', 'en'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Backup written to .*seloste-backup-\d{8}T\d{6}Z \(6 users, 0 requests, 6 audit events\)\./u);
    const [name] = readdirSync(out);
    const dir = path.join(out, name!);
    const file = engine === 'sqlite' ? 'seloste.db' : 'seloste.pgdump';
    expect(readdirSync(dir).sort()).toEqual([file, 'manifest.json'].sort());
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      users: number;
      auditChainValid: boolean;
      engine: string;
    };
    expect(manifest).toMatchObject({ engine, users: 6, auditEvents: 6, auditChainValid: true });

    // Restore as the README says, into a place of its own, and check it.
    const restored = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-restored-')), 'data');
    let restoredEnv: NodeJS.ProcessEnv = { DATA_DIR: restored };
    if (engine === 'sqlite') cpSync(path.join(dir, file), path.join(restored, 'seloste.db'));
    else {
      const url = await freshPostgresUrl();
      execFileSync('pg_restore', ['--no-owner', `--dbname=${url}`, path.join(dir, file)]);
      restoredEnv = { ...restoredEnv, DATABASE_URL: url };
    }
    const verify = seloste(['audit', 'verify', '--lang', 'en'], restoredEnv);
    expect(verify.stdout).toContain('The audit log is intact: 6 events.');
    expect(seloste(['user', 'list', '--lang', 'en'], restoredEnv).stdout).toContain('aino.admin');
  }, 120_000);
});
