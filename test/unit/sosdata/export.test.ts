import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { tFor } from '../../../src/i18n/index.ts';
import { buildSosdataView } from '../../../src/render/sosdata-view.ts';
import { checkContent } from '../../../src/services/check-content.ts';
import { sosdataCsv, sosdataJson } from '../../../src/services/sosdata-export.ts';
import { CONTENT, copyContent, seloste, setYamlField } from '../../support/cli.ts';

async function entry(id: string) {
  return (await loadContent(CONTENT)).sosdata.get(id)!;
}

describe('CSV export', () => {
  it('is UTF-8 with a byte-order mark, `;`-separated, one row per answer with THL’s question number', async () => {
    const north = await entry('example-welfare-area-north');
    const csv = sosdataCsv(buildSosdataView(north.notification, 'sv', tFor('sv')));
    expect(csv.startsWith('\uFEFFFråga;question_text;Del;part_code;Svar;Kod\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toContain(
      '17;"Hur får Sosdata kommungruppens uppgifter om serviceuppgifternas klientperioder 1.1–31.3.2023? (Obligatorisk fråga) (Uppgifter: Serviceuppgift, Kundrelationsperiodens början i serviceuppgiften, Kundrelationsperiodens slut i serviceuppgiften)";Barnskyddet;child-welfare;Som separat leverans;separate',
    );
    expect(lines.filter((line) => line.startsWith('28;'))).toHaveLength(35);
    expect(lines.find((line) => line.startsWith('3;'))).toBe('3;Kommunerna;;;Hyrynsalmi;105');
    expect(lines.find((line) => line.startsWith('19;'))).toBe('19;Eventuella tilläggsuppgifter;;;;');
  });
});

describe('JSON export', () => {
  it('lists the applicable questions with numbers, texts, answers and codes, and the problems', async () => {
    const helsinki = await entry('helsinki-2022');
    const json = JSON.parse(sosdataJson(helsinki, buildSosdataView(helsinki.notification, 'fi', tFor('fi')))) as {
      id: string;
      textSource: string;
      questions: { number: number; text: string; answered: boolean; answers: { value: string; code?: string }[] }[];
      problems: { question: number; key: string }[];
    };
    expect(json).toMatchObject({ id: 'helsinki-2022', textSource: 'seloste-translation' });
    expect(json.questions.map((question) => question.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 29, 30, 32, 33,
    ]);
    expect(json.questions.find((question) => question.number === 5)).toMatchObject({ answered: true, answers: [{ code: 'other' }] });
    expect(json.questions.find((question) => question.number === 17)).toMatchObject({ answered: false, answers: [] });
    expect(json.problems.filter((problem) => problem.question === 17)).toHaveLength(6);
    expect(json.problems).toContainEqual(expect.objectContaining({ question: 30, key: 'errors.sosdata.mandatory' }));
  });
});

describe('seloste sosdata export', () => {
  /** A database of its own for each run: the export reads the working copy there. */
  const database = () => ({ DATA_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'seloste-sosdata-db-')), 'data') });

  it('writes one file per notification in the format and language asked for', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'seloste-sosdata-'));
    const env = database();
    const result = seloste(['sosdata', 'export', '--format', 'csv', '--lang', 'sv', '--out', out, 'helsinki-2022'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(out, 'helsinki-2022-sv.csv'), 'utf8')).toContain('2;Välfärdsområde;;;Helsingfors stad;90');
    expect(seloste(['sosdata', 'export', '--format', 'json', '--out', out], env).status).toBe(0);
    expect(existsSync(path.join(out, 'example-welfare-area-south-fi.json'))).toBe(true);
  });

  it('refuses an unknown id, format or language', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'seloste-sosdata-'));
    expect(seloste(['sosdata', 'export', '--out', out, '--lang', 'en', 'no-such-group'], database())).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('There is no Sosdata notification “no-such-group”.'),
    });
    expect(seloste(['sosdata', 'export', '--format', 'docx', '--lang', 'en']).stderr).toContain('Unknown format “docx”');
    expect(seloste(['sosdata', 'export', '--lang', 'de']).status).toBe(2);
    expect(seloste(['sosdata', '--lang', 'en']).stderr).toContain('Usage: seloste sosdata export');
  });

  it('exports the working copy in the database: a file changed after the first start changes nothing', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'seloste-sosdata-'));
    const env = database();
    const dir = copyContent();
    expect(
      seloste(['sosdata', 'export', '--format', 'csv', '--lang', 'sv', '--content', dir, '--out', out, 'helsinki-2022'], env).status,
    ).toBe(0);
    setYamlField(path.join(dir, 'sosdata', 'helsinki-2022.yaml'), ['answers', 'groupName'], 'Ändrad i filen');
    expect(
      seloste(['sosdata', 'export', '--format', 'csv', '--lang', 'sv', '--content', dir, '--out', out, 'helsinki-2022'], env).status,
    ).toBe(0);
    expect(readFileSync(path.join(out, 'helsinki-2022-sv.csv'), 'utf8')).not.toContain('Ändrad i filen');
  });
});

describe('seloste check on Sosdata files', () => {
  it('reports Helsinki’s unanswered and mandatory questions, and the ATJ register without a disclosure to THL, as warnings', async () => {
    const report = await checkContent(CONTENT);
    const helsinki = report.issues.filter((issue) => issue.file === path.join('content', 'sosdata', 'helsinki-2022.yaml'));
    expect(helsinki.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(helsinki.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['sosdata.mandatoryTask', 'sosdata.mandatory', 'sosdata.unanswered', 'sosdata.registerWithoutThlDisclosure']),
    );
    expect(report.sosdata.find((notification) => notification.id === 'helsinki-2022')).toMatchObject({
      status: 'draft',
      canMarkReady: false,
    });
    const cli = seloste(['check', '--lang', 'en']);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('helsinki-2022 (draft): ✗ Ready');
  });

  it('makes the form’s rules errors once a notification is marked ready, naming the file and line', () => {
    const dir = copyContent();
    const file = path.join(dir, 'sosdata', 'helsinki-2022.yaml');
    setYamlField(file, ['status'], 'ready');
    const result = seloste(['check', '--content', dir, '--lang', 'en']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /sosdata\/helsinki-2022\.yaml:\d+: error: answers\.separateDiscussions: Question 30 is mandatory and unanswered\./u,
    );
  });

  it('refuses a wrong option, an unknown register and an unknown organisation with the file, line and field', () => {
    const dir = copyContent();
    const file = path.join(dir, 'sosdata', 'example-welfare-area-south.yaml');
    setYamlField(file, ['answers', 'clientPeriods', 'elderly'], 'kanta-only');
    const helsinki = path.join(dir, 'sosdata', 'helsinki-2022.yaml');
    setYamlField(helsinki, ['systemRegisters'], ['no-such-register']);
    writeFileSync(
      path.join(dir, 'sosdata', 'stray.yaml'),
      readFileSync(helsinki, 'utf8').replace('id: helsinki-2022', 'id: stray').replace('organisation: helsinki', 'organisation: nobody'),
    );
    const result = seloste(['check', '--content', dir, '--lang', 'en']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/example-welfare-area-south\.yaml:\d+: error: answers\.clientPeriods\.elderly: .*"kanta-only"/u);
    expect(result.stderr).toMatch(/helsinki-2022\.yaml:\d+: error: systemRegisters\[0\]: There is no register no-such-register/u);
    expect(result.stderr).toMatch(/stray\.yaml:\d+: error: organisation: /u);
  });
});
