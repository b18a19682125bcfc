import i18next, { type i18n, type TFunction } from 'i18next';
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../domain/language.ts';
import en from './locales/en.json' with { type: 'json' };
import fi from './locales/fi.json' with { type: 'json' };
import sv from './locales/sv.json' with { type: 'json' };

/** The UI strings per language; a test keeps their keys identical. */
export const LOCALES: Record<Lang, Record<string, string>> = { fi, sv, en };

let instance: i18n | undefined;

/** One shared, synchronously initialised instance; never change its language, ask for a fixed `t` instead. */
function shared(): i18n {
  if (instance) return instance;
  instance = i18next.createInstance();
  void instance.init({
    resources: { fi: { common: fi }, sv: { common: sv }, en: { common: en } },
    lng: DEFAULT_LANG,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: [...LANGS],
    ns: ['common'],
    defaultNS: 'common',
    keySeparator: false,
    nsSeparator: false,
    initAsync: false,
    // Astro escapes every {expression}; the CLI prints plain text.
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** The translation function for a language; anything that is not fi, sv or en gets Finnish. */
export function tFor(lang: string | undefined): TFunction {
  return shared().getFixedT(isLang(lang) ? lang : DEFAULT_LANG, 'common');
}
