import { describe, expect, it } from 'vitest';
import type { DroppedText } from '../../../src/content/import/blocks.ts';
import { REFUSAL_CODES } from '../../../src/content/import/errors.ts';
import { LANGS } from '../../../src/domain/language.ts';
import { LOCALES } from '../../../src/i18n/index.ts';

const REASONS: DroppedText['reason'][] = ['header', 'footer', 'pageNumber', 'repeated', 'chrome', 'duplicate'];

describe('the import’s messages', () => {
  it.each(LANGS)('exist in %s for every refusal, every kind of dropped text and every difference between languages', (lang) => {
    const keys = [
      ...REFUSAL_CODES.map((code) => `import.refused.${code}`),
      ...REASONS.map((reason) => `import.report.reason.${reason}`),
      ...['onlyIn', 'count', 'value'].map((kind) => `import.report.difference.${kind}`),
      ...['placed', 'noField', 'unknown', 'empty'].map((kind) => `import.report.section.${kind}`),
    ];
    expect(keys.filter((key) => !(key in LOCALES[lang]))).toEqual([]);
  });
});
