import * as z from 'zod';
import { DEFAULT_LANG, LANGS, type Lang } from './language.ts';

const nonEmptyText = z
  .string()
  .refine((value) => value.trim().length > 0, { error: 'errors.text.empty' })
  .meta({ description: 'Markdown text; raw HTML is not rendered.' });

/**
 * Text in one or more languages, each markdown. A language that is not written is left out, never left blank:
 * Seloste reports what is missing instead of publishing an empty heading.
 */
export const localizedTextSchema = z
  .strictObject({
    /** Finnish text. */
    fi: nonEmptyText.optional(),
    /** Swedish text (required with Finnish for bilingual bodies, Language Act 423/2003). */
    sv: nonEmptyText.optional(),
    /** English text. */
    en: nonEmptyText.optional(),
  })
  .refine((text) => LANGS.some((lang) => text[lang] !== undefined), { error: 'errors.text.noLanguage' })
  .meta({
    id: 'LocalizedText',
    description: 'Text per language: { fi, sv, en }, each markdown. Leave a language out rather than blank.',
  });

export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The result of choosing a language: which text was shown and whether it was a fallback, so the page can say so. */
export interface Localized {
  value: string;
  lang: Lang;
  isFallback: boolean;
}

/**
 * Picks the reader's language, else Finnish, else Swedish, else English. Finnish first because it is the
 * majority language of every body we serve; the caller must show that a fallback happened.
 */
export function pickLanguage(text: LocalizedText, lang: Lang): Localized {
  const order: Lang[] = [lang, DEFAULT_LANG, ...LANGS.filter((l) => l !== lang && l !== DEFAULT_LANG)];
  for (const candidate of order) {
    const value = text[candidate];
    if (value !== undefined) return { value, lang: candidate, isFallback: candidate !== lang };
  }
  // The schema forbids a text with no language, so this is reached only with unvalidated data.
  throw new Error('LocalizedText has no language');
}

/** The languages a localized text lacks out of those required. */
export function missingLanguages(text: LocalizedText, required: readonly Lang[]): Lang[] {
  return required.filter((lang) => text[lang] === undefined);
}

/** Whether a plain value has the shape of a LocalizedText (only fi, sv and en keys), for walking validated data. */
export function isLocalizedText(value: unknown): value is LocalizedText {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => (LANGS as readonly string[]).includes(key));
}

/** Every localized text inside a value, with its path, for language-completeness checks. */
export function collectLocalizedTexts(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; text: LocalizedText }[] {
  if (isLocalizedText(value)) return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => collectLocalizedTexts(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => collectLocalizedTexts(item, [...path, key]));
  }
  return [];
}

/**
 * The languages a register must be complete in: the organisation's official languages (a bilingual
 * municipality must inform in Finnish and Swedish, Language Act 423/2003 §32) plus any the register adds.
 */
export function requiredLanguages(officialLanguages: readonly Lang[], registerLanguages: readonly Lang[] = []): Lang[] {
  return LANGS.filter((lang) => officialLanguages.includes(lang) || registerLanguages.includes(lang));
}
