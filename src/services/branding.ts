import { readAsset } from '../content/assets.ts';
import { getCatalogue } from '../content/catalogue.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage, type Localized } from '../domain/localized-text.ts';
import type { Organisation } from '../domain/organisation.ts';
import { tFor } from '../i18n/index.ts';
import { registryOfficeRows, type FieldRow } from '../render/notice-view.ts';

/** Where the logos of organisations are served: /logos/<file>, only for files an organisation file names. */
export const logoUrl = (file: string) => `/logos/${file}`;

/**
 * How an organisation shows itself on the public site: its name mark and logo over its notices, its accent colour
 * (as a class that /theme.css defines, because the Content-Security-Policy allows no inline style), and its
 * registry office, where "ask about your data" leads.
 */
export interface OrganisationBrand {
  id: string;
  name: Localized;
  /** The short name mark, or the official name when the file gives none. */
  mark: Localized;
  logo?: string;
  /** `org-<id>` when the organisation sets an accent colour; the site's own accent otherwise. */
  themeClass?: string;
  example: boolean;
  /** The registry office's name, postal address, telephone and e-mail, where "ask about your data" leads. */
  office: FieldRow[];
}

/** The class that carries an organisation's accent colour: ids are lowercase letters, digits and hyphens, safe in a selector. */
export const themeClass = (id: string) => `org-${id}`;

export async function organisationBrand(id: string, lang: Lang): Promise<OrganisationBrand | undefined> {
  const organisation = (await getCatalogue()).organisations.get(id);
  return organisation ? brandOf(organisation, lang) : undefined;
}

function brandOf(organisation: Organisation, lang: Lang): OrganisationBrand {
  const name = pickLanguage(organisation.name, lang);
  return {
    id: organisation.id,
    name,
    mark: organisation.nameMark ? pickLanguage(organisation.nameMark, lang) : name,
    logo: organisation.logo ? logoUrl(organisation.logo) : undefined,
    themeClass: organisation.accent ? themeClass(organisation.id) : undefined,
    example: organisation.example === true,
    office: organisation.registryOffice ? registryOfficeRows(compactOffice(organisation.registryOffice), lang, tFor(lang)) : [],
  };
}

/** The registry office as the call to action shows it: how to reach it. The full details are on the how-to page. */
function compactOffice(office: NonNullable<Organisation['registryOffice']>): NonNullable<Organisation['registryOffice']> {
  const { name, postalAddress, phone, email } = office;
  return Object.fromEntries(Object.entries({ name, postalAddress, phone, email }).filter(([, value]) => value !== undefined));
}

/**
 * The stylesheet of organisations' accent colours, one rule each: served at /theme.css and cached like the public
 * pages (it changes only with the content). The schema has checked every colour's form and contrast.
 */
export async function themeStylesheet(): Promise<string> {
  const organisations = [...(await getCatalogue()).organisations.values()].sort((a, b) => a.id.localeCompare(b.id));
  return organisations
    .filter((organisation) => organisation.accent)
    .map((organisation) => `.${themeClass(organisation.id)}{--accent:${organisation.accent!.toLowerCase()}}\n`)
    .join('');
}

const LOGO_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** A logo that some organisation file names, with its media type; undefined for any other name or a missing file. */
export async function organisationLogo(file: string): Promise<{ body: Uint8Array; type: string } | undefined> {
  const named = [...(await getCatalogue()).organisations.values()].some((organisation) => organisation.logo === file);
  const type = LOGO_TYPES[file.split('.').pop() ?? ''];
  if (!named || !type) return undefined;
  const body = await readAsset(file);
  return body ? { body, type } : undefined;
}

/** Every organisation's brand in a language, by id: for the catalogue, which lists registers of many. */
export async function organisationBrands(lang: Lang): Promise<Map<string, OrganisationBrand>> {
  return new Map([...(await getCatalogue()).organisations.values()].map((organisation) => [organisation.id, brandOf(organisation, lang)]));
}
