import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, FORM_ROUTES, READ_ONLY, ruleFor } from '../../../src/server/route-rules.ts';
import { ATTACHMENT_MAX_BYTES } from '../../../src/domain/attachment.ts';
import { examplePath, pageRoutes } from '../../support/routes.ts';

describe('the route rules of the front server', () => {
  const pages = pageRoutes();

  it('let every page that handles a POST take one, and no other', () => {
    for (const page of pages) {
      const rule = ruleFor(examplePath(page.route));
      expect(rule.methods.includes('POST'), `${page.route} (${page.file})`).toBe(page.handlesPost);
    }
  });

  it('name only routes that exist, or a whole area to come', () => {
    const routes = new Set(pages.map((page) => page.route));
    for (const rule of FORM_ROUTES) expect(routes.has(rule.route) || rule.route.endsWith('/**'), rule.route).toBe(true);
  });

  it('give anonymous forms the smallest limit and the register editor a larger one', () => {
    expect(ruleFor('/fi/login').body).toBe('anonymous');
    expect(BODY_LIMITS.anonymous).toBeLessThan(BODY_LIMITS.form);
    expect(ruleFor('/sv/staff/users').body).toBe('form');
    expect(BODY_LIMITS.form).toBe(64 * 1024);
    expect(ruleFor('/fi/staff/registers/helsinki-atj/edit').body).toBe('registerEditor');
    expect(BODY_LIMITS.registerEditor).toBe(512 * 1024);
  });

  it('let a form that uploads a file take the largest file allowed and its framing', () => {
    expect(ruleFor('/fi/staff/requests/TS-2026-000001').body).toBe('upload');
    expect(ruleFor('/sv/begaran').body).toBe('upload');
    expect(BODY_LIMITS.upload).toBeGreaterThan(ATTACHMENT_MAX_BYTES);
  });

  it('match the paths Astro would route to each rule, trailing slash or not, and nothing else', () => {
    expect(ruleFor('/fi/staff/requests/TS-2026-000001/').route).toBe('/[lang]/staff/requests/[reference]');
    expect(ruleFor('/fi/staff/requests/TS-2026-000001/letters')).toBe(READ_ONLY);
    expect(ruleFor('/fi/staff/reports/requests.csv').route).toBe('/[lang]/staff/reports/requests.csv');
    expect(ruleFor('/fi/staff/reports/requestsXcsv')).toBe(READ_ONLY);
    expect(ruleFor('/fi/rekisterit/helsinki-atj')).toBe(READ_ONLY);
    expect(READ_ONLY.methods).toEqual(['GET', 'HEAD']);
  });
});
