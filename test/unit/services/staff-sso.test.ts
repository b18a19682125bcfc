import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { can } from '../../../src/domain/access.ts';
import { ConfigError, parseConfig } from '../../../src/domain/config.ts';
import { finishStaffSignIn, startStaffSignIn, StaffSsoError } from '../../../src/services/staff-sso.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { freshDatabase } from '../../support/databases.ts';
import {
  signInAtProvider,
  startOidcProvider,
  TEST_CLIENT,
  TEST_STAFF_ROLE_MAP,
  type RunningProvider,
} from '../../support/oidc-provider.ts';

/** Seloste's staff callback with the default public origin (http://localhost:4321). */
const CALLBACK = 'http://localhost:4321/auth/staff/callback';

let provider: RunningProvider;
let store: Store;
beforeAll(async () => {
  provider = await startOidcProvider([CALLBACK]);
  vi.stubEnv('STAFF_OIDC_ISSUER', provider.issuer);
  vi.stubEnv('STAFF_OIDC_CLIENT_ID', TEST_CLIENT.id);
  vi.stubEnv('STAFF_OIDC_CLIENT_SECRET', TEST_CLIENT.secret);
  vi.stubEnv('STAFF_OIDC_ALLOW_HTTP', '1');
  vi.stubEnv('STAFF_OIDC_DISABLED_CLAIM', 'disabled');
  vi.stubEnv('STAFF_OIDC_ROLE_MAP', TEST_STAFF_ROLE_MAP);
  store = await openStore(await freshDatabase('sqlite'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await store?.close();
  await provider?.stop();
});

async function signIn(username: string) {
  const { url, token } = await startStaffSignIn(store, 'sv', '/sv/staff/requests');
  return { token, callback: await signInAtProvider(url, CALLBACK, username) };
}

async function lastAudit() {
  return (await store.audit.query({}, undefined, 1)).events[0]!;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StaffSsoError);
  return (error as StaffSsoError).reason;
}

describe('staff single sign-on with OpenID Connect', () => {
  it('creates the account with the roles its groups give, and replaces them at every sign-in', async () => {
    const first = await signIn('anna.kasittelija');
    const { user, lang, next } = await finishStaffSignIn(store, first.token, first.callback);
    expect({ lang, next }).toEqual({ lang: 'sv', next: '/sv/staff/requests' });
    expect(user).toMatchObject({ username: 'anna.kasittelija', name: 'Anna Käsittelijä', roles: { helsinki: ['handler'] } });
    expect(user.ssoSubject).toBe('anna.kasittelija');
    expect(user.passwordHash).toBeUndefined();
    // What those roles allow, from the one matrix: handling Helsinki's requests, not managing users or other bodies.
    expect(can(user, 'requests.act', 'helsinki')).toBe(true);
    expect(can(user, 'requests.act', 'espoo')).toBe(false);
    expect(can(user, 'users.manage')).toBe(false);
    expect(await lastAudit()).toMatchObject({ actor: 'anna.kasittelija', action: 'login.sso', entity: 'user:anna.kasittelija' });

    // The organisation moves the group to Espoo: the next sign-in replaces the roles.
    vi.stubEnv('STAFF_OIDC_ROLE_MAP', 'seloste-kasittelijat=espoo:handler,espoo:dpo');
    try {
      const again = await signIn('anna.kasittelija');
      const updated = await finishStaffSignIn(store, again.token, again.callback);
      expect(updated.user.id).toBe(user.id);
      const { roles } = (await store.users.byId(user.id))!;
      expect(Object.keys(roles)).toEqual(['espoo']);
      expect(roles.espoo!.toSorted()).toEqual(['dpo', 'handler']);
    } finally {
      vi.stubEnv('STAFF_OIDC_ROLE_MAP', TEST_STAFF_ROLE_MAP);
    }
  });

  it('gives an administrator of every organisation the roles of each group', async () => {
    const { token, callback } = await signIn('pekka.paakayttaja');
    const { user } = await finishStaffSignIn(store, token, callback);
    expect(user.roles).toEqual({ '*': ['admin', 'auditor'] });
    expect(can(user, 'users.manage', 'helsinki')).toBe(true);
    expect(can(user, 'requests.act', 'helsinki')).toBe(false);
  });

  it('refuses a user in no group the map names, creating no account and logging no personal data', async () => {
    const { token, callback } = await signIn('olli.ulkopuolinen');
    expect(await refusal(finishStaffSignIn(store, token, callback))).toBe('noGroup');
    expect(await store.users.bySsoSubject('olli.ulkopuolinen')).toBeUndefined();
    const event = await lastAudit();
    expect(event).toMatchObject({ actor: 'system', action: 'login.ssoRefused', details: { reason: 'noGroup' } });
    expect(JSON.stringify(event)).not.toMatch(/olli|Ulkopuolinen|example\.com/iu);
  });

  it('refuses a user the provider says is disabled, and one disabled here', async () => {
    const locked = await signIn('lea.lukittu');
    expect(await refusal(finishStaffSignIn(store, locked.token, locked.callback))).toBe('disabled');

    const anna = (await store.users.bySsoSubject('anna.kasittelija'))!;
    await store.transaction((repositories) => repositories.users.save({ ...anna, disabled: true }));
    try {
      const { token, callback } = await signIn('anna.kasittelija');
      expect(await refusal(finishStaffSignIn(store, token, callback))).toBe('disabled');
      expect(await lastAudit()).toMatchObject({ action: 'login.ssoRefused', entity: 'user:anna.kasittelija' });
    } finally {
      await store.transaction((repositories) => repositories.users.save({ ...anna, disabled: false }));
    }
  });

  it('refuses a return whose state or nonce is not the one sent, and a return without its cookie', async () => {
    const wrongState = await signIn('anna.kasittelija');
    wrongState.callback.searchParams.set('state', 'not-the-state-that-was-sent');
    expect(await refusal(finishStaffSignIn(store, wrongState.token, wrongState.callback))).toBe('failed');

    const wrongNonce = await signIn('anna.kasittelija');
    const key = createHash('sha256').update(`staff:${wrongNonce.token}`).digest('hex');
    const login = (await store.eform.login(key, new Date(0)))!;
    await store.eform.saveLogin(key, { ...login, nonce: 'not-the-nonce-that-was-sent' }, new Date());
    expect(await refusal(finishStaffSignIn(store, wrongNonce.token, wrongNonce.callback))).toBe('failed');

    const noCookie = await signIn('anna.kasittelija');
    expect(await refusal(finishStaffSignIn(store, undefined, noCookie.callback))).toBe('failed');
    // A sign-in finishes once: the same return again is refused.
    const once = await signIn('anna.kasittelija');
    await finishStaffSignIn(store, once.token, once.callback);
    expect(await refusal(finishStaffSignIn(store, once.token, once.callback))).toBe('failed');
  });

  it('never takes over a local account of the same name', async () => {
    // A local account named "anna.kasittelija", not tied to the provider's Anna: it may be someone else's.
    const anna = (await store.users.bySsoSubject('anna.kasittelija'))!;
    await store.transaction((repositories) => repositories.users.save({ ...anna, ssoSubject: undefined }));
    const { token, callback } = await signIn('anna.kasittelija');
    expect(await refusal(finishStaffSignIn(store, token, callback))).toBe('conflict');
  });
});

describe('the staff sign-on settings', () => {
  const base = { STAFF_OIDC_ISSUER: 'https://login.example.com/tenant/v2.0', STAFF_OIDC_CLIENT_ID: 'seloste' };
  const problems = (env: Record<string, string>) => {
    try {
      parseConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems.map((problem) => problem.variable);
    }
  };

  it('parses the role map into roles per group', () => {
    const config = parseConfig({ ...base, STAFF_OIDC_ROLE_MAP: 'a=helsinki:handler,helsinki:dpo; b=*:auditor;a=espoo:handler' });
    expect(Object.fromEntries(config.STAFF_OIDC_ROLE_MAP!)).toEqual({
      a: { helsinki: ['handler', 'dpo'], espoo: ['handler'] },
      b: { '*': ['auditor'] },
    });
  });

  it('names the variable of a wrong or missing setting', () => {
    expect(problems({ ...base, STAFF_OIDC_ROLE_MAP: 'a=helsinki:boss' })).toEqual(['STAFF_OIDC_ROLE_MAP']);
    expect(problems({ ...base, STAFF_OIDC_ROLE_MAP: 'helsinki:handler' })).toEqual(['STAFF_OIDC_ROLE_MAP']);
    expect(problems({ ...base })).toEqual(['STAFF_OIDC_ROLE_MAP']);
    expect(problems({ STAFF_OIDC_ISSUER: base.STAFF_OIDC_ISSUER, STAFF_OIDC_ROLE_MAP: 'a=*:admin' })).toEqual(['STAFF_OIDC_CLIENT_ID']);
    expect(problems({ STAFF_LOCAL_PASSWORDS: 'off' })).toEqual(['STAFF_LOCAL_PASSWORDS']);
    expect(problems({ STAFF_LOCAL_PASSWORDS: 'no' })).toEqual(['STAFF_LOCAL_PASSWORDS']);
  });
});
