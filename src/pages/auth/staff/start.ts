import type { APIRoute } from 'astro';
import { isLang } from '../../../domain/language.ts';
import { returnCookieOptions } from '../../../services/oidc.ts';
import { appStore } from '../../../services/runtime.ts';
import { safeNext } from '../../../services/staff-session.ts';
import { STAFF_SSO_COOKIE, STAFF_SSO_MS, staffSsoProvider, startStaffSignIn } from '../../../services/staff-sso.ts';

/** Sends a staff member to the organisation's identity provider; they come back to /auth/staff/callback. */
export const GET: APIRoute = async ({ url, cookies, redirect, rewrite }) => {
  const lang = url.searchParams.get('lang');
  if (!staffSsoProvider() || !isLang(lang)) return rewrite('/404');
  const next = safeNext(url.searchParams.get('next'), `/${lang}/staff/`);
  const { url: target, token } = await startStaffSignIn(await appStore(), lang, next);
  cookies.set(STAFF_SSO_COOKIE, token, returnCookieOptions(url, '/auth/staff/', STAFF_SSO_MS));
  return redirect(target, 303);
};
