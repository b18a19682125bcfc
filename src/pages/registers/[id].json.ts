import type { APIRoute } from 'astro';
import { getPublishedCatalogue } from '../../services/published.ts';
import { ID_PATTERN } from '../../domain/contact.ts';
import { publicRegister } from '../../services/register-index.ts';

/** The public part of one register's version in force, valid against /schema/register.schema.json. The Art 30 record is never here. */
export const GET: APIRoute = async ({ params }) => {
  const id = params.id ?? '';
  const entry = ID_PATTERN.test(id) ? (await getPublishedCatalogue()).registers.get(id) : undefined;
  if (!entry) return Response.json({ error: 'not found' }, { status: 404 });
  return Response.json(publicRegister(entry.register));
};
