// A worker thread of `seloste pdf`: renders its share of the notices and reports each file as it is written.
import { parentPort, workerData } from 'node:worker_threads';
import { exportOne, type ExportJob } from './pdf-export.ts';
import { usePublishedStore } from './published.ts';
import { withStore } from './runtime.ts';

const { jobs, origin, outDir } = workerData as { jobs: ExportJob[]; origin: string; outDir: string };
// Its own connection, closed when done, so the thread can end.
await withStore(async (store) => {
  usePublishedStore(store);
  for (const job of jobs) parentPort!.postMessage({ file: await exportOne(job, origin, outDir) });
});
