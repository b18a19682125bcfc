import type { APIRoute } from 'astro';
import { ID_PATTERN } from '../../../../../domain/contact.ts';
import { isLang } from '../../../../../domain/language.ts';
import { SEGMENTS } from '../../../../../i18n/routes.ts';
import { versionPdf } from '../../../../../services/versions.ts';

/** A past version's notice as a tagged PDF, at an address that never changes. */
export const GET: APIRoute = async ({ params, rewrite }) => {
  const { lang, collection, id, number } = params;
  if (!isLang(lang) || collection !== SEGMENTS.register[lang] || !id || !ID_PATTERN.test(id) || !/^[1-9]\d{0,5}$/u.test(number ?? ''))
    return rewrite('/404');
  const pdf = await versionPdf(id, Number(number), lang);
  if (!pdf) return rewrite('/404');
  return new Response(pdf, {
    headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${id}-${lang}-v${number}.pdf"` },
  });
};
