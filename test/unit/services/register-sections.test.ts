import { describe, expect, it } from 'vitest';
import type { Register } from '../../../src/domain/register.ts';
import { sectionStarts } from '../../../src/services/register-sections.ts';

const draft: Register = {
  id: 'helsinki-library-events',
  format: 'gdpr-notice',
  status: 'draft',
  organisation: 'helsinki',
  version: 1,
  title: { fi: 'Kirjaston tapahtumien ilmoittautujat', sv: 'Anmälda till bibliotekets evenemang' },
};

describe('the texts that start a missing section', () => {
  it('offers, for a new register, a text of each section the law requires that a text alone can start', () => {
    const labels = sectionStarts(draft, ['fi', 'sv']).map((field) => field.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'purposes.description',
        'legalBasis.description',
        'dataContent.description',
        'sources.description',
        'retention.description',
      ]),
    );
    // A part that needs more than a text (whether data leaves the EEA) is not started by one.
    expect(labels.some((label) => label.startsWith('transfers.'))).toBe(false);
    expect(sectionStarts(draft, ['fi', 'sv']).every((field) => field.missing.join() === 'fi,sv')).toBe(true);
  });

  it('offers nothing for a section the register has, nor for fields its format does not show', () => {
    const labels = sectionStarts({ ...draft, purposes: { items: [{ fi: 'Tapahtumiin ilmoittautuminen' }] } }, ['fi']).map(
      (field) => field.label,
    );
    expect(labels).not.toContain('purposes.description');
    expect(labels.some((label) => label.startsWith('record.'))).toBe(false);
  });
});
