import type { APIRoute } from 'astro';
import { organisationLogo } from '../../services/branding.ts';

/** An organisation's logo from content/assets, shown over its notices. */
export const GET: APIRoute = async ({ params }) => {
  const logo = await organisationLogo(params.file ?? '');
  if (!logo) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(logo.body), { headers: { 'content-type': logo.type } });
};
