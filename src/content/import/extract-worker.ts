// A worker thread that reads one file for `seloste import` and splits it into sections, so that a hostile file can
// neither hang nor exhaust the process that asked: the parent ends the thread when its time is up.
import { parentPort, workerData } from 'node:worker_threads';
import { ImportRefusal } from './errors.ts';
import { extractFile, type ImportLimits, type SourceFile } from './extract.ts';
import { recognize } from './recognize.ts';
import type { Lang } from '../../domain/language.ts';

const { file, limits, lang } = workerData as { file: SourceFile; limits: ImportLimits; lang?: Lang };
try {
  parentPort!.postMessage({ document: recognize(file.name, await extractFile(file, limits), lang) });
} catch (error) {
  if (error instanceof ImportRefusal) parentPort!.postMessage({ refusal: { code: error.code, params: error.params } });
  else parentPort!.postMessage({ refusal: { code: 'broken', params: { file: file.name } } });
}
