import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../domain/language.ts';
import { getPublishedNotice } from './notice.ts';
import { getCatalogue } from '../content/catalogue.ts';
import { renderPdf } from './notice-pdf.ts';
import { getPublishedCatalogue } from './published.ts';

export interface ExportRequest {
  /** Register ids; empty means every published register. */
  ids: string[];
  languages: Lang[];
  origin: string;
  outDir: string;
  /** Worker threads to render with; 1 renders in this thread. */
  jobs?: number;
  progress?: (state: { done: number; total: number; file: string }) => void;
}

export interface ExportJob {
  id: string;
  lang: Lang;
}

/** Fewer files than this are not worth starting workers for: each must load the content and fonts first. */
const MIN_FILES_PER_WORKER = 6;

/** Renders and writes the PDFs of published registers, in parallel for large batches: the use case behind `seloste pdf`. */
export async function exportPdfs(request: ExportRequest): Promise<{ written: number; unknownIds: string[]; contentErrors: number }> {
  const [catalogue, content] = await Promise.all([getPublishedCatalogue(), getCatalogue()]);
  const published = [...catalogue.registers.keys()];
  const ids = request.ids.length > 0 ? request.ids.filter((id) => published.includes(id)) : published.sort();
  const unknownIds = request.ids.filter((id) => !published.includes(id));
  const jobs: ExportJob[] = ids.flatMap((id) => request.languages.map((lang) => ({ id, lang })));
  const workers = Math.max(1, Math.min(request.jobs ?? 1, Math.floor(jobs.length / MIN_FILES_PER_WORKER)));
  let done = 0;
  const finished = (file: string) => request.progress?.({ done: ++done, total: jobs.length, file });
  if (workers === 1) for (const job of jobs) finished(await exportOne(job, request.origin, request.outDir));
  else await Promise.all(partition(jobs, workers).map((share) => runWorker(share, request, finished)));
  return { written: done, unknownIds, contentErrors: content.issues.filter((issue) => issue.severity === 'error').length };
}

/** Renders one notice to `<outDir>/<id>-<lang>.pdf` and returns the file name. */
export async function exportOne({ id, lang }: ExportJob, origin: string, outDir: string): Promise<string> {
  const notice = await getPublishedNotice(id, lang);
  if (!notice) throw new Error(`${id} is not published`);
  const file = `${id}-${lang}.pdf`;
  await writeFile(path.join(outDir, file), await renderPdf(notice, lang, { origin }));
  return file;
}

/** Deals the jobs round-robin, so long and short registers spread evenly over the workers. */
function partition<T>(items: T[], parts: number): T[][] {
  const shares: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, index) => shares[index % parts]!.push(item));
  return shares;
}

function runWorker(jobs: ExportJob[], request: ExportRequest, finished: (file: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pdf-export-worker.ts', import.meta.url), {
      workerData: { jobs, origin: request.origin, outDir: request.outDir },
      env: { ...process.env },
    });
    worker.on('message', (message: { file?: string }) => {
      if (message.file) finished(message.file);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`PDF worker exited with code ${code}`))));
  });
}
