import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, seloste } from '../../support/cli.ts';

describe('the seloste command', () => {
  it('is the package’s bin, a script that runs on the project’s Node', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const script = readFileSync(path.join(ROOT, pkg.bin.seloste!), 'utf8');
    expect(script.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints its usage in the chosen language, and exits 2 on an unknown command', () => {
    expect(seloste(['help', '--lang', 'sv']).stdout).toContain('Användning: seloste');
    const unknown = seloste(['frobnicate', '--lang', 'en']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command “frobnicate”');
  });
});
