import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { exportXliff, importXliff } from '../../../src/services/xliff.ts';
import { copyContent, seloste } from '../../support/cli.ts';

const LIBRARY = 'registers/example-library-customers.yaml';

describe('the translation round trip', () => {
  it('exports the texts a register lacks in a language as XLIFF 2.0, with the source text and the field path', async () => {
    const dir = copyContent();
    const result = await exportXliff(dir, 'en', 'fi', ['example-library-customers']);
    expect(result.xml).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fi-FI" trgLang="en-GB">');
    expect(result.xml).toContain('<file id="example-library-customers">');
    expect(result.xml).toContain('<unit id="title">');
    expect(result.xml).toContain('<source>Kirjaston asiakasrekisteri (esimerkki)</source>');
    expect(result.registers).toEqual(['example-library-customers']);
    expect(result.units).toBeGreaterThan(20);
  });

  it('imports the translated file back, keeping comments, and reports what was filled, changed and unknown', async () => {
    const dir = copyContent();
    const file = path.join(dir, LIBRARY);
    const { xml } = await exportXliff(dir, 'en', 'fi', ['example-library-customers']);
    const translated = xml
      .replace(
        '<source>Kirjaston asiakasrekisteri (esimerkki)</source>',
        '<source>Kirjaston asiakasrekisteri (esimerkki)</source><target>Library customer register (example)</target>',
      )
      .replace('</file>', '<unit id="no.such.field"><segment><source>x</source><target>y</target></segment></unit></file>');
    const report = await importXliff(dir, translated);
    expect(report).toMatchObject({
      lang: 'en',
      filled: ['example-library-customers: title'],
      changed: [],
      unknown: ['example-library-customers: no.such.field'],
    });
    const text = readFileSync(file, 'utf8');
    expect(parseDocument(text).getIn(['title', 'en'])).toBe('Library customer register (example)');
    expect(text).toContain('# FICTIONAL EXAMPLE.');
    expect(text).toContain('# Recipients named alone are whole disclosures');

    const again = await importXliff(
      dir,
      translated.replace('Library customer register (example)</target>', 'Customer register of the library (example)</target>'),
    );
    expect(again.changed).toEqual(['example-library-customers: title']);
  });

  it('runs as seloste xliff export and import, with a report', () => {
    const dir = copyContent();
    const out = path.join(dir, 'sv.xlf');
    const exported = seloste([
      'xliff',
      'export',
      '--to',
      'en',
      '--from',
      'sv',
      '--out',
      out,
      '--content',
      dir,
      '--lang',
      'en',
      'example-library-customers',
    ]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/Wrote .*sv\.xlf: \d+ texts to translate from 1 registers\./u);
    writeFileSync(
      out,
      readFileSync(out, 'utf8').replace(
        '<source>Bibliotekets kundregister (exempel)</source>',
        '<source>Bibliotekets kundregister (exempel)</source><target>Library customers (example)</target>',
      ),
    );
    const imported = seloste(['xliff', 'import', out, '--content', dir, '--lang', 'en']);
    expect(imported.stdout).toContain('filled: example-library-customers: title');
    expect(imported.stdout).toMatch(/Filled 1, changed 0, unchanged 0, unknown 0\./u);
    expect(imported.status).toBe(0);
  });
});
