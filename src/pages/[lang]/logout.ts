import type { APIRoute } from 'astro';
import { isLang } from '../../domain/language.ts';
import { recordLogout } from '../../services/accounts.ts';
import { appStore } from '../../services/runtime.ts';
import { endSession } from '../../services/staff-session.ts';

/** Signs out (POST only, so a link or an image cannot do it) and returns to the login page. */
export const POST: APIRoute = async ({ params, cookies, locals, redirect }) => {
  const lang = isLang(params.lang) ? params.lang : 'fi';
  const store = await appStore();
  if (locals.user) await recordLogout(store, locals.user);
  await endSession(store, cookies);
  return redirect(`/${lang}/login`, 303);
};
