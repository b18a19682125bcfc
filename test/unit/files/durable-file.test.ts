import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../../src/files/durable-file.ts';

describe('writeFileDurably', () => {
  it('replaces a file whole with the mode it is given, leaving no temporary file behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seloste-durable-'));
    const content = path.join(dir, 'library.yaml');
    const data = path.join(dir, 'manifest.json');
    writeFileSync(content, 'name: old\n');
    await writeFileDurably(content, 'name: Kirjaston asiakasrekisteri\n', 0o644);
    await writeFileDurably(data, '{"users":6}\n', 0o600);
    expect(readFileSync(content, 'utf8')).toBe('name: Kirjaston asiakasrekisteri\n');
    expect(statSync(content).mode & 0o777).toBe(0o644);
    expect(statSync(data).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['library.yaml', 'manifest.json']);
  });
});
