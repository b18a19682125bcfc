import type { AstroGlobal } from 'astro';
import { mayUse, type Area } from '../domain/access.ts';
import { isLang, type Lang } from '../domain/language.ts';
import { tFor } from '../i18n/index.ts';

export interface StaffGate {
  lang: Lang;
  user: NonNullable<App.Locals['user']>;
  /** Whether the user's roles open the page's area; when not, the response status is already 403. */
  allowed: boolean;
}

/**
 * The check at the top of every staff page, on top of the middleware's: a known language, a signed-in user, and a
 * role that opens the page's area in some organisation (services check the organisation of each thing again).
 * Returns a response to send instead when the page must not render.
 */
export function staffGate(astro: AstroGlobal, area: Area): StaffGate | Promise<Response> | Response {
  const { lang } = astro.params;
  if (!isLang(lang)) return astro.rewrite('/404');
  const user = astro.locals.user;
  if (!user) return astro.redirect(`/${lang}/login`, 303);
  const allowed = mayUse(user, area);
  if (!allowed) astro.response.status = 403;
  return { lang, user, allowed };
}

/** A 403 for a download (a PDF or a CSV), said in the user's language rather than as a bare "Forbidden". */
export function forbidden(lang: string | undefined): Response {
  const t = tFor(lang);
  return new Response(`${t('staff.forbidden.title')}. ${t('staff.forbidden.body')}\n`, {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
