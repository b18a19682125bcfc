import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedFields, readmeReference } from '../../../src/services/readme-reference.ts';
import { ROOT } from '../../support/cli.ts';

describe('the README’s field-by-field reference', () => {
  it('documents every field of the register model from its doc comment, with where it shows', async () => {
    const fields = await documentedFields();
    const byPath = new Map(fields.map((field) => [field.path, field.doc]));
    expect(byPath.get('disclosures.items.recipient')).toBe(
      'The recipient or category of recipients; a recipient alone is a complete disclosure.',
    );
    expect(byPath.get('languageExceptions.until')).toBe('The date by which the translation will be published.');
    expect(fields.length).toBeGreaterThan(150);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(
      /\| `disclosures.items.recipient` +\| The recipient or category of recipients; a recipient alone is a complete disclosure\. +\| gdpr-notice: Regular disclosures;/u,
    );
  });

  it('is current: npx seloste readme would change nothing', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(await readmeReference(readme)).toBe(readme);
  });
});
