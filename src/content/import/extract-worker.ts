// A worker thread that reads one file for `seloste import`, so that a hostile file can neither hang nor exhaust
// the process that asked: the parent ends the thread when its time is up.
import { parentPort, workerData } from 'node:worker_threads';
import { ImportRefusal } from './errors.ts';
import { extractFile, type ImportLimits, type SourceFile } from './extract.ts';

const { file, limits } = workerData as { file: SourceFile; limits: ImportLimits };
try {
  parentPort!.postMessage({ extraction: await extractFile(file, limits) });
} catch (error) {
  if (error instanceof ImportRefusal) parentPort!.postMessage({ refusal: { code: error.code, params: error.params } });
  else parentPort!.postMessage({ refusal: { code: 'broken', params: { file: file.name } } });
}
