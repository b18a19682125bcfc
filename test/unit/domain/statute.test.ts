import { describe, expect, it } from 'vitest';
import { formatStatute, parseStatute, statuteUrl } from '../../../src/domain/statute.ts';

describe('parsing statute references', () => {
  it.each([
    ['621/1999', { kind: 'fi', number: 621, year: 1999 }],
    ['621/1999 24 §', { kind: 'fi', number: 621, year: 1999, section: '24' }],
    ['621/1999 24 § 1 mom.', { kind: 'fi', number: 621, year: 1999, section: '24', subsection: 1 }],
    ['621/1999 24§ 1 mom', { kind: 'fi', number: 621, year: 1999, section: '24', subsection: 1 }],
    ['1558/1995 80 a §', { kind: 'fi', number: 1558, year: 1995, section: '80 a' }],
    ['1558/1995 80a §', { kind: 'fi', number: 1558, year: 1995, section: '80 a' }],
    ['CELEX:32016R0679', { kind: 'eu', celex: '32016R0679' }],
    ['32016R0679', { kind: 'eu', celex: '32016R0679' }],
    ['CELEX:32016R0679 art. 6(1)(e)', { kind: 'eu', celex: '32016R0679', article: '6(1)(e)' }],
    ['https://www.finlex.fi/fi/laki/ajantasa/1999/19990621', { kind: 'fi', number: 621, year: 1999 }],
    ['https://www.finlex.fi/fi/lainsaadanto/2018/1050', { kind: 'fi', number: 1050, year: 2018 }],
  ])('reads %s', (input, expected) => {
    expect(parseStatute(input)).toEqual(expected);
  });

  it.each(['621-1999', '621/99', '1999/621x', '24 §', '621/1999 §', 'CELEX:2016R0679', '0/1999', '621/2999', 'laki 621/1999', ''])(
    'refuses %s',
    (input) => {
      expect(parseStatute(input)).toBeUndefined();
    },
  );

  it('writes the canonical citation back', () => {
    expect(formatStatute(parseStatute('621/1999  24§ 1 mom')!)).toBe('621/1999 24 § 1 mom.');
    expect(formatStatute(parseStatute('32016r0679 article 15')!)).toBe('CELEX:32016R0679 art. 15');
  });
});

describe('links to the official text', () => {
  const openness = parseStatute('621/1999 24 §')!;

  it('links a Finnish reader to Finlex in Finnish and a Swedish reader to Finlex in Swedish', () => {
    expect(statuteUrl(openness, 'fi')).toBe('https://www.finlex.fi/fi/lainsaadanto/1999/621');
    expect(statuteUrl(openness, 'sv')).toBe('https://www.finlex.fi/sv/lagstiftning/1999/621');
  });

  it('links an English reader to the translation when Finlex has one, else to the Finnish text', () => {
    expect(statuteUrl(openness, 'en')).toBe('https://www.finlex.fi/en/legislation/translations/1999/eng/621');
    expect(statuteUrl(parseStatute('254/2015')!, 'en')).toBe('https://www.finlex.fi/fi/lainsaadanto/2015/254');
    expect(statuteUrl(parseStatute('254/2015')!, 'en', true)).toBe('https://www.finlex.fi/en/legislation/translations/2015/eng/254');
  });

  it('links EU acts to EUR-Lex in the reader’s language', () => {
    const gdpr = parseStatute('CELEX:32016R0679 art. 15')!;
    expect(statuteUrl(gdpr, 'fi')).toBe('https://eur-lex.europa.eu/legal-content/FI/TXT/?uri=CELEX:32016R0679');
    expect(statuteUrl(gdpr, 'sv')).toBe('https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:32016R0679');
    expect(statuteUrl(gdpr, 'en')).toBe('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679');
  });
});
