import { readTemplate } from '../content/templates.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage, type Localized } from '../domain/localized-text.ts';
import { tFor } from '../i18n/index.ts';
import type { FixedPage } from '../i18n/routes.ts';
import { registryOfficeRows, type FieldRow } from '../render/notice-view.ts';
import { config } from '../domain/config.ts';
import { getPublishedCatalogue } from './published.ts';

export interface FixedPageContent {
  /** Markdown from templates/pages. */
  body: string;
  /** Registry offices of the organisations that publish registers, for "how to ask for your data". */
  offices: { organisation: Localized; rows: FieldRow[] }[];
}

/** Where accessibility feedback goes (Act 306/2019 §15 feedback channel): set ACCESSIBILITY_FEEDBACK_EMAIL in production. */
export function feedbackEmail(): string {
  return config().ACCESSIBILITY_FEEDBACK_EMAIL;
}

export async function fixedPage(page: FixedPage, lang: Lang): Promise<FixedPageContent> {
  if (page === 'accessibility')
    return { body: await readTemplate('pages/accessibility', lang, { feedbackEmail: feedbackEmail() }), offices: [] };
  const t = tFor(lang);
  const catalogue = await getPublishedCatalogue();
  const ids = new Set([...catalogue.registers.values()].map(({ register }) => register.organisation));
  const collator = new Intl.Collator(lang);
  const offices = [...ids]
    .flatMap((id) => {
      const organisation = catalogue.organisations.get(id);
      if (!organisation) return [];
      const rows = organisation.registryOffice ? registryOfficeRows(organisation.registryOffice, lang, t) : [];
      return [{ organisation: pickLanguage(organisation.name, lang), rows }];
    })
    .sort((a, b) => collator.compare(a.organisation.value, b.organisation.value));
  return { body: await readTemplate('pages/your-data', lang), offices };
}
