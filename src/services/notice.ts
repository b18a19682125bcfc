import type { LoadedContent } from '../content/load.ts';
import { readTemplate } from '../content/templates.ts';
import type { Lang } from '../domain/language.ts';
import type { Organisation } from '../domain/organisation.ts';
import type { Register } from '../domain/register.ts';
import { tFor } from '../i18n/index.ts';
import { urls } from '../i18n/routes.ts';
import { buildNoticeView, type NoticeView } from '../render/notice-view.ts';
import { getPublishedCatalogue, type PublishedEntry } from './published.ts';

export interface Notice {
  entry: PublishedEntry;
  view: NoticeView;
}

/** View models per catalogue: built once per register and language, and dropped with the catalogue when content changes. */
const views = new WeakMap<LoadedContent, Map<string, Promise<NoticeView>>>();

/** The public notice of a register in a language: its version in force, or undefined when none is. */
export async function getPublishedNotice(id: string, lang: Lang): Promise<Notice | undefined> {
  const catalogue = await getPublishedCatalogue();
  const entry = catalogue.registers.get(id);
  if (!entry) return undefined;
  let perCatalogue = views.get(catalogue);
  if (!perCatalogue) views.set(catalogue, (perCatalogue = new Map()));
  const key = `${id}:${lang}`;
  let view = perCatalogue.get(key);
  if (!view) {
    view = noticeViewOf(entry.register, catalogue.organisations, lang);
    perCatalogue.set(key, view);
  }
  return { entry, view: await view };
}

/** The notice view of any register (a past version, a draft for preview) in a language, as the public page builds it. */
export async function noticeViewOf(register: Register, organisations: ReadonlyMap<string, Organisation>, lang: Lang): Promise<NoticeView> {
  return buildNoticeView({
    register,
    organisations,
    lang,
    t: tFor(lang),
    templates: { rights: await readTemplate('notice/rights', lang), complaint: await readTemplate('notice/complaint', lang) },
    yourDataUrl: urls.page(lang, 'yourData'),
  });
}
