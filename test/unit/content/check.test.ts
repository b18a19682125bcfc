import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/services/check-content.ts';
import { CONTENT, copyContent, seloste, setYamlField } from '../../support/cli.ts';

const EXAMPLE = 'registers/example-youth-services.yaml';

interface JsonIssue {
  severity: string;
  code: string;
  file: string;
  line?: number;
  path: string;
  message: string;
}

/** Breaks a copy of the content, runs `seloste check --json` on it, and returns the exit code and the errors. */
function checkBroken(breakIt: (dir: string) => void, lang = 'en') {
  const dir = copyContent();
  breakIt(dir);
  const result = seloste(['check', '--content', dir, '--json', '--lang', lang]);
  const report = JSON.parse(result.stdout) as { issues: JsonIssue[] };
  return { status: result.status, errors: report.issues.filter((issue) => issue.severity === 'error') };
}

describe('seloste check on the repository’s content', () => {
  it('exits 0 and reports no errors', () => {
    const result = seloste(['check', '--lang', 'en']);
    expect(result.stderr).not.toMatch(/: error: /u);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('The content is valid.');
  });

  it('finds every seed register and knows which languages each is complete in', async () => {
    const report = await checkContent(CONTENT);
    const byId = Object.fromEntries(report.registers.map((register) => [register.id, register]));
    expect(byId['helsinki-atj']).toMatchObject({
      status: 'published',
      required: ['fi', 'sv'],
      complete: expect.arrayContaining(['fi', 'sv']),
    });
    expect(byId['helsinki-reception-clients']).toMatchObject({ status: 'draft', complete: ['sv'] });
    expect(byId['siuntio-proconsona']).toMatchObject({ status: 'draft', complete: ['fi'] });
    expect(byId['example-youth-services']).toMatchObject({ status: 'published', complete: ['fi', 'sv', 'en'] });
    expect(report.errors).toBe(0);
  });

  it('warns that the Swedish-only draft still lacks Finnish, naming the language', async () => {
    const report = await checkContent(CONTENT);
    const warning = report.issues.find(
      (issue) => issue.file.endsWith('helsinki-reception-clients.yaml') && issue.code === 'language.missing',
    );
    expect(warning).toMatchObject({ severity: 'warning', params: { lang: 'fi' } });
  });

  it('speaks Finnish, Swedish or English as asked', () => {
    expect(seloste(['check', '--lang', 'fi']).stdout).toContain('Sisältö on kunnossa.');
    expect(seloste(['check', '--lang', 'sv']).stdout).toContain('Innehållet är i ordning.');
    expect(seloste(['check'], { LANG: 'sv_FI.UTF-8' }).stdout).toContain('Innehållet är i ordning.');
  });
});

describe('seloste check refuses broken content with exit 1, naming the file and the field', () => {
  it('broken YAML syntax, with its line', () => {
    const { status, errors } = checkBroken((dir) => appendFileSync(path.join(dir, EXAMPLE), '\nbroken: [unclosed\n'));
    expect(status).toBe(1);
    expect(errors[0]).toMatchObject({ code: 'yaml.syntax', file: expect.stringContaining('example-youth-services.yaml') });
    expect(errors[0]!.line).toBeGreaterThan(1);
  });

  it('an unknown field', () => {
    const { status, errors } = checkBroken((dir) => setYamlField(path.join(dir, EXAMPLE), ['retention', 'keepForever'], true));
    expect(status).toBe(1);
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'unknownField',
        path: 'retention.keepForever',
        file: expect.stringContaining('example-youth-services.yaml'),
      }),
    );
  });

  it('621-1999 as a statute', () => {
    const { status, errors } = checkBroken((dir) => setYamlField(path.join(dir, EXAMPLE), ['legislation', 0, 'ref'], '621-1999'));
    expect(status).toBe(1);
    const error = errors.find((issue) => issue.code === 'statute.malformed');
    expect(error).toMatchObject({ path: 'legislation[0].ref', file: expect.stringContaining('example-youth-services.yaml') });
    expect(error!.message).toContain('"621-1999"');
    expect(error!.line).toBeGreaterThan(1);
  });

  it('an invalid Y-tunnus', () => {
    const { status, errors } = checkBroken((dir) =>
      setYamlField(path.join(dir, 'organisations/helsinki.yaml'), ['businessId'], '0201256-5'),
    );
    expect(status).toBe(1);
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'businessId.invalid', path: 'businessId', file: expect.stringContaining('helsinki.yaml') }),
    );
  });

  it('an unknown organisation id', () => {
    const { status, errors } = checkBroken((dir) => setYamlField(path.join(dir, EXAMPLE), ['organisation'], 'atlantis'));
    expect(status).toBe(1);
    const error = errors.find((issue) => issue.code === 'reference.unknownOrganisation');
    expect(error).toMatchObject({ path: 'organisation', file: expect.stringContaining('example-youth-services.yaml') });
    expect(error!.message).toContain('atlantis');
  });

  it('a duplicate id', () => {
    const { status, errors } = checkBroken((dir) => copyFileSync(path.join(dir, EXAMPLE), path.join(dir, 'registers/zz-copy.yaml')));
    expect(status).toBe(1);
    const error = errors.find((issue) => issue.code === 'id.duplicate');
    expect(error).toMatchObject({ path: 'id', file: expect.stringContaining('zz-copy.yaml') });
    expect(error!.message).toContain('example-youth-services.yaml');
  });

  it('an empty localized text', () => {
    const { status, errors } = checkBroken((dir) => setYamlField(path.join(dir, EXAMPLE), ['title', 'sv'], '  '));
    expect(status).toBe(1);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'text.empty', path: 'title.sv' }));
  });

  it('2019-02-31 as a date', () => {
    const { status, errors } = checkBroken((dir) => setYamlField(path.join(dir, EXAMPLE), ['published'], '2019-02-31'));
    expect(status).toBe(1);
    const error = errors.find((issue) => issue.code === 'date.invalid');
    expect(error).toMatchObject({ path: 'published', file: expect.stringContaining('example-youth-services.yaml') });
    expect(error!.message).toContain('2019-02-31');
  });

  it('a published register of a bilingual body that lacks Swedish', () => {
    const { status, errors } = checkBroken((dir) => {
      const file = path.join(dir, EXAMPLE);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s+)sv: .*$/gmu, '$1# (Swedish removed)'));
    });
    expect(status).toBe(1);
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'language.missing', file: expect.stringContaining('example-youth-services.yaml') }),
    );
  });

  it('a file not named after its id', () => {
    const { status, errors } = checkBroken((dir) => setYamlField(path.join(dir, EXAMPLE), ['id'], 'another-name'));
    expect(status).toBe(1);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'id.fileName', path: 'id' }));
  });

  it('joint controllers without a stated role', () => {
    const { status, errors } = checkBroken((dir) => {
      const file = path.join(dir, EXAMPLE);
      setYamlField(file, ['controllers', 1, 'role'], undefined);
    });
    expect(status).toBe(1);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'controller.jointRole', path: 'controllers[1].role' }));
  });

  it('gives the message in Finnish and Swedish too', () => {
    const fi = checkBroken((dir) => setYamlField(path.join(dir, EXAMPLE), ['published'], '2019-02-31'), 'fi');
    expect(fi.errors.find((issue) => issue.code === 'date.invalid')!.message).toContain('Päivämäärä "2019-02-31" ei ole olemassa');
    const sv = checkBroken((dir) => setYamlField(path.join(dir, EXAMPLE), ['published'], '2019-02-31'), 'sv');
    expect(sv.errors.find((issue) => issue.code === 'date.invalid')!.message).toContain('Datumet "2019-02-31" finns inte');
  });

  it('prints file:line: error: field: message without --json, and a summary', () => {
    const dir = copyContent();
    setYamlField(path.join(dir, EXAMPLE), ['legislation', 0, 'ref'], '621-1999');
    const result = seloste(['check', '--content', dir, '--lang', 'en']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /content\/registers\/example-youth-services\.yaml:\d+: error: legislation\[0\]\.ref: Malformed statute reference "621-1999"/u,
    );
    expect(result.stdout).toMatch(/\d+ registers, 1 refused files\. Languages complete: fi \d+, sv \d+, en \d+\./u);
    expect(result.stdout).toContain('The content has errors.');
  });

  it('refuses an unknown option instead of ignoring it', () => {
    const result = seloste(['check', '--contnet', 'x', '--lang', 'en']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid option');
  });
});
