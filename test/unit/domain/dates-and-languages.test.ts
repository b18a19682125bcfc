import { describe, expect, it } from 'vitest';
import { formatDate, isRealIsoDate } from '../../../src/domain/date.ts';
import { preferredLanguage } from '../../../src/domain/language.ts';
import { missingLanguages, pickLanguage, requiredLanguages } from '../../../src/domain/localized-text.ts';

describe('calendar dates', () => {
  it.each(['2019-02-28', '2024-02-29', '2000-02-29', '2026-12-31'])('accepts %s', (date) => expect(isRealIsoDate(date)).toBe(true));
  it.each(['2019-02-31', '2023-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-1-5', '5.1.2026', '2026-01-00'])(
    'refuses %s',
    (date) => expect(isRealIsoDate(date)).toBe(false),
  );
  it('writes 31.1.2026 in Finnish and Swedish, and 31 January 2026 in English', () => {
    expect(formatDate('2026-01-31', 'fi')).toBe('31.1.2026');
    expect(formatDate('2026-01-31', 'sv')).toBe('31.1.2026');
    expect(formatDate('2026-01-31', 'en')).toBe('31 January 2026');
  });
});

describe('choosing a language', () => {
  it('uses the reader’s language when the text has it', () => {
    expect(pickLanguage({ fi: 'Rekisteri', sv: 'Register' }, 'sv')).toEqual({ value: 'Register', lang: 'sv', isFallback: false });
  });
  it('falls back to Finnish, then Swedish, and says so', () => {
    expect(pickLanguage({ fi: 'Rekisteri', sv: 'Register' }, 'en')).toEqual({ value: 'Rekisteri', lang: 'fi', isFallback: true });
    expect(pickLanguage({ sv: 'Register' }, 'fi')).toEqual({ value: 'Register', lang: 'sv', isFallback: true });
    expect(pickLanguage({ en: 'Register' }, 'sv')).toEqual({ value: 'Register', lang: 'en', isFallback: true });
  });
  it('requires Finnish and Swedish of a bilingual body, plus what the register adds', () => {
    expect(requiredLanguages(['fi', 'sv'])).toEqual(['fi', 'sv']);
    expect(requiredLanguages(['fi'], ['en'])).toEqual(['fi', 'en']);
    expect(missingLanguages({ sv: 'Register' }, ['fi', 'sv'])).toEqual(['fi']);
  });
  it.each([
    ['sv-FI,sv;q=0.9,fi;q=0.8', 'sv'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9', 'fi'],
    ['de;q=0.9,sv;q=0.5,en;q=0.7', 'en'],
    ['fi;q=0,sv', 'sv'],
    ['', 'fi'],
  ])('sends Accept-Language "%s" to %s', (header, lang) => expect(preferredLanguage(header)).toBe(lang));
});
