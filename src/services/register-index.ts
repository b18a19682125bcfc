import { getCatalogue } from '../content/catalogue.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage, type Localized } from '../domain/localized-text.ts';
import { FORMAT_NAMES } from '../domain/notice-format.ts';
import type { RegisterFormat } from '../domain/register.ts';

export interface RegisterIndexItem {
  id: string;
  title: Localized;
  organisation: Localized;
  format: RegisterFormat;
  formatName: string;
  updated?: string;
  /** Languages the whole register is written in. */
  languages: Lang[];
  example: boolean;
}

/** The published registers, sorted by title in the reader's language: the public index. */
export async function listPublishedRegisters(lang: Lang): Promise<RegisterIndexItem[]> {
  const catalogue = await getCatalogue();
  const collator = new Intl.Collator(lang);
  return [...catalogue.registers.values()]
    .filter(({ register }) => register.status === 'published')
    .map(({ register, languages }) => {
      const organisation = catalogue.organisations.get(register.organisation);
      return {
        id: register.id,
        title: pickLanguage(register.title, lang),
        organisation: organisation ? pickLanguage(organisation.name, lang) : { value: register.organisation, lang, isFallback: false },
        format: register.format,
        formatName: FORMAT_NAMES[register.format][lang],
        updated: register.updated,
        languages: languages.complete,
        example: register.example === true,
      };
    })
    .sort((a, b) => collator.compare(a.title.value, b.title.value));
}
