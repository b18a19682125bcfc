import { describe, expect, it } from 'vitest';
import { tFor } from '../../../src/i18n/index.ts';

describe('decimal numbers in messages', () => {
  it('are written with the decimal comma in Finnish and Swedish, and the point in English', () => {
    const contrast = { value: '"#0072c6"', ratio: 4.44, background: '#f2f2f2' };
    expect(tFor('fi')('errors.accent.contrast', contrast)).toContain('on vain 4,44:1;');
    expect(tFor('sv')('errors.accent.contrast', contrast)).toContain('har en kontrast på bara 4,44:1 mot');
    expect(tFor('en')('errors.accent.contrast', contrast)).toContain('has a contrast of only 4.44:1 against');
  });

  it('keep the digits the message asks for, rounding the rest', () => {
    expect(tFor('fi')('errors.accent.contrast', { value: '"#ffc61e"', ratio: 1.5, background: '#ffffff' })).toContain('on vain 1,50:1;');
    const unplaced = { count: 2, share: 12.345, characters: 40, total: 324 };
    expect(tFor('fi')('import.report.unplaced', unplaced)).toContain('2 osaa, 12,3 % tekstistä');
    expect(tFor('sv')('import.report.unplaced', unplaced)).toContain('2 delar, 12,3 % av texten');
    expect(tFor('en')('import.report.unplaced', unplaced)).toContain('2 pieces, 12.3 % of the text');
    const done = { count: 3, dir: '/tmp/pdf', seconds: 2.46 };
    expect(tFor('fi')('cli.pdf.done', done)).toBe('Kirjoitettiin 3 PDF-tiedostoa hakemistoon /tmp/pdf (2,5 s).');
    expect(tFor('sv')('cli.pdf.done', done)).toBe('Skrev 3 PDF-filer till /tmp/pdf (2,5 s).');
    expect(tFor('en')('cli.pdf.done', done)).toBe('Wrote 3 PDF files to /tmp/pdf (2.5 s).');
  });
});
