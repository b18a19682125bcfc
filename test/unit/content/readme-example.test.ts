import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/services/check-content.ts';
import { CONTENT, ROOT } from '../../support/cli.ts';

describe('the README’s authoring guide', () => {
  it('shows a complete register that passes seloste check with no error or warning', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n(# yaml-language-server: \$schema=\.\.\/schema\/register\.schema\.json\n[\s\S]*?)```/u.exec(readme)?.[1];
    expect(example).toBeDefined();
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-readme-')), 'content');
    mkdirSync(path.join(dir, 'registers'), { recursive: true });
    cpSync(path.join(CONTENT, 'organisations'), path.join(dir, 'organisations'), { recursive: true });
    const id = /^id: (.+)$/mu.exec(example!)![1]!;
    writeFileSync(path.join(dir, 'registers', `${id}.yaml`), example!);
    const report = await checkContent(dir);
    expect(report.issues).toEqual([]);
    expect(report.registers).toEqual([expect.objectContaining({ id, status: 'published', complete: ['fi', 'sv'] })]);
  });
});
