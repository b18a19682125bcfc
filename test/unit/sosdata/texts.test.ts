import { describe, expect, it } from 'vitest';
import { choiceLabel, choiceOptions, partLabel } from '../../../src/domain/sosdata-texts.ts';

describe('the labels of the notification’s answers', () => {
  it('offers a single-choice answer’s options in THL’s order, in the reader’s language', () => {
    expect(choiceOptions('services', 'sv')).toEqual([
      { value: 'mainly', label: 'Huvudsakligen' },
      { value: 'possibly', label: 'Eventuellt' },
      { value: 'partly', label: 'Delvis' },
      { value: 'no', label: 'Nej' },
    ]);
    expect(choiceOptions('taskCoverage', 'fi').map((option) => option.label)).toEqual([
      'Kyllä',
      'Kyllä, lukuun ottamatta iäkkäiden kotihoitoa',
      'Ei, poikkeuksia ovat',
    ]);
  });

  it('names one chosen option, and the part of a question it answers', () => {
    expect(choiceLabel('clientPeriods', 'separate', 'en')).toBe('As a separate delivery');
    expect(choiceLabel('childWelfareRetroactive', 'since-2020', 'sv')).toMatch(/^Datumen kan i huvudsak anges om klientrelationen/u);
    expect(partLabel('clientPeriods', 'child-welfare', 'fi')).toBe('Lastensuojelu');
    expect(partLabel('services', 'home-help', 'sv')).toBe('Hemservice');
  });
});
