import type { APIRoute } from 'astro';
import { mayUse } from '../domain/access.ts';
import { ID_PATTERN } from '../domain/contact.ts';
import { isLang } from '../domain/language.ts';
import { recordDownload, RecordForbiddenError, type RecordFormat } from '../services/processing-record.ts';
import { forbidden } from './staff-gate.ts';

/**
 * The route that downloads the Art 30 record of processing in one form, of one organisation (`?organisation=`) or of
 * all the user's. Staff only: it carries internal fields.
 */
export function recordRoute(format: RecordFormat): APIRoute {
  return async ({ params, locals, url, rewrite, redirect }) => {
    const { lang } = params;
    if (!isLang(lang)) return rewrite('/404');
    if (!locals.user) return redirect(`/${lang}/login`, 303);
    if (!mayUse(locals.user, 'registers')) return forbidden(lang);
    const organisation = url.searchParams.get('organisation') || undefined;
    if (organisation !== undefined && !ID_PATTERN.test(organisation)) return forbidden(lang);
    try {
      const file = await recordDownload(locals.user, lang, organisation, format);
      return new Response(file.body, {
        headers: {
          'content-type': file.type,
          'content-disposition': `attachment; filename="${file.filename}"`,
          'cache-control': 'no-store',
        },
      });
    } catch (error) {
      if (error instanceof RecordForbiddenError) return forbidden(lang);
      throw error;
    }
  };
}
