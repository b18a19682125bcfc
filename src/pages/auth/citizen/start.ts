import type { APIRoute } from 'astro';
import { isLang } from '../../../domain/language.ts';
import { urls } from '../../../i18n/routes.ts';
import { CITIZEN_COOKIE, CITIZEN_LOGIN_MS, citizenIdConfigured, startIdentification } from '../../../services/citizen-id.ts';
import { returnCookieOptions } from '../../../services/oidc.ts';
import { appStore } from '../../../services/runtime.ts';

/** Sends the citizen to the identity provider, and back to the e-form in their language (with its register chosen). */
export const GET: APIRoute = async ({ url, cookies, redirect, rewrite }) => {
  const lang = url.searchParams.get('lang');
  if (!citizenIdConfigured() || !isLang(lang)) return rewrite('/404');
  const register = url.searchParams.get('register') ?? undefined;
  const returnTo = urls.requestForm(lang, register && /^[a-z0-9-]{1,64}$/u.test(register) ? register : undefined);
  const { url: target, token } = await startIdentification(await appStore(), lang, returnTo);
  cookies.set(CITIZEN_COOKIE, token, returnCookieOptions(url, '/', CITIZEN_LOGIN_MS));
  return redirect(target, 303);
};
