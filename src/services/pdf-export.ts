import { getCatalogue } from '../content/catalogue.ts';
import type { Lang } from '../domain/language.ts';
import { getPublishedNotice } from './notice.ts';
import { renderPdf } from './notice-pdf.ts';

export interface ExportRequest {
  /** Register ids; empty means every published register. */
  ids: string[];
  languages: Lang[];
  origin: string;
  write: (fileName: string, pdf: Uint8Array) => Promise<void>;
  progress?: (state: { done: number; total: number; file: string }) => void;
}

/** Renders and writes the PDFs of published registers: the use case behind `seloste pdf`. */
export async function exportPdfs(request: ExportRequest): Promise<{ written: number; unknownIds: string[]; contentErrors: number }> {
  const catalogue = await getCatalogue();
  const published = [...catalogue.registers.values()]
    .filter(({ register }) => register.status === 'published')
    .map(({ register }) => register.id);
  const ids = request.ids.length > 0 ? request.ids.filter((id) => published.includes(id)) : published.sort();
  const unknownIds = request.ids.filter((id) => !published.includes(id));
  const jobs = ids.flatMap((id) => request.languages.map((lang) => ({ id, lang })));
  let done = 0;
  for (const { id, lang } of jobs) {
    const notice = await getPublishedNotice(id, lang);
    if (!notice) continue;
    const file = `${id}-${lang}.pdf`;
    await request.write(file, await renderPdf(notice, lang, { origin: request.origin }));
    done++;
    request.progress?.({ done, total: jobs.length, file });
  }
  return { written: done, unknownIds, contentErrors: catalogue.issues.filter((issue) => issue.severity === 'error').length };
}
