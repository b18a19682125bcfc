import { recordRoute } from '../../../layouts/record-route.ts';

/** The Art 30 record of processing as a tagged PDF. Staff only. */
export const GET = recordRoute('pdf');
