// PDF figures: warm render time per notice, exporting the repository's content, and a synthetic catalogue.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getCatalogue } from '../../src/content/catalogue.ts';
import { LANGS } from '../../src/domain/language.ts';
import { loadContent } from '../../src/content/load.ts';
import { readTemplate } from '../../src/content/templates.ts';
import { tFor } from '../../src/i18n/index.ts';
import { buildNoticeView } from '../../src/render/notice-view.ts';
import { getPublishedNotice, type Notice } from '../../src/services/notice.ts';
import { renderPdf } from '../../src/services/notice-pdf.ts';
import { ROOT } from '../support/cli.ts';
import { syntheticContent } from './synthetic.ts';

export interface PdfFigures {
  notices: number;
  p50: number;
  p99: number;
  /** Warm render times over a sample of synthetic registers of a typical length. */
  typical: { notices: number; p50: number; p99: number };
  exportAll: { files: number; seconds: number };
  synthetic: { registers: number; files: number; seconds: number };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function runExport(content: string): { files: number; seconds: number } {
  const out = mkdtempSync(path.join(tmpdir(), 'seloste-bench-pdf-'));
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'src/cli/seloste.ts'), 'pdf', '--content', content, '--out', out, '--lang', 'fi,sv,en'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SELOSTE_LANG: 'en' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`seloste pdf failed: ${result.stderr}`);
  return { files: readdirSync(out).length, seconds: (performance.now() - started) / 1000 };
}

export async function benchPdf(registers = Number(process.env.BENCH_REGISTERS ?? 1000), rounds = 10): Promise<PdfFigures> {
  process.env.CONTENT_DIR = path.join(ROOT, 'content');
  const catalogue = await getCatalogue();
  const ids = [...catalogue.registers.values()]
    .filter(({ register }) => register.status === 'published')
    .map(({ register }) => register.id);
  const times: number[] = [];
  for (const id of ids) {
    for (const lang of LANGS) {
      const notice = (await getPublishedNotice(id, lang))!;
      for (let round = -2; round < rounds; round++) {
        const started = performance.now();
        await renderPdf(notice, lang, { origin: 'https://seloste.example.com' });
        if (round >= 0) times.push(performance.now() - started);
      }
    }
  }
  times.sort((a, b) => a - b);
  const syntheticDir = syntheticContent(registers);
  const typical = await renderSample(syntheticDir, 50);
  const exportAll = runExport(path.join(ROOT, 'content'));
  const synthetic = runExport(syntheticDir);
  return {
    notices: ids.length * LANGS.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    typical,
    exportAll,
    synthetic: { registers, ...synthetic },
  };
}

/** Renders the first `count` synthetic registers in three languages, warm, and times each render. */
async function renderSample(contentDir: string, count: number): Promise<{ notices: number; p50: number; p99: number }> {
  const content = await loadContent(contentDir);
  const templates = { rights: await readTemplate('notice/rights', 'fi'), complaint: await readTemplate('notice/complaint', 'fi') };
  const times: number[] = [];
  const entries = [...content.registers.values()].slice(0, count);
  for (const [index, { register }] of entries.entries()) {
    for (const lang of LANGS) {
      const view = buildNoticeView({ register, organisations: content.organisations, lang, t: tFor(lang), templates, yourDataUrl: '/' });
      const started = performance.now();
      await renderPdf({ view } as Notice, lang, { origin: 'https://seloste.example.com' });
      if (index >= 2) times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return { notices: times.length, p50: percentile(times, 50), p99: percentile(times, 99) };
}
