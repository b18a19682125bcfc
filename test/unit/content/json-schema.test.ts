import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../../src/services/json-schema.ts';
import { CONTENT } from '../../support/cli.ts';

describe('the JSON Schema for editors', () => {
  it.each(Object.entries(jsonSchemas()))('content/schema/%s is generated from the current model (run npm run schema)', (name, text) => {
    expect(readFileSync(path.join(CONTENT, 'schema', name), 'utf8')).toBe(text);
  });

  it.each([
    ['registers', 'register.schema.json'],
    ['organisations', 'organisation.schema.json'],
  ])('every file in content/%s points the editor at %s', (dir, schema) => {
    for (const name of readdirSync(path.join(CONTENT, dir))) {
      const firstLine = readFileSync(path.join(CONTENT, dir, name), 'utf8').split('\n')[0];
      expect(firstLine, name).toBe(`# yaml-language-server: $schema=../schema/${schema}`);
    }
  });

  it('describes the fields editors complete, with enums and the required ones', () => {
    const schema = JSON.parse(jsonSchemas()['register.schema.json']!) as {
      $defs: Record<string, { properties: Record<string, unknown>; required: string[] }>;
    };
    const register = schema.$defs.Register!;
    expect(register.required).toEqual(expect.arrayContaining(['id', 'format', 'status', 'organisation', 'version', 'title']));
    expect(register.properties.format).toMatchObject({ enum: ['gdpr-notice', 'information-system', 'legacy'] });
    expect(schema.$defs.LocalizedText).toBeDefined();
  });
});
