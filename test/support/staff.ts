import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '../../src/domain/user.ts';
import { seloste } from './cli.ts';

export const PASSWORD = 'Vihreä-Kettu-Juoksee-42';
export const ROLE_USERS: Record<Role, string> = {
  admin: 'aino.admin',
  dpo: 'david.dpo',
  handler: 'helmi.handler',
  auditor: 'aatu.auditor',
};

/** A data directory with one user per role, created with the CLI as an administrator would. */
export function dataDirWithUsers(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seloste-data-'));
  for (const [role, username] of Object.entries(ROLE_USERS)) {
    const result = seloste(
      ['user', 'add', '--username', username, '--role', role, '--lang', 'en'],
      { DATA_DIR: dir, SELOSTE_SCRYPT_LOG_N: '14' },
      `${PASSWORD}\n`,
    );
    if (result.status !== 0) throw new Error(result.stderr);
  }
  return dir;
}

/** Signs in over HTTP as a browser would (with the Origin header a browser sends) and returns the session cookie. */
export async function login(
  baseUrl: string,
  username: string,
  password = PASSWORD,
  lang = 'fi',
): Promise<{ status: number; cookie?: string; setCookie: string | null }> {
  const response = await fetch(`${baseUrl}/${lang}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }),
  });
  const setCookie = response.headers.get('set-cookie');
  const cookie = /seloste_session=([^;]+)/u.exec(setCookie ?? '')?.[1];
  return { status: response.status, cookie: cookie ? `seloste_session=${cookie}` : undefined, setCookie };
}
