import { describe, expect, it } from 'vitest';
import { auditEntityHref } from '../../../src/render/audit-text.ts';

describe('where an audit event’s entity can be seen', () => {
  it('links a request, a Sosdata notification and a user, and nothing else', () => {
    expect(auditEntityHref('request:TS-2026-000001', 'sv')).toBe('/sv/staff/requests/TS-2026-000001');
    expect(auditEntityHref('sosdata:example-welfare-area-south', 'sv')).toBe('/sv/staff/sosdata/notifications/example-welfare-area-south');
    expect(auditEntityHref('user:aino.admin', 'fi')).toBe('/fi/staff/users');
    expect(auditEntityHref('sosdata:../etc', 'fi')).toBeUndefined();
    expect(auditEntityHref(undefined, 'fi')).toBeUndefined();
  });
});
