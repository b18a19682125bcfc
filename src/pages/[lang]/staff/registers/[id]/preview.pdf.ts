import type { APIRoute } from 'astro';
import { forbidden } from '../../../../../layouts/staff-gate.ts';
import { mayUse } from '../../../../../domain/access.ts';
import { ID_PATTERN } from '../../../../../domain/contact.ts';
import { isLang } from '../../../../../domain/language.ts';
import { tFor } from '../../../../../i18n/index.ts';
import { previewPdf } from '../../../../../services/register-workspace.ts';

/** The working copy as the PDF it will be published as, marked as a draft; staff only, never cached. */
export const GET: APIRoute = async ({ params, locals, redirect, rewrite }) => {
  const { lang, id = '' } = params;
  if (!isLang(lang) || !ID_PATTERN.test(id)) return rewrite('/404');
  if (!locals.user) return redirect(`/${lang}/login`, 303);
  if (!mayUse(locals.user, 'registers')) return forbidden(lang);
  const pdf = await previewPdf(locals.user, id, lang, tFor(lang)('workspace.preview.mark'));
  if (!pdf) return rewrite('/404');
  return new Response(pdf, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${id}-${lang}-draft.pdf"`,
      'cache-control': 'no-store',
    },
  });
};
