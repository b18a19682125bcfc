// A worker thread of `seloste pdf`: renders its share of the notices and reports each file as it is written.
import { parentPort, workerData } from 'node:worker_threads';
import { exportOne, type ExportJob } from './pdf-export.ts';

const { jobs, origin, outDir } = workerData as { jobs: ExportJob[]; origin: string; outDir: string };
for (const job of jobs) parentPort!.postMessage({ file: await exportOne(job, origin, outDir) });
