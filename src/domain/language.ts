import * as z from 'zod';

/** The languages Seloste publishes in. Finnish and Swedish are the national languages (Constitution §17); English is a third. */
export const LANGS = ['fi', 'sv', 'en'] as const;

export const langSchema = z.enum(LANGS).meta({ description: 'A content language: fi, sv or en.' });
export type Lang = z.infer<typeof langSchema>;

/** Finnish is the fallback everywhere: it is the majority language of every body Seloste serves. */
export const DEFAULT_LANG: Lang = 'fi';

/** BCP 47 tags for documents: Swedish as written in Finland, British English as used by Finnish authorities. */
export const LANG_TAGS: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header (RFC 9110 §12.5.4): highest q first, `sv-FI` counts as sv,
 * and Finnish when nothing matches.
 */
export function preferredLanguage(header: string | null | undefined): Lang {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/u.exec(param)?.[1]).find((value) => value !== undefined);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.primary).find(isLang) ?? DEFAULT_LANG;
}
