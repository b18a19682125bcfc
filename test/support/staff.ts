import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '../../src/domain/user.ts';
import type { DatabaseConfig } from '../../src/store/index.ts';
import { seloste } from './cli.ts';
import { databaseEnv } from './databases.ts';

export const PASSWORD = 'Vihreä-Kettu-Juoksee-42';
export const ROLE_USERS: Record<Role, string> = {
  admin: 'aino.admin',
  dpo: 'david.dpo',
  handler: 'helmi.handler',
  auditor: 'aatu.auditor',
  informatics: 'iida.informatics',
};

/** Holds every role in every organisation, as one person does in a small municipality: sees every staff page. */
export const ALL_ROLES_USER = 'kaisa.kaikki';

/**
 * One user per role (each holding that role in every organisation), and one with every role, created with the CLI
 * as an administrator would.
 */
export function addRoleUsers(config: DatabaseConfig): void {
  const env = { ...databaseEnv(config), SELOSTE_SCRYPT_LOG_N: '14' };
  const accounts: [string, string[]][] = [
    ...Object.entries(ROLE_USERS).map(([role, username]): [string, string[]] => [username, [role]]),
    [ALL_ROLES_USER, Object.keys(ROLE_USERS)],
  ];
  for (const [username, roles] of accounts) {
    const result = seloste(
      ['user', 'add', '--username', username, ...roles.flatMap((role) => ['--role', role]), '--lang', 'en'],
      env,
      `${PASSWORD}\n`,
    );
    if (result.status !== 0) throw new Error(result.stderr);
  }
}

/** A data directory (the embedded database) with one user per role. */
export function dataDirWithUsers(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seloste-data-'));
  addRoleUsers({ dataDir: dir });
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
