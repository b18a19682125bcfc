import type { APIRoute } from 'astro';
import { receiptPdf, requestStatus } from '../../../services/eform-status.ts';

/** The receipt of a request in Swedish, as a tagged PDF, by the secret link. */
export const GET: APIRoute = async ({ params, rewrite }) => {
  const view = await requestStatus(params.secret ?? '');
  if (!view) return rewrite('/404');
  return new Response(await receiptPdf(view, 'sv', params.secret!), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${view.reference}-sv.pdf"`,
      'cache-control': 'no-store',
    },
  });
};
