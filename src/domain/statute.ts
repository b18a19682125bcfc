import * as z from 'zod';
import type { Lang } from './language.ts';
import { localizedTextSchema } from './localized-text.ts';

/** A Finnish act in the Statute Book (Suomen säädöskokoelma), cited number/year, with an optional section (§) and subsection (momentti). */
export interface FinnishStatute {
  kind: 'fi';
  number: number;
  year: number;
  /** Section, such as "24" or "80 a". */
  section?: string;
  /** Subsection (momentti) within the section. */
  subsection?: number;
}

/** An EU act by its CELEX number, with an optional article reference such as "6(1)(e)". */
export interface EuStatute {
  kind: 'eu';
  celex: string;
  article?: string;
}

export type ParsedStatute = FinnishStatute | EuStatute;

const FINNISH = /^(\d{1,4})\/(\d{4})(?:\s+(\d{1,3}(?:\s?[a-z])?)\s*§(?:\s+(\d{1,2})\s*mom\.?)?)?$/u;
const CELEX = /^(?:CELEX:)?(\d{5}[A-Z]\d{4})(?:\s+art(?:icle|\.)?\s*(\d{1,3}(?:\(\d{1,2}\))?(?:\([a-z]\))?))?$/iu;
const OLD_FINLEX_URL = /^https?:\/\/(?:www\.)?finlex\.fi\/(?:fi|sv)\/(?:laki|lag)\/(?:ajantasa|alkup)\/(\d{4})\/(\d{4})(\d{4})(?:#.*)?$/u;
const FINLEX_URL = /^https?:\/\/(?:www\.)?finlex\.fi\/(?:fi\/lainsaadanto|sv\/lagstiftning)\/(\d{4})\/(\d{1,4})(?:#.*)?$/u;

/** The earliest year in the Finnish Statute Book series that Finlex numbers as number/year. */
const FIRST_STATUTE_YEAR = 1734;

/**
 * Parses a statute reference as authors write it: `621/1999`, `621/1999 24 §`, `621/1999 24 § 1 mom.`,
 * `CELEX:32016R0679`, `32016R0679 art. 6(1)(e)`, or a Finlex URL (the old /laki/ajantasa/ form is accepted on import).
 * Returns undefined for anything else.
 */
export function parseStatute(input: string): ParsedStatute | undefined {
  const text = input.trim().replace(/\s+/gu, ' ');
  const finnish = FINNISH.exec(text);
  if (finnish) {
    const statute: FinnishStatute = { kind: 'fi', number: Number(finnish[1]), year: Number(finnish[2]) };
    if (finnish[3]) statute.section = finnish[3].replace(/\s+/gu, ' ').replace(/(\d)([a-z])$/u, '$1 $2');
    if (finnish[4]) statute.subsection = Number(finnish[4]);
    return plausibleYear(statute.year) && statute.number > 0 ? statute : undefined;
  }
  const celex = CELEX.exec(text);
  if (celex) {
    const statute: EuStatute = { kind: 'eu', celex: celex[1]!.toUpperCase() };
    if (celex[2]) statute.article = celex[2];
    return statute;
  }
  const url = OLD_FINLEX_URL.exec(text);
  if (url && url[1] === url[2]) return finnishFromParts(url[3]!, url[1]!);
  const current = FINLEX_URL.exec(text);
  if (current) return finnishFromParts(current[2]!, current[1]!);
  return undefined;
}

function finnishFromParts(number: string, year: string): FinnishStatute | undefined {
  const statute: FinnishStatute = { kind: 'fi', number: Number(number), year: Number(year) };
  return plausibleYear(statute.year) && statute.number > 0 ? statute : undefined;
}

function plausibleYear(year: number): boolean {
  return year >= FIRST_STATUTE_YEAR && year <= new Date().getUTCFullYear() + 1;
}

/** The canonical citation: `621/1999 24 § 1 mom.` or `CELEX:32016R0679 art. 6(1)(e)`. */
export function formatStatute(statute: ParsedStatute): string {
  if (statute.kind === 'eu') return `CELEX:${statute.celex}${statute.article ? ` art. ${statute.article}` : ''}`;
  const section = statute.section ? ` ${statute.section} §` : '';
  const subsection = statute.subsection ? ` ${statute.subsection} mom.` : '';
  return `${statute.number}/${statute.year}${section}${subsection}`;
}

/**
 * Acts that Finlex publishes in an unofficial English translation. Others link to the Finnish text from an
 * English page, as REFERENCE.md asks. A content file can override this per reference with `englishTranslation`.
 */
const ACTS_WITH_ENGLISH_TRANSLATION = new Set([
  '621/1999', // Act on the Openness of Government Activities
  '1050/2018', // Data Protection Act
  '434/2003', // Administrative Procedure Act
  '906/2019', // Act on Information Management in Public Administration
  '812/2000', // Act on the Status and Rights of Social Welfare Clients
  '1301/2014', // Social Welfare Act
  '1326/2010', // Health Care Act
  '417/2007', // Child Welfare Act
  '301/2004', // Aliens Act
  '785/1992', // Act on the Status and Rights of Patients
  '306/2019', // Act on the Provision of Digital Services
]);

const EUR_LEX_LANG: Record<Lang, string> = { fi: 'FI', sv: 'SV', en: 'EN' };

/** The official text of the statute in the reader's language: Finlex for Finnish acts, EUR-Lex for EU acts. */
export function statuteUrl(statute: ParsedStatute, lang: Lang, englishTranslation?: boolean): string {
  if (statute.kind === 'eu') {
    return `https://eur-lex.europa.eu/legal-content/${EUR_LEX_LANG[lang]}/TXT/?uri=CELEX:${statute.celex}`;
  }
  const { number, year } = statute;
  if (lang === 'sv') return `https://www.finlex.fi/sv/lagstiftning/${year}/${number}`;
  const translated = englishTranslation ?? ACTS_WITH_ENGLISH_TRANSLATION.has(`${number}/${year}`);
  if (lang === 'en' && translated) return `https://www.finlex.fi/en/legislation/translations/${year}/eng/${number}`;
  return `https://www.finlex.fi/fi/lainsaadanto/${year}/${number}`;
}

/** A statute reference as written in content: the citation, and the act's title per language. */
export const statuteRefSchema = z
  .strictObject({
    /** The citation: `621/1999`, `621/1999 24 §`, `621/1999 24 § 1 mom.`, or `CELEX:32016R0679 art. 6(1)(e)`. */
    ref: z
      .string()
      .refine((value) => parseStatute(value) !== undefined, { error: 'errors.statute.malformed' })
      .meta({ description: 'Citation: 621/1999, 621/1999 24 §, 621/1999 24 § 1 mom., CELEX:32016R0679 or CELEX:32016R0679 art. 6(1)(e).' }),
    /** The act's title, for example "laki viranomaisten toiminnan julkisuudesta". */
    title: localizedTextSchema.optional(),
    /** Whether Finlex has an English translation of this act; Seloste knows the common ones. */
    englishTranslation: z.boolean().optional(),
  })
  .meta({ id: 'StatuteRef', description: 'A Finnish act (number/year, § and momentti) or an EU act (CELEX), with its title.' });

export type StatuteRef = z.infer<typeof statuteRefSchema>;
