import type { APIRoute, APIContext } from 'astro';
import { isRealIsoDate } from '../../../../domain/date.ts';
import { isLang } from '../../../../domain/language.ts';
import { forbidden } from '../../../../layouts/staff-gate.ts';
import { mayUse } from '../../../../domain/access.ts';
import { requestsCsv } from '../../../../services/request-reports.ts';
import { RequestError } from '../../../../services/requests.ts';
import { appStore } from '../../../../services/runtime.ts';

/** The requests as CSV. GET leaves identity codes out; an administrator may POST includeHetu=on to include them (audited). */
async function csv(context: APIContext, includeHetu: boolean): Promise<Response> {
  const user = context.locals.user;
  if (!isLang(context.params.lang) || !user) return context.rewrite('/404');
  if (!mayUse(user, 'reports')) return forbidden(context.params.lang);
  try {
    const period = (name: string) => {
      const value = context.url.searchParams.get(name) ?? '';
      return isRealIsoDate(value) ? value : undefined;
    };
    const text = await requestsCsv(await appStore(), {
      includeHetu,
      actor: user,
      lang: context.params.lang,
      from: period('from'),
      to: period('to'),
    });
    return new Response(text, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="requests.csv"',
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof RequestError) return forbidden(context.params.lang);
    throw error;
  }
}

export const GET: APIRoute = (context) => csv(context, false);
export const POST: APIRoute = async (context) => {
  const form = await context.request.formData();
  return csv(context, form.get('includeHetu') === 'on');
};
