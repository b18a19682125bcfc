import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../../src/services/rate-limit.ts';
import { createSession, destroyUserSessions, resolveSession } from '../../../src/services/sessions.ts';
import { parseStoreText } from '../../../src/store/store.ts';
import { seloste } from '../../support/cli.ts';
import { dataDirWithUsers } from '../../support/staff.ts';

describe('seloste backup', () => {
  it('writes a timestamped, private copy with a manifest, from which the store can be restored', () => {
    const dataDir = dataDirWithUsers();
    const out = path.join(dataDir, '..', 'backups');
    const result = seloste(['backup', '--out', out, '--lang', 'en'], { DATA_DIR: dataDir });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Backup written to .*seloste-backup-\d{8}T\d{6}Z \(4 users, 4 audit events\)\./u);
    const [backup] = readdirSync(out);
    const dir = path.join(out, backup!);
    expect(readdirSync(dir).sort()).toEqual(['audit.jsonl', 'manifest.json', 'store.json']);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'store.json')).mode & 0o777).toBe(0o600);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { users: number; auditChainValid: boolean };
    expect(manifest).toMatchObject({ users: 4, auditChainValid: true });
    expect(parseStoreText(readFileSync(path.join(dir, 'store.json'), 'utf8'), 'backup').users).toHaveLength(4);
    expect(seloste(['audit', 'verify'], { DATA_DIR: dir }).status).toBe(0);
  });
});

describe('staff sessions', () => {
  const start = Date.UTC(2026, 10, 23, 8, 0);
  const minutes = (count: number) => count * 60_000;

  it('end after 30 idle minutes', () => {
    const token = createSession('user-1', start);
    expect(resolveSession(token, start + minutes(29))).toEqual({ userId: 'user-1' });
    expect(resolveSession(token, start + minutes(58))).toEqual({ userId: 'user-1' });
    expect(resolveSession(token, start + minutes(89))).toBe('expired');
    expect(resolveSession(token, start + minutes(90))).toBeUndefined();
  });

  it('end after 10 hours however busy', () => {
    const token = createSession('user-2', start);
    for (let minute = 20; minute < 600; minute += 20) expect(resolveSession(token, start + minutes(minute))).toEqual({ userId: 'user-2' });
    expect(resolveSession(token, start + minutes(601))).toBe('expired');
  });

  it('end for every device when the password is reset', () => {
    const phone = createSession('user-3', start);
    const laptop = createSession('user-3', start);
    destroyUserSessions('user-3');
    expect(resolveSession(phone, start + 1)).toBeUndefined();
    expect(resolveSession(laptop, start + 1)).toBeUndefined();
  });
});

describe('the login rate limit', () => {
  it('allows five failures per username and twenty per address in fifteen minutes', () => {
    const limiter = new LoginLimiter();
    const now = Date.UTC(2026, 10, 23, 9, 0);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(limiter.allowed('anna', '192.0.2.1', now)).toBe(true);
      limiter.failed('anna', '192.0.2.1', now);
    }
    expect(limiter.allowed('anna', '192.0.2.1', now)).toBe(false);
    expect(limiter.allowed('anna', '192.0.2.1', now + 15 * 60_000)).toBe(true);
    for (let user = 0; user < 20; user++) limiter.failed(`user${user}`, '198.51.100.7', now);
    expect(limiter.allowed('someone-else', '198.51.100.7', now)).toBe(false);
    expect(limiter.allowed('someone-else', '198.51.100.8', now)).toBe(true);
  });
});
