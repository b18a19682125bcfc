import type { APIRoute } from 'astro';
import { mayUse } from '../../../domain/access.ts';
import { ID_PATTERN } from '../../../domain/contact.ts';
import { isLang } from '../../../domain/language.ts';
import { forbidden } from '../../../layouts/staff-gate.ts';
import { processingRecord, RecordForbiddenError, recordPdf } from '../../../services/processing-record.ts';

/** The Art 30 record of processing as a tagged PDF, of one organisation (`?organisation=`) or of all the user's. Staff only. */
export const GET: APIRoute = async ({ params, locals, url, rewrite, redirect }) => {
  const { lang } = params;
  if (!isLang(lang)) return rewrite('/404');
  if (!locals.user) return redirect(`/${lang}/login`, 303);
  if (!mayUse(locals.user, 'registers')) return forbidden(lang);
  const organisation = url.searchParams.get('organisation') || undefined;
  if (organisation !== undefined && !ID_PATTERN.test(organisation)) return forbidden(lang);
  try {
    const rows = await processingRecord(locals.user, lang, organisation);
    return new Response(await recordPdf(rows, lang, organisation), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="art30-record${organisation ? `-${organisation}` : ''}-${lang}.pdf"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof RecordForbiddenError) return forbidden(lang);
    throw error;
  }
};
