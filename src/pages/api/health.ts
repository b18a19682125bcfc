import type { APIRoute } from 'astro';
import { health } from '../../services/health.ts';

/** Readiness: 200 when the server can serve staff and citizens alike, 503 when its database is unusable. */
export const GET: APIRoute = async () => {
  const report = await health();
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
