import { recordRoute } from '../../../layouts/record-route.ts';

/** The Art 30 record of processing as CSV (UTF-8 with a BOM, `;`), which Finnish Excel opens as columns. Staff only. */
export const GET = recordRoute('csv');
