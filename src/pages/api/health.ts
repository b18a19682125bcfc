import type { APIRoute } from 'astro';
import { getCatalogue } from '../../content/catalogue.ts';

/** Readiness for tests and load balancers: the content loads, and how much of it is valid. */
export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  return Response.json({ ok: true, registers: catalogue.registers.size, organisations: catalogue.organisations.size });
};
