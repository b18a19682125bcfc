import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.ts';

/**
 * The directory of the five seed documents (shared/seeds beside the checkout, as the workspace lays it out).
 * The seeds are real public documents kept outside the repository; the import tests read them from there.
 */
export function seedsDir(): string {
  for (let dir = ROOT; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared', 'seeds');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`No shared/seeds directory above ${ROOT}: the import tests read the seed documents from there.`);
}

export const SEED_FILES = {
  atjSv: '000_f4c9c5413ad06540.txt',
  atjFi: '001_7830a8917d8add86.txt',
  reception: '002_74ca8906554e7c94.txt',
  sosdata: '003_538b60d9c951d1e2.txt',
  proconsona: '004_6aa86d988e200197.txt',
} as const;
