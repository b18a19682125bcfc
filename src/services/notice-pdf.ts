import type { LoadedContent } from '../content/load.ts';
import { getCatalogue } from '../content/catalogue.ts';
import { readJsonTemplate } from '../content/templates.ts';
import { formatDate } from '../domain/date.ts';
import { LANGS, type Lang } from '../domain/language.ts';
import { tFor } from '../i18n/index.ts';
import { urls } from '../i18n/routes.ts';
import { renderNoticePdf } from '../render/pdf/notice-pdf.ts';
import { pdfLabelsSchema, pdfLayoutSchema } from '../render/pdf/pdf-templates.ts';
import { getPublishedNotice, type Notice } from './notice.ts';

export interface PdfRequest {
  /** The site's public origin, e.g. https://seloste.example.com, for the address printed in the PDF. */
  origin: string;
  /** A fixed creation date (reproducible output). Defaults to SOURCE_DATE_EPOCH when that is set. */
  creationDate?: Date;
}

/** The creation date for reproducible files: SOURCE_DATE_EPOCH (seconds), the reproducible-builds convention. */
export function sourceDateEpoch(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/u.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
}

/** Renders a notice's PDF. Used by the web route (through the cache) and by `seloste pdf`. */
export async function renderPdf(notice: Notice, lang: Lang, request: PdfRequest): Promise<Uint8Array<ArrayBuffer>> {
  const t = tFor(lang);
  const [layout, labels] = await Promise.all([
    readJsonTemplate('pdf/layout', pdfLayoutSchema),
    readJsonTemplate(`pdf/${lang}`, pdfLabelsSchema),
  ]);
  return renderNoticePdf(notice.view, {
    layout,
    labels,
    languageNames: Object.fromEntries(LANGS.map((code) => [code, t(`lang.${code}`)])) as Record<Lang, string>,
    publicUrl: new URL(urls.register(lang, notice.view.id), request.origin).href,
    formatDate: (date) => formatDate(date, lang),
    creationDate: request.creationDate ?? sourceDateEpoch(),
  });
}

/** Rendered PDFs per catalogue: one render per register version and language, dropped when the content changes. */
const cache = new WeakMap<LoadedContent, Map<string, Promise<Uint8Array<ArrayBuffer>>>>();

/** The PDF of a published register, from cache when its register has not changed; undefined when there is none. */
export async function getNoticePdf(id: string, lang: Lang, request: PdfRequest): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const notice = await getPublishedNotice(id, lang);
  if (!notice) return undefined;
  const catalogue = await getCatalogue();
  let perCatalogue = cache.get(catalogue);
  if (!perCatalogue) cache.set(catalogue, (perCatalogue = new Map()));
  const key = `${id}:${notice.entry.register.version}:${lang}:${request.origin}`;
  let pdf = perCatalogue.get(key);
  if (!pdf) {
    pdf = renderPdf(notice, lang, request);
    perCatalogue.set(key, pdf);
    pdf.catch(() => perCatalogue.delete(key));
  }
  return pdf;
}
