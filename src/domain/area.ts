import * as z from 'zod';
import { AREAS_TSV, CLASSIFICATION_SOURCE, MUNICIPALITIES_TSV } from './area-classification.data.ts';

/**
 * Statistics Finland's classification of municipalities (kunta) and wellbeing services counties (hyvinvointialue).
 * Glossary: hyvinvointialue = välfärdsområde = wellbeing services county, the "welfare area" that organises social and
 * health services since 2023. Helsinki organises them itself (code 90); Åland (91) is outside the reform.
 */
export const AREA_KINDS = ['county', 'helsinki', 'aland'] as const;

const nameSchema = z.strictObject({ fi: z.string().min(1), sv: z.string().min(1) });

export const areaSchema = z.strictObject({
  /** Two-digit code, e.g. 20 for Kainuu; 90 for Helsinki. */
  code: z.string().regex(/^\d{2}$/u),
  name: nameSchema,
  kind: z.enum(AREA_KINDS),
});
export type Area = z.infer<typeof areaSchema>;

export const municipalitySchema = z.strictObject({
  /** Three-digit municipality code, e.g. 091 for Helsinki. */
  code: z.string().regex(/^\d{3}$/u),
  name: nameSchema,
  /** The county (or Helsinki, or Åland) the municipality belongs to. */
  area: z.string().regex(/^\d{2}$/u),
});
export type Municipality = z.infer<typeof municipalitySchema>;

const rows = (tsv: string) =>
  tsv
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));

export const AREAS: readonly Area[] = rows(AREAS_TSV).map(([code, fi, sv, kind]) => areaSchema.parse({ code, name: { fi, sv }, kind }));

export const MUNICIPALITIES: readonly Municipality[] = rows(MUNICIPALITIES_TSV).map(([code, fi = '', sv, area]) =>
  municipalitySchema.parse({ code, name: { fi, sv: sv || fi }, area }),
);

export { CLASSIFICATION_SOURCE };

const areasByCode = new Map(AREAS.map((area) => [area.code, area]));
const municipalitiesByCode = new Map(MUNICIPALITIES.map((municipality) => [municipality.code, municipality]));

export function findArea(code: string): Area | undefined {
  return areasByCode.get(code);
}

export function findMunicipality(code: string): Municipality | undefined {
  return municipalitiesByCode.get(code);
}

/** The municipalities of a county, in the classification's order. */
export function municipalitiesOf(areaCode: string): Municipality[] {
  return MUNICIPALITIES.filter((municipality) => municipality.area === areaCode);
}
