import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, mayUse, PERMISSIONS, rolesIn, scopeOf, type Permission } from '../../../src/domain/access.ts';
import { ROLES } from '../../../src/domain/user.ts';
import { ROOT } from '../../support/cli.ts';

describe('the role matrix', () => {
  it('is the table the README prints', () => {
    const rows = (Object.keys(PERMISSIONS) as Permission[]).map(
      (permission) =>
        `| ${permission} | ${ROLES.map((role) => ((PERMISSIONS[permission] as readonly string[]).includes(role) ? '✓' : '')).join(' | ')} |`,
    );
    const table = [`| permission | ${ROLES.join(' | ')} |`, `| --- | ${ROLES.map(() => '---').join(' | ')} |`, ...rows].join('\n');
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // Cells compare without the padding and dashes a formatter adds.
    const cells = (markdown: string) =>
      markdown
        .trim()
        .split('\n')
        .map((line) => line.split('|').map((cell) => cell.trim().replace(/^-+$/u, '---')));
    const printed = /<!-- role-matrix:start -->([\s\S]*?)<!-- role-matrix:end -->/u.exec(readme)?.[1] ?? '';
    expect(cells(printed)).toEqual(cells(table));
  });

  it('gives each role what DESIGN.md says, and nothing more', () => {
    const of = (role: (typeof ROLES)[number]) =>
      (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can({ roles: { '*': [role] } }, permission));
    expect(of('admin')).toEqual([
      'dashboard.view',
      'users.manage',
      'settings.manage',
      'registers.read',
      'reports.read',
      'reports.exportHetu',
    ]);
    expect(of('dpo')).toEqual([
      'dashboard.view',
      'registers.read',
      'registers.edit',
      'registers.review',
      'requests.read',
      'reports.read',
      'audit.read',
      'sosdata.read',
    ]);
    expect(of('handler')).toEqual([
      'dashboard.view',
      'registers.read',
      'requests.read',
      'requests.act',
      'requests.revealHetu',
      'reports.read',
    ]);
    expect(of('auditor')).toEqual(['dashboard.view', 'registers.read', 'requests.read', 'reports.read', 'audit.read', 'sosdata.read']);
    expect(of('informatics')).toEqual(['dashboard.view', 'registers.read', 'sosdata.read', 'sosdata.edit']);
  });

  it('holds roles per organisation, and in every organisation with *', () => {
    const sanna = { roles: { helsinki: ['handler' as const], '*': ['auditor' as const] } };
    expect(rolesIn(sanna.roles, 'helsinki').sort()).toEqual(['auditor', 'handler']);
    expect(can(sanna, 'requests.act', 'helsinki')).toBe(true);
    expect(can(sanna, 'requests.act', 'siuntio')).toBe(false);
    expect(can(sanna, 'requests.read', 'siuntio')).toBe(true);
    expect(can(sanna, 'requests.act')).toBe(true);
    expect(mayUse(sanna, 'audit')).toBe(true);
    expect(mayUse({ roles: { helsinki: ['handler'] } }, 'users')).toBe(false);
    expect(scopeOf(sanna, 'requests.act', ['helsinki', 'siuntio'])).toEqual({ every: false, ids: ['helsinki'] });
    expect(scopeOf(sanna, 'requests.read', ['helsinki', 'siuntio'])).toEqual({ every: true, ids: ['helsinki', 'siuntio'] });
  });
});
