import type { APIRoute } from 'astro';
import { jsonSchemas } from '../../services/json-schema.ts';

/** The JSON Schemas of the content format, published beside the data. */
export const GET: APIRoute = ({ params }) => {
  const text = jsonSchemas()[`${params.name ?? ''}.json`];
  if (!text) return Response.json({ error: 'not found' }, { status: 404 });
  return new Response(text, { headers: { 'content-type': 'application/schema+json; charset=utf-8' } });
};
