import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRegister } from '../../../src/domain/catalogue-rules.ts';
import { organisationSchema } from '../../../src/domain/organisation.ts';
import { registerSchema, type Register } from '../../../src/domain/register.ts';
import { loadContent } from '../../../src/content/load.ts';
import { legalRulesTable } from '../../../src/render/model-reference.ts';
import { CONTENT, copyContent, ROOT, seloste, setYamlField } from '../../support/cli.ts';

const content = await loadContent(CONTENT);
const library = content.registers.get('example-library-customers')!.register;
const errorsOf = (register: Register) =>
  checkRegister(registerSchema.parse(register), content.organisations).filter((finding) => finding.severity === 'error');

describe('publishing is refused only for what the law requires', () => {
  it('publishes a notice with no security or automated-decision section and no date updated, with warnings', () => {
    expect(library).toMatchObject({ status: 'published' });
    expect(library.security).toBeUndefined();
    expect(library.automatedDecisions).toBeUndefined();
    expect(library.updated).toBeUndefined();
    const findings = checkRegister(library, content.organisations);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        key: 'errors.recommended.missing',
        params: expect.objectContaining({ field: 'security' }),
      }),
    );
  });

  it('requires the data content and sources only when data comes from elsewhere (Art 14(1)(d), 14(2)(f))', () => {
    const { sources: _sources, ...elsewhere } = library;
    expect(errorsOf(elsewhere as Register).map((finding) => finding.key)).toEqual(['errors.minimum.dataContent', 'errors.minimum.sources']);
    expect(errorsOf(library)).toEqual([]);
  });

  it('counts a group’s own retention towards the retention section', () => {
    const { retention: _retention, ...withoutRetention } = library;
    expect(errorsOf(withoutRetention as Register).map((finding) => finding.key)).toEqual(['errors.minimum.retention']);
    const grouped = {
      ...withoutRetention,
      dataSubjectGroups: [{ name: { fi: 'asiakkaat', sv: 'kunder' }, retention: { fi: 'kolme vuotta', sv: 'tre år' } }],
    };
    expect(errorsOf(grouped as Register)).toEqual([]);
  });

  it('refuses a published notice without a purpose, naming the article and the field to add', () => {
    const { purposes: _purposes, ...withoutPurpose } = library;
    const [finding] = errorsOf(withoutPurpose as Register);
    expect(finding).toMatchObject({ key: 'errors.minimum.purpose', params: { article: 'GDPR Art 13(1)(c), 14(1)(c)' }, path: ['status'] });
  });

  it('takes a body with no Y-tunnus, and still checks one that is given', () => {
    const helsinki = content.organisations.get('helsinki')!;
    const { businessId: _id, ...foreign } = helsinki;
    expect(organisationSchema.safeParse(foreign).success).toBe(true);
    expect(organisationSchema.safeParse({ ...helsinki, businessId: '0201256-5' }).success).toBe(false);
  });

  it('warns about a registry office with no contact details instead of publishing an empty list', () => {
    const organisations = new Map(content.organisations);
    organisations.set('example-municipality', { ...organisations.get('example-municipality')!, registryOffice: {} });
    expect(checkRegister(library, organisations)).toContainEqual(
      expect.objectContaining({ severity: 'warning', key: 'errors.registryOffice.empty' }),
    );
  });

  it('is the rule table the README prints', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const cells = (markdown: string) =>
      markdown
        .trim()
        .split('\n')
        .map((line) => line.split('|').map((cell) => cell.trim().replace(/^-+$/u, '---')));
    const printed = /<!-- legal-minimums:start -->([\s\S]*?)<!-- legal-minimums:end -->/u.exec(readme)?.[1] ?? '';
    expect(cells(printed)).toEqual(cells(legalRulesTable()));
  });
});

describe('errors a DPO understands', () => {
  const LIBRARY = 'registers/example-library-customers.yaml';
  const check = (dir: string) =>
    JSON.parse(seloste(['check', '--content', dir, '--json', '--lang', 'en']).stdout) as {
      issues: {
        severity: string;
        code: string;
        line?: number;
        path: string;
        message: string;
        file: string;
        params: Record<string, unknown>;
      }[];
    };

  it('names the accepted form of a telephone number, at the number’s own line', () => {
    const dir = copyContent();
    const file = path.join(dir, LIBRARY);
    writeFileSync(file, readFileSync(file, 'utf8').replace('phone: (09) 1911', 'phone: "tel 1911 ext"'));
    const error = check(dir).issues.find((issue) => issue.code === 'phone.invalid')!;
    expect(error.message).toContain('write the number as 09 310 1691');
    expect(error.path).toBe('contactPersons[0].phone');
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[error.line! - 1]).toContain('phone: "tel 1911 ext"');
  });

  it('lists every field that lacks a required language, each at its own line', () => {
    const dir = copyContent();
    const file = path.join(dir, LIBRARY);
    setYamlField(file, ['purposes', 'description', 'sv'], undefined);
    setYamlField(file, ['retention', 'rules', 1, 'trigger', 'sv'], undefined);
    const missing = check(dir).issues.filter(
      (issue) => issue.code === 'language.missing' && issue.params.lang === 'sv' && issue.file.endsWith('example-library-customers.yaml'),
    );
    expect(missing.map((issue) => issue.path)).toEqual(['purposes.description', 'retention.rules[1].trigger']);
    expect(missing.every((issue) => issue.severity === 'error')).toBe(true);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[missing[0]!.line! - 1]).toContain('description:');
    expect(lines[missing[1]!.line! - 1]).toContain('trigger:');
    expect(missing[0]!.message).toContain('add a line sv: …');
  });
});
