import type { APIRoute } from 'astro';
import { ID_PATTERN } from '../../../domain/contact.ts';
import { isLang } from '../../../domain/language.ts';
import { SEGMENTS } from '../../../i18n/routes.ts';
import { getNoticePdf } from '../../../services/notice-pdf.ts';

/** The notice as a tagged PDF: /fi/rekisterit/<id>.pdf, /sv/register/<id>.pdf, /en/registers/<id>.pdf. */
export const GET: APIRoute = async ({ params, rewrite }) => {
  const { lang, collection, id } = params;
  if (!isLang(lang) || collection !== SEGMENTS.register[lang] || !id || !ID_PATTERN.test(id)) return rewrite('/404');
  const pdf = await getNoticePdf(id, lang);
  if (!pdf) return rewrite('/404');
  return new Response(pdf, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${id}-${lang}.pdf"`,
    },
  });
};
