import type { APIRoute } from 'astro';
import { mayUse } from '../../../../domain/access.ts';
import { isLang } from '../../../../domain/language.ts';
import { forbidden } from '../../../../layouts/staff-gate.ts';
import { downloadAttachment } from '../../../../services/request-work.ts';
import { appStore } from '../../../../services/runtime.ts';

/** A file attached to a request: /fi/staff/attachments/<id>. Only for those who read the organisation's requests; audited. */
export const GET: APIRoute = async ({ params, locals, rewrite }) => {
  if (!isLang(params.lang) || !locals.user) return rewrite('/404');
  if (!mayUse(locals.user, 'requests')) return forbidden(params.lang);
  if (!/^[0-9a-f-]{36}$/u.test(params.id ?? '')) return rewrite('/404');
  const found = await downloadAttachment(await appStore(), params.id!, locals.user);
  if (!found) return rewrite('/404');
  return new Response(new Uint8Array(found.data), {
    headers: {
      'content-type': found.attachment.mediaType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.attachment.name)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
};
