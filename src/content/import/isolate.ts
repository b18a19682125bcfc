import { Worker } from 'node:worker_threads';
import { ImportRefusal, type RefusalCode } from './errors.ts';
import type { Lang } from '../../domain/language.ts';
import { extractFile, type ImportLimits, type SourceFile } from './extract.ts';
import { recognize, type RecognizedDocument } from './recognize.ts';
import { sniffType } from './sniff.ts';

type WorkerReply = { document: RecognizedDocument } | { refusal: { code: RefusalCode; params: Record<string, string | number> } };

/**
 * Reads a file and splits it into sections in a worker thread with a time and a memory limit: a file that takes
 * too long is refused as `timeout`, one that exhausts the memory as `tooComplex`. The size and the format are
 * checked before the worker starts. With `isolate: false` the work is done in this thread (where there are no workers).
 */
export async function readIsolated(
  file: SourceFile,
  limits: ImportLimits,
  lang: Lang | undefined,
  isolate = true,
): Promise<RecognizedDocument> {
  if (file.bytes.length > limits.maxBytes) {
    throw new ImportRefusal('tooLarge', { file: file.name, megabytes: Math.floor(limits.maxBytes / 1024 / 1024) });
  }
  // The format is told from the first bytes, in this thread: a file of the wrong kind is refused without a worker.
  sniffType(file.name, file.bytes);
  if (!isolate) return recognize(file.name, await extractFile(file, limits), lang);
  return new Promise<RecognizedDocument>((resolve, reject) => {
    const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), {
      workerData: { file, limits, lang },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new ImportRefusal('timeout', { file: file.name, seconds: Math.round(limits.timeoutMs / 1000) }))),
      limits.timeoutMs,
    );
    worker.on('message', (reply: WorkerReply) =>
      settle(() => ('document' in reply ? resolve(reply.document) : reject(new ImportRefusal(reply.refusal.code, reply.refusal.params)))),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() => reject(new ImportRefusal(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'tooComplex' : 'broken', { file: file.name }))),
    );
    worker.on('exit', () => settle(() => reject(new ImportRefusal('broken', { file: file.name }))));
  });
}
