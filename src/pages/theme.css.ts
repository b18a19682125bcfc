import type { APIRoute } from 'astro';
import { themeStylesheet } from '../services/branding.ts';

/** Organisations' accent colours as classes: a stylesheet, because the Content-Security-Policy allows no inline style. */
export const GET: APIRoute = async () => new Response(await themeStylesheet(), { headers: { 'content-type': 'text/css; charset=utf-8' } });
