import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { isLang, LANGS, type Lang } from '../domain/language.ts';
import { exportPdfs } from '../services/pdf-export.ts';
import { usePublishedStore } from '../services/published.ts';
import { publishOnFirstStart } from '../services/publishing.ts';
import { withStore } from '../services/runtime.ts';
import { publicOrigin } from '../services/public-origin.ts';
import { parseOptions } from './options.ts';

/**
 * `seloste pdf [--lang fi,sv,en] [--out DIR] [ids…]`: writes <id>-<lang>.pdf of the version in force of every published
 * register (or the ids given); on an empty database it first publishes as the server's first start does. On a terminal it draws a progress bar with the count and the time left; otherwise it prints a line a file.
 */
export async function runPdf(args: string[], t: TFunction): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    out: { type: 'string' },
    content: { type: 'string' },
    origin: { type: 'string' },
    jobs: { type: 'string' },
  });
  // Here --lang lists the languages to write (fi,sv,en); a single one also sets the language of the messages.
  const requested = (values.lang ?? LANGS.join(',')).split(',').map((lang) => lang.trim());
  const unknown = requested.find((lang) => !isLang(lang));
  if (unknown) {
    console.error(t('cli.pdf.badLang', { lang: unknown }));
    return 2;
  }
  if (values.content) process.env.CONTENT_DIR = path.resolve(values.content);
  const outDir = path.resolve(values.out ?? 'pdf');
  await mkdir(outDir, { recursive: true });
  const started = performance.now();
  const tty = process.stdout.isTTY;
  let count = 0;
  const result = await withStore(async (store) => {
    await publishOnFirstStart(store);
    usePublishedStore(store);
    try {
      return await exportPdfs({
        ids: positionals,
        languages: requested as Lang[],
        origin: values.origin ?? publicOrigin(),
        outDir,
        jobs: values.jobs ? Math.max(1, Number.parseInt(values.jobs, 10) || 1) : availableParallelism(),
        progress: ({ done, total, file }) => {
          count = done;
          const elapsed = (performance.now() - started) / 1000;
          const left = Math.round((elapsed / done) * (total - done));
          if (tty) {
            const width = 30;
            const filled = Math.round((done / total) * width);
            process.stdout.write(
              `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} · ${t('cli.pdf.eta', { seconds: left })}   `,
            );
            if (done === total) process.stdout.write('\n');
          } else console.log(t('cli.pdf.progress', { done, total, file }));
        },
      });
    } finally {
      usePublishedStore(undefined);
    }
  });
  for (const id of result.unknownIds) console.error(t('cli.pdf.unknown', { id }));
  if (result.contentErrors > 0) console.error(t('cli.pdf.contentErrors'));
  console.log(
    t('cli.pdf.done', {
      count,
      dir: outDir,
      seconds: (performance.now() - started) / 1000,
    }),
  );
  return result.unknownIds.length > 0 ? 1 : 0;
}
