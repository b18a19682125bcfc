import type { APIRoute } from 'astro';
import { isLang } from '../../../../domain/language.ts';
import { forbidden } from '../../../../layouts/staff-gate.ts';
import { mayUse } from '../../../../domain/access.ts';
import { letterPdf, organisationOf } from '../../../../services/letters.ts';
import { findRequest } from '../../../../services/requests.ts';
import { appStore } from '../../../../services/runtime.ts';

/** A sent letter as a PDF: /fi/staff/letters/TS-2026-000001-0.pdf. The role is checked here as well as in the middleware. */
export const GET: APIRoute = async ({ params, locals, rewrite }) => {
  if (!isLang(params.lang) || !locals.user) return rewrite('/404');
  if (!mayUse(locals.user, 'requests')) return forbidden(params.lang);
  const match = /^(TS-\d{4}-\d{6})-(\d{1,3})$/u.exec(params.file ?? '');
  if (!match) return rewrite('/404');
  const request = await findRequest(await appStore(), match[1]!, locals.user);
  if (!request) return rewrite('/404');
  const letter = request.letters[Number(match[2])];
  if (!letter) return rewrite('/404');
  const pdf = await letterPdf(request, Number(match[2]), await organisationOf(request));
  if (!pdf) return rewrite('/404');
  return new Response(pdf, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${params.file}.pdf"`,
      'cache-control': 'no-store',
    },
  });
};
