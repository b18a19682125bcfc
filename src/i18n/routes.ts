import { LANGS, type Lang } from '../domain/language.ts';

/** Path segments in the reader's language: /fi/rekisterit/…, /sv/register/…, /en/registers/…. */
export const SEGMENTS = {
  register: { fi: 'rekisterit', sv: 'register', en: 'registers' },
  accessibility: { fi: 'saavutettavuusseloste', sv: 'tillganglighetsutlatande', en: 'accessibility-statement' },
  yourData: { fi: 'omat-tiedot', sv: 'egna-uppgifter', en: 'your-data' },
  /** The citizen's e-form for asking about their data. */
  requestForm: { fi: 'pyynto', sv: 'begaran', en: 'request' },
  /** Public request statistics. */
  statistics: { fi: 'tilastot', sv: 'statistik', en: 'statistics' },
} as const satisfies Record<string, Record<Lang, string>>;

export type FixedPage = 'accessibility' | 'yourData';

export const urls = {
  home: (lang: Lang) => `/${lang}/`,
  register: (lang: Lang, id: string) => `/${lang}/${SEGMENTS.register[lang]}/${id}`,
  registerPdf: (lang: Lang, id: string) => `/${lang}/${SEGMENTS.register[lang]}/${id}.pdf`,
  registerJson: (id: string) => `/registers/${id}.json`,
  /** Every published version of a register, with what changed (the DPO workspace). */
  registerHistory: (lang: Lang, id: string) => `/${lang}/${SEGMENTS.register[lang]}/${id}/versions`,
  /** One past version, kept at this address for good: as a page, a PDF and JSON. */
  registerVersion: (lang: Lang, id: string, number: number) => `/${lang}/${SEGMENTS.register[lang]}/${id}/versions/${number}`,
  registerVersionPdf: (lang: Lang, id: string, number: number) => `/${lang}/${SEGMENTS.register[lang]}/${id}/versions/${number}.pdf`,
  registerVersionJson: (id: string, number: number) => `/registers/${id}/versions/${number}.json`,
  /** What changed between two versions, section by section. */
  /** An Atom feed of new versions: of the whole catalogue (`all`) or of one organisation. */
  versionFeed: (lang: Lang, name: string) => `/${lang}/feeds/${name}.atom`,
  registerCompare: (lang: Lang, id: string) => `/${lang}/${SEGMENTS.register[lang]}/${id}/versions/compare`,
  registerDiff: (lang: Lang, id: string, from: number, to: number) => `${urls.registerCompare(lang, id)}?from=${from}&to=${to}`,
  registersJson: () => '/registers.json',
  schema: (name: 'register' | 'organisation') => `/schema/${name}.schema.json`,
  page: (lang: Lang, page: FixedPage) => `/${lang}/${SEGMENTS[page][lang]}`,
  /** The e-form, with the register chosen in advance when the reader came from its notice. */
  requestForm: (lang: Lang, registerId?: string) =>
    `/${lang}/${SEGMENTS.requestForm[lang]}${registerId ? `?register=${encodeURIComponent(registerId)}` : ''}`,
  statistics: (lang: Lang) => `/${lang}/${SEGMENTS.statistics[lang]}`,
  /** A request's status page, reached by the secret link of its receipt. */
  requestStatus: (lang: Lang, secret: string) => `/${lang}/${SEGMENTS.requestForm[lang]}/${secret}`,
  /** The receipt of a request sent on the e-form, as a PDF. */
  requestReceipt: (lang: Lang, secret: string) => `/${lang}/${SEGMENTS.requestForm[lang]}/${secret}.pdf`,
};

/** Which fixed page a localized slug names, in that language only: /sv/omat-tiedot is not a page. */
export function fixedPageFor(lang: Lang, slug: string | undefined): FixedPage | undefined {
  return (['accessibility', 'yourData'] as const).find((page) => SEGMENTS[page][lang] === slug);
}

/** The same page in every language, for the language switch and hreflang links. */
export function alternatesFor(build: (lang: Lang) => string): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((lang) => [lang, build(lang)])) as Record<Lang, string>;
}
