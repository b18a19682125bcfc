import type { APIRoute } from 'astro';
import { getCatalogue } from '../../services/catalogue.ts';
import { ID_PATTERN } from '../../domain/contact.ts';
import { publicRegister } from '../../services/register-index.ts';

/** The public part of one published register, valid against /schema/register.schema.json. The Art 30 record is never here. */
export const GET: APIRoute = async ({ params }) => {
  const id = params.id ?? '';
  const entry = ID_PATTERN.test(id) ? (await getCatalogue()).registers.get(id) : undefined;
  if (!entry || entry.register.status !== 'published') return Response.json({ error: 'not found' }, { status: 404 });
  return Response.json(publicRegister(entry.register));
};
