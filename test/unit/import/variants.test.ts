// However a description is laid out, an import loses no text and gives a valid draft: the seeds rewritten in
// other layouts (without blank lines, with markdown headings, with other bullets, in capitals, reordered), and
// text that is no description at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../../src/content/import/import-documents.ts';
import { loadContent } from '../../../src/content/load.ts';
import { registerSchema } from '../../../src/domain/register.ts';
import { CONTENT } from '../../support/cli.ts';
import { lostSentences, sectionAccuracy } from '../../support/import-measure.ts';
import { SEED_FILES, seedsDir } from '../../support/seeds.ts';

const content = await loadContent(CONTENT);
const organisation = content.organisations.get('helsinki')!;
const read = (name: string) => readFileSync(path.join(seedsDir(), name), 'utf8');
const seeds = [SEED_FILES.atjFi, SEED_FILES.atjSv, SEED_FILES.reception, SEED_FILES.proconsona].map(read);

/** Paragraphs as the source separates them, to be reordered. */
const paragraphs = (text: string) => text.split(/\n\s*\n/u).filter((part) => part.trim().length > 0);

const VARIANTS: Record<string, (text: string) => string> = {
  'without blank lines': (text) => text.replace(/\n\s*\n/gu, '\n'),
  'with every line a paragraph': (text) => text.replace(/\n/gu, '\n\n'),
  'with other bullets': (text) => text.replace(/^(\s*)[-–]\s/gmu, '$1• '),
  'in capitals': (text) => text.toLocaleUpperCase('fi'),
  'with markdown headings on short lines': (text) =>
    text.replace(/^([\p{Lu}][^\n.]{3,60})$/gmu, (line) => (/[.:]$/u.test(line) ? line : `## ${line}`)),
  reordered: (text) => paragraphs(text).reverse().join('\n\n'),
};

describe.each(Object.entries(VARIANTS))('the seeds %s', (_, rewrite) => {
  it.each(seeds.map((seed, index) => [index, seed] as const))('seed %i: a valid draft, no text lost', async (_index, seed) => {
    const source = rewrite(seed);
    const { register, report } = await importDocuments([{ name: 'seloste.txt', bytes: new TextEncoder().encode(source) }], {
      organisation,
      isolate: false,
    });
    expect(registerSchema.safeParse(register).success).toBe(true);
    expect(register.status).toBe('draft');
    expect(lostSentences(source, register, report).lost).toEqual([]);
  });
});

describe('text that is no description', () => {
  it('THL’s Sosdata form (seed 003) is kept whole, unplaced, with a title from its first line', async () => {
    const source = readFileSync(path.join(seedsDir(), SEED_FILES.sosdata), 'utf8');
    const { register, report } = await importDocuments([{ name: 'sosdata.txt', bytes: new TextEncoder().encode(source) }], {
      organisation,
      isolate: false,
    });
    expect(report.unplaced.share).toBeGreaterThan(0.9);
    expect(lostSentences(source, register, report).lost).toEqual([]);
  });

  it('random words and symbols give a valid draft with everything unplaced', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const alphabet = 'aäoöeiuyåAÄOÖEIUYÅ bcdfghjklmnprstvBCDKLMNPRST,.:;?!()-–•/\n\t§0123456789';
    const source = Array.from({ length: 6000 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const { register, report } = await importDocuments([{ name: 'kohinaa.txt', bytes: new TextEncoder().encode(source) }], {
      organisation,
      isolate: false,
    });
    expect(registerSchema.safeParse(register).success).toBe(true);
    expect(lostSentences(source, register, report).lost).toEqual([]);
  });
});

describe.each(['without blank lines', 'with every line a paragraph', 'with other bullets', 'in capitals'])('the seeds %s', (variant) => {
  const CASES = [
    { files: [SEED_FILES.atjFi, SEED_FILES.atjSv], organisation: 'helsinki', hand: 'helsinki-atj' },
    { files: [SEED_FILES.reception], organisation: 'helsinki', hand: 'helsinki-reception-clients' },
    { files: [SEED_FILES.proconsona], organisation: 'siuntio', hand: 'siuntio-proconsona' },
  ];
  it.each(CASES)('$hand: still at least 90% of the sections in the hand-modelled field', async ({ files, organisation: id, hand }) => {
    const rewrite = VARIANTS[variant]!;
    const { register } = await importDocuments(
      files.map((name) => ({ name, bytes: new TextEncoder().encode(rewrite(read(name))) })),
      { organisation: content.organisations.get(id)!, isolate: false },
    );
    expect(sectionAccuracy(content.registers.get(hand)!.register, register).share).toBeGreaterThanOrEqual(0.9);
  });
});
