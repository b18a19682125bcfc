import type { APIRoute } from 'astro';
import { isLang } from '../../domain/language.ts';
import { checkStatute } from '../../services/schema-form.ts';

/**
 * A statute reference checked as the editor's user types it (`?ref=621/1999 24 §&lang=sv`): its citation and its
 * Finlex or EUR-Lex link, or why it does not parse, in the user's language. Pure and public: it reads no data.
 */
export const GET: APIRoute = ({ url }) => {
  const lang = url.searchParams.get('lang') ?? '';
  const check = checkStatute(url.searchParams.get('ref') ?? '', isLang(lang) ? lang : 'fi');
  return Response.json(check, { headers: { 'cache-control': 'no-store' } });
};
