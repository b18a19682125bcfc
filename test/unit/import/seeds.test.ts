import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../../src/content/import/import-documents.ts';
import { loadContent } from '../../../src/content/load.ts';
import { CONTENT } from '../../support/cli.ts';
import { lostSentences, sectionAccuracy } from '../../support/import-measure.ts';
import { SEED_FILES, seedsDir } from '../../support/seeds.ts';

const content = await loadContent(CONTENT);
const seed = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(seedsDir(), name))) });

const CASES = [
  { title: 'the ATJ pair (000 sv + 001 fi)', files: [SEED_FILES.atjSv, SEED_FILES.atjFi], organisation: 'helsinki', hand: 'helsinki-atj' },
  { title: 'the reception register (002 sv)', files: [SEED_FILES.reception], organisation: 'helsinki', hand: 'helsinki-reception-clients' },
  { title: 'Siuntio ProConsona (004 fi)', files: [SEED_FILES.proconsona], organisation: 'siuntio', hand: 'siuntio-proconsona' },
];

describe.each(CASES)('importing $title', ({ files, organisation, hand }) => {
  const result = importDocuments(files.map(seed), { organisation: content.organisations.get(organisation)! });
  const expected = content.registers.get(hand)!.register;

  it('recognises the format and the languages of the hand-modelled register', async () => {
    const { register, report } = await result;
    expect(register.format).toBe(expected.format);
    expect(register.status).toBe('draft');
    expect([...report.register.languages].sort()).toEqual(files.length === 2 ? ['fi', 'sv'] : [Object.keys(expected.title)[0]]);
  });

  it('puts at least 90% of the sections in the field the hand model uses', async () => {
    const { register } = await result;
    const accuracy = sectionAccuracy(expected, register);
    const misses = accuracy.sections.filter((section) => section.recall < 0.9);
    console.log(
      `${hand}: ${(accuracy.share * 100).toFixed(0)}% of ${accuracy.sections.length} sections in the right field${misses.length > 0 ? `; below 90%: ${misses.map((miss) => `${miss.field} ${(miss.recall * 100).toFixed(0)}%`).join(', ')}` : ''}`,
    );
    expect(accuracy.share).toBeGreaterThanOrEqual(0.9);
  });

  it('loses no text: every sentence of every source is in a field, in the unplaced part or in the report', async () => {
    const { register, report } = await result;
    const source = files
      .map((name) => seed(name))
      .map((file) => new TextDecoder().decode(file.bytes))
      .join('\n');
    const { sentences, lost } = lostSentences(source, register, report);
    console.log(
      `${hand}: ${sentences - lost.length} of ${sentences} sentences held, ${(report.unplaced.share * 100).toFixed(1)}% of the text unplaced`,
    );
    expect(lost).toEqual([]);
  });
});
