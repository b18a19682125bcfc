import { getCatalogue } from '../content/catalogue.ts';
import type { LoadedContent, RegisterEntry } from '../content/load.ts';
import { readTemplate } from '../content/templates.ts';
import type { Lang } from '../domain/language.ts';
import { tFor } from '../i18n/index.ts';
import { urls } from '../i18n/routes.ts';
import { buildNoticeView, type NoticeView } from '../render/notice-view.ts';

export interface Notice {
  entry: RegisterEntry;
  view: NoticeView;
}

/** View models per catalogue: built once per register and language, and dropped with the catalogue when content changes. */
const views = new WeakMap<LoadedContent, Map<string, Promise<NoticeView>>>();

/** The public notice of a published register in a language, or undefined when there is no such published register. */
export async function getPublishedNotice(id: string, lang: Lang): Promise<Notice | undefined> {
  const catalogue = await getCatalogue();
  const entry = catalogue.registers.get(id);
  if (!entry || entry.register.status !== 'published') return undefined;
  let perCatalogue = views.get(catalogue);
  if (!perCatalogue) views.set(catalogue, (perCatalogue = new Map()));
  const key = `${id}:${lang}`;
  let view = perCatalogue.get(key);
  if (!view) {
    view = (async () =>
      buildNoticeView({
        register: entry.register,
        organisations: catalogue.organisations,
        lang,
        t: tFor(lang),
        templates: { rights: await readTemplate('notice/rights', lang), complaint: await readTemplate('notice/complaint', lang) },
        yourDataUrl: urls.page(lang, 'yourData'),
      }))();
    perCatalogue.set(key, view);
  }
  return { entry, view: await view };
}
