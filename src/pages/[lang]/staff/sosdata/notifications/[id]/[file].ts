import type { APIRoute } from 'astro';
import { mayUse } from '../../../../../../domain/access.ts';
import { ID_PATTERN } from '../../../../../../domain/contact.ts';
import { isLang } from '../../../../../../domain/language.ts';
import { forbidden } from '../../../../../../layouts/staff-gate.ts';
import { appStore } from '../../../../../../services/runtime.ts';
import { sosdataDownload } from '../../../../../../services/sosdata-work.ts';

/**
 * A stored notification as a file: /sv/staff/sosdata/notifications/<id>/sv.pdf (the PDF in fi or sv), …/fi.csv, …/en.json. The
 * role is checked here and again in the service.
 */
export const GET: APIRoute = async ({ params, locals, rewrite }) => {
  if (!isLang(params.lang) || !locals.user) return rewrite('/404');
  if (!mayUse(locals.user, 'sosdata')) return forbidden(params.lang);
  const match = /^(fi|sv|en)\.(pdf|csv|json)$/u.exec(params.file ?? '');
  if (!match || !ID_PATTERN.test(params.id ?? '') || (match[2] === 'pdf' && match[1] === 'en')) return rewrite('/404');
  const file = await sosdataDownload(
    await appStore(),
    locals.user,
    params.id!,
    match[2] as 'pdf' | 'csv' | 'json',
    match[1] as 'fi' | 'sv',
  );
  if (!file) return rewrite('/404');
  return new Response(file.body as BodyInit, {
    headers: {
      'content-type': file.type,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
    },
  });
};
