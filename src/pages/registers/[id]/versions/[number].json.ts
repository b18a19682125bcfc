import type { APIRoute } from 'astro';
import { ID_PATTERN } from '../../../../domain/contact.ts';
import { versionJson } from '../../../../services/versions.ts';

/** The public part of one past version, with its number, effective date and summary. Never the Art 30 record. */
export const GET: APIRoute = async ({ params }) => {
  const { id = '', number = '' } = params;
  const found = ID_PATTERN.test(id) && /^[1-9]\d{0,5}$/u.test(number) ? await versionJson(id, Number(number)) : undefined;
  if (!found) return Response.json({ error: 'not found' }, { status: 404 });
  return Response.json(found);
};
