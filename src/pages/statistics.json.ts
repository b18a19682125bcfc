import type { APIRoute } from 'astro';
import { publicStatistics } from '../services/public-statistics.ts';

/** The public request statistics as open data: one organisation and year, suppressed cells as null. */
export const GET: APIRoute = async ({ url }) => {
  const { statistics, organisations } = await publicStatistics('fi', {
    organisation: url.searchParams.get('organisation'),
    year: url.searchParams.get('year'),
  });
  return Response.json({ ...statistics, organisations: organisations.map((organisation) => organisation.id), suppressedBelow: 5 });
};
