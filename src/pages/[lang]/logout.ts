import type { APIRoute } from 'astro';
import { isLang } from '../../domain/language.ts';
import { endSession } from '../../services/staff-session.ts';
import { runtime } from '../../store/runtime.ts';

/** Signs out (POST only, so a link or an image cannot do it) and returns to the login page. */
export const POST: APIRoute = async ({ params, cookies, locals, redirect }) => {
  const lang = isLang(params.lang) ? params.lang : 'fi';
  if (locals.user)
    await (await runtime()).audit.append({ actor: locals.user.username, action: 'logout', entity: `user:${locals.user.username}` });
  endSession(cookies);
  return redirect(`/${lang}/login`, 303);
};
