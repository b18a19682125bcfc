import type { LoadedContent } from '../content/load.ts';
import { collectLocalizedTexts, pickLanguage, type Localized } from '../domain/localized-text.ts';
import { LANGS, type Lang } from '../domain/language.ts';
import { FORMAT_NAMES } from '../domain/notice-format.ts';
import {
  isPublicSection,
  REGISTER_FORMATS,
  SECTION_FIELDS,
  type Register,
  type RegisterFormat,
  type SectionField,
} from '../domain/register.ts';
import { getPublishedCatalogue } from './published.ts';

export interface RegisterIndexItem {
  id: string;
  title: Localized;
  organisationId: string;
  organisation: Localized;
  format: RegisterFormat;
  formatName: string;
  updated?: string;
  /** Languages the whole register is written in. */
  languages: Lang[];
  example: boolean;
}

export const SORTS = ['title', 'updated'] as const;
export type Sort = (typeof SORTS)[number];

/** What a reader asks the catalogue: free text, and filters by organisation and format. Unknown values are ignored. */
export interface CatalogueQuery {
  q?: string;
  organisation?: string;
  format?: string;
  sort?: string;
}

export interface CatalogueResult {
  items: RegisterIndexItem[];
  /** How many registers are published in all, before search and filters. */
  total: number;
  /** The filter choices: organisations that publish registers, and the formats in use. */
  organisations: { id: string; name: Localized }[];
  formats: { id: RegisterFormat; name: string }[];
  query: { q: string; organisation?: string; format?: RegisterFormat; sort: Sort };
}

/** The public parts of a register, without the internal Art 30 record, sections kept internal or an import's unplaced text. */
export function publicRegister(register: Register): Register {
  const copy: Record<string, unknown> = { ...register };
  for (const field of SECTION_FIELDS) if (!isPublicSection(register, field as SectionField)) delete copy[field];
  delete copy.visibility;
  delete copy.unplaced;
  return copy as Register;
}

/** Lowercased text of everything public in each register, in every language: built once per catalogue. */
const searchText = new WeakMap<LoadedContent, Map<string, string>>();

function textOf(catalogue: LoadedContent, id: string): string {
  let index = searchText.get(catalogue);
  if (!index) {
    index = new Map();
    for (const { register } of catalogue.registers.values()) {
      const organisation = catalogue.organisations.get(register.organisation);
      const texts = collectLocalizedTexts([publicRegister(register), organisation?.name]).flatMap(({ text }) =>
        LANGS.map((lang) => text[lang] ?? ''),
      );
      index.set(register.id, normalise([register.id, ...texts].join('\n')));
    }
    searchText.set(catalogue, index);
  }
  return index.get(id) ?? '';
}

function normalise(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('fi');
}

/** The published registers matching a query, sorted, in the reader's language: the public catalogue. */
export async function searchCatalogue(lang: Lang, query: CatalogueQuery = {}): Promise<CatalogueResult> {
  const catalogue = await getPublishedCatalogue();
  const collator = new Intl.Collator(lang);
  const published = [...catalogue.registers.values()];
  const organisationIds = [...new Set(published.map(({ register }) => register.organisation))];
  const organisations = organisationIds
    .map((id) => ({ id, name: nameOf(catalogue, id, lang) }))
    .sort((a, b) => collator.compare(a.name.value, b.name.value));
  const formats = REGISTER_FORMATS.filter((format) => published.some(({ register }) => register.format === format)).map((id) => ({
    id,
    name: FORMAT_NAMES[id][lang],
  }));

  const q = (query.q ?? '').trim().slice(0, 200);
  const organisation = organisationIds.includes(query.organisation ?? '') ? query.organisation : undefined;
  const format = formats.find(({ id }) => id === query.format)?.id;
  const sort: Sort = query.sort === 'updated' ? 'updated' : 'title';
  const terms = normalise(q).split(/\s+/u).filter(Boolean);

  const items = published
    .filter(({ register }) => (!organisation || register.organisation === organisation) && (!format || register.format === format))
    .filter(({ register }) => terms.every((term) => textOf(catalogue, register.id).includes(term)))
    .map(({ register, languages }) => ({
      id: register.id,
      title: pickLanguage(register.title, lang),
      organisationId: register.organisation,
      organisation: nameOf(catalogue, register.organisation, lang),
      format: register.format,
      formatName: FORMAT_NAMES[register.format][lang],
      updated: register.updated,
      languages: languages.complete,
      example: register.example === true,
    }))
    .sort(
      (a, b) =>
        (sort === 'updated' ? (b.updated ?? '').localeCompare(a.updated ?? '') : 0) || collator.compare(a.title.value, b.title.value),
    );

  return { items, total: published.length, organisations, formats, query: { q, organisation, format, sort } };
}

function nameOf(catalogue: LoadedContent, id: string, lang: Lang): Localized {
  const organisation = catalogue.organisations.get(id);
  return organisation ? pickLanguage(organisation.name, lang) : { value: id, lang, isFallback: false };
}
