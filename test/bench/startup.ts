// CLI start-up: the wall time of `seloste deadline`, which must not load the PDF, content or store modules it never uses.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../support/cli.ts';

export interface StartupFigure {
  runs: number;
  median: number;
  min: number;
}

export function benchStartup(runs = 20): StartupFigure {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/seloste.ts'), 'deadline', '--received', '2026-01-31', '--json'], {
      cwd: ROOT,
    });
    if (result.status !== 0) throw new Error(`seloste deadline failed: ${result.stderr.toString()}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { runs, median: times[Math.floor(runs / 2)]!, min: times[0]! };
}
