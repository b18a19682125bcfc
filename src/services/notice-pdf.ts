import { readJsonTemplate } from '../content/templates.ts';
import { formatDate } from '../domain/date.ts';
import { LANGS, type Lang } from '../domain/language.ts';
import { tFor } from '../i18n/index.ts';
import { urls } from '../i18n/routes.ts';
import { renderNoticePdf } from '../render/pdf/notice-pdf.ts';
import { pdfLabelsSchema, pdfLayoutSchema } from '../render/pdf/pdf-templates.ts';
import { ByteLru } from './lru.ts';
import { getPublishedNotice, type Notice } from './notice.ts';
import { publicOrigin } from './public-origin.ts';
import { config } from '../domain/config.ts';
import { getPublishedCatalogue, type PublishedCatalogue } from './published.ts';

export interface PdfRequest {
  /** The site's public origin, e.g. https://seloste.example.com, for the address printed in the PDF. */
  origin: string;
  /** A fixed creation date (reproducible output). Defaults to SOURCE_DATE_EPOCH when that is set. */
  creationDate?: Date;
  /** A working copy's preview: the mark that heads every page and the title, in the notice's language. */
  draftMark?: string;
}

/** The creation date for reproducible files: SOURCE_DATE_EPOCH (seconds), the reproducible-builds convention. */
export function sourceDateEpoch(): Date | undefined {
  const epoch = config().SOURCE_DATE_EPOCH;
  return epoch === undefined ? undefined : new Date(epoch * 1000);
}

/** Renders a notice's PDF. Used by the web route (through the cache) and by `seloste pdf`. */
export async function renderPdf(notice: Pick<Notice, 'view'>, lang: Lang, request: PdfRequest): Promise<Uint8Array<ArrayBuffer>> {
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
    ...(request.draftMark ? { draftMark: request.draftMark } : {}),
  });
}

/** Rendered PDFs, one per register version and language, within 32 MB (about 300 notices of the size of ATJ's). */
const rendered = new ByteLru<Uint8Array<ArrayBuffer>>(32 * 1024 * 1024);
/** Renders under way, so that simultaneous requests for one PDF share a single render. */
const pending = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
/** The published catalogue the cached PDFs were rendered from (an organisation's file can change without a new version). */
let renderedFrom: PublishedCatalogue | undefined;

/**
 * The PDF of a register's version in force, from cache while nothing public changed; undefined when there is none.
 * The address printed in it is the configured public origin, so no request can put another host into a PDF.
 */
export async function getNoticePdf(id: string, lang: Lang): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const catalogue = await getPublishedCatalogue();
  const notice = await getPublishedNotice(id, lang);
  if (!notice) return undefined;
  if (catalogue !== renderedFrom) {
    rendered.clear();
    pending.clear();
    renderedFrom = catalogue;
  }
  // The content changed while the notice was being built: render it, but do not keep it under the older content.
  if (catalogue.registers.get(id) !== notice.entry) return renderPdf(notice, lang, { origin: publicOrigin() });
  const key = `${id}:${notice.entry.version.number}:${lang}`;
  const cached = rendered.get(key);
  if (cached) return cached;
  let render = pending.get(key);
  if (!render) {
    const started = renderPdf(notice, lang, { origin: publicOrigin() });
    pending.set(key, started);
    const settle = (pdf?: Uint8Array<ArrayBuffer>) => {
      if (pending.get(key) !== started) return;
      pending.delete(key);
      if (pdf) rendered.set(key, pdf, pdf.byteLength);
    };
    started.then(settle, () => settle());
    render = started;
  }
  return render;
}
