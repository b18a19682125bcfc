import { LANGS, type Lang } from '../../domain/language.ts';
import type { RegisterFormat } from '../../domain/register.ts';
import type { Block } from './blocks.ts';
import { PERSONAL_DATA_ACT_KINDS, SYSTEM_KINDS, type SectionKind } from './section-kinds.ts';
import { containsPhrase, vocabulary } from './vocabulary.ts';

/**
 * The language of a document, from the frequent words of each language (vocabulary `words`). `confident` is false
 * when the text is too short or too mixed to tell.
 */
export function detectLanguage(blocks: readonly Block[]): { lang: Lang; confident: boolean } {
  const { languages } = vocabulary();
  const counts = Object.fromEntries(LANGS.map((lang) => [lang, 0])) as Record<Lang, number>;
  const sets = Object.fromEntries(LANGS.map((lang) => [lang, new Set(languages[lang].words)])) as Record<Lang, Set<string>>;
  for (const block of blocks) {
    for (const word of block.text.toLocaleLowerCase('fi').split(/[^\p{L}]+/u)) {
      for (const lang of LANGS) if (sets[lang].has(word)) counts[lang]++;
    }
  }
  const [first, second] = [...LANGS].sort((a, b) => counts[b] - counts[a]);
  return { lang: first!, confident: counts[first!] >= 8 && counts[first!] >= 1.5 * counts[second!] };
}

/**
 * The format of a description from the sections found: the fields of an information-system description (name of
 * the system, data since, update frequency, …) make it one; together with the sections of a Personal Data Act
 * register description it is a legacy description; otherwise a GDPR privacy notice. The document's own name
 * ("Tietojärjestelmäseloste") decides when the sections do not.
 */
export function detectFormat(kinds: ReadonlySet<SectionKind>, titles: readonly string[]): RegisterFormat {
  const system = [...kinds].filter((kind) => SYSTEM_KINDS.has(kind)).length;
  const register = [...kinds].filter((kind) => PERSONAL_DATA_ACT_KINDS.has(kind)).length;
  if (system >= 2 && register >= 3 && kinds.has('systemName') && kinds.has('title')) return 'legacy';
  if (system >= 2) return 'information-system';
  const { languages } = vocabulary();
  const named = (phrases: string[]) => titles.some((title) => containsPhrase(title, phrases));
  const systemNames = LANGS.flatMap((lang) =>
    (languages[lang].headings.documentTitle ?? []).filter((title) => /järjestelmä|datasystem|information system/iu.test(title)),
  );
  return named(systemNames) ? 'information-system' : 'gdpr-notice';
}
