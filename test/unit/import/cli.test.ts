import { existsSync, mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyContent, seloste } from '../../support/cli.ts';
import { SEED_FILES, seedsDir } from '../../support/seeds.ts';

const seed = (name: string) => path.join(seedsDir(), name);

/** A description with a section the model has no field for (the DPO), so that the draft keeps unplaced text. */
const WITH_DPO = `Tietosuojaseloste

1. Rekisterin nimi
Nuorisotilan jäsenrekisteri

2. Tietosuojavastaava
Esimerkkilän tietosuojavastaava, tietosuoja@example.com

3. Käsittelyn tarkoitus
Jäsenyyksien hallinta.
`;

describe('seloste import', { timeout: 90_000 }, () => {
  it('writes the ATJ pair as one bilingual draft, which seloste check accepts', () => {
    const dir = copyContent();
    const result = seloste(
      [
        'import',
        seed(SEED_FILES.atjFi),
        seed(SEED_FILES.atjSv),
        '--org',
        'helsinki',
        '--id',
        'atj-import',
        '--content',
        dir,
        '--lang',
        'fi,sv',
      ],
      { SELOSTE_LANG: 'en' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('The draft was written to content/registers/atj-import.yaml');
    expect(result.stdout).toContain('“Tietojärjestelmän nimi” → informationSystem.name');
    expect(result.stdout).toContain('“Datasystemets namn” → informationSystem.name');
    const file = readFileSync(path.join(dir, 'registers', 'atj-import.yaml'), 'utf8');
    expect(file.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/register.schema.json');
    const register = parse(file) as Record<string, unknown>;
    expect(register).toMatchObject({
      id: 'atj-import',
      status: 'draft',
      format: 'information-system',
      title: { fi: 'Sosiaalihuollon asiakastietojärjestelmä ATJ', sv: 'Socialvårdens klientdatasystem ATJ' },
    });
    const check = seloste(['check', '--content', dir, '--json']);
    const report = JSON.parse(check.stdout) as { errors: number; registers: { id: string; complete: string[] }[] };
    expect(report.errors).toBe(0);
    expect(report.registers.find((entry) => entry.id === 'atj-import')?.complete).toEqual(['fi', 'sv']);
  });

  it('never overwrites a register: the same id again is refused and the file is unchanged', () => {
    const dir = copyContent();
    const before = readFileSync(path.join(dir, 'registers', 'siuntio-proconsona.yaml'), 'utf8');
    const result = seloste(['import', seed(SEED_FILES.proconsona), '--org', 'siuntio', '--id', 'siuntio-proconsona', '--content', dir], {
      SELOSTE_LANG: 'fi',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Rekisteri siuntio-proconsona on jo olemassa');
    expect(readFileSync(path.join(dir, 'registers', 'siuntio-proconsona.yaml'), 'utf8')).toBe(before);
  });

  it('keeps text it cannot place under unplaced, and seloste check warns until it is moved', () => {
    const dir = copyContent();
    const source = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-import-')), 'seloste.txt');
    writeFileSync(source, WITH_DPO);
    const result = seloste(['import', source, '--org', 'example-municipality', '--content', dir], { SELOSTE_LANG: 'sv' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('modellen har inget fält, texten blev oplacerad');
    // The share of unplaced text, with the Swedish decimal comma.
    expect(result.stdout).toMatch(/Oplacerat \(unplaced\): 1 del, \d+,\d % av texten/u);
    const written = readdirSync(path.join(dir, 'registers')).find((name) => name.includes('nuorisotilan'))!;
    const register = parse(readFileSync(path.join(dir, 'registers', written), 'utf8')) as { unplaced: unknown[] };
    expect(register.unplaced).toEqual([
      {
        text: 'Esimerkkilän tietosuojavastaava, tietosuoja@example.com',
        lang: 'fi',
        heading: '2. Tietosuojavastaava',
        source: 'seloste.txt, line 7',
      },
    ]);
    const check = JSON.parse(seloste(['check', '--content', dir, '--json', '--lang', 'en']).stdout) as {
      issues: { code: string; file: string; severity: string; message: string }[];
    };
    expect(check.issues).toContainEqual(
      expect.objectContaining({
        code: 'unplaced.pending',
        severity: 'warning',
        file: expect.stringContaining(written),
        message: expect.stringContaining('1 piece of imported text is not yet placed'),
      }),
    );
  });

  it('with --dry-run prints the draft and the report and writes nothing', () => {
    const dir = copyContent();
    const before = readdirSync(path.join(dir, 'registers'));
    const result = seloste(['import', seed(SEED_FILES.reception), '--org', 'helsinki', '--dry-run', '--content', dir], {
      SELOSTE_LANG: 'en',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('status: draft');
    expect(result.stdout).toContain('repeated page text ×2: “EU:s allmänna dataskyddsförordning (2016/679)”');
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(readdirSync(path.join(dir, 'registers'))).toEqual(before);
  });

  it('prints the draft and the report as JSON with --json', () => {
    const result = seloste(['import', seed(SEED_FILES.proconsona), '--org', 'siuntio', '--dry-run', '--json']);
    const output = JSON.parse(result.stdout) as {
      register: { format: string };
      report: { unplaced: { share: number }; sections: unknown[] };
    };
    expect(output.register.format).toBe('legacy');
    expect(output.report.unplaced.share).toBe(0);
    expect(output.report.sections.length).toBeGreaterThan(20);
  });

  it('refuses a file too large before reading it, and a missing file, in the user’s language', () => {
    const big = path.join(mkdtempSync(path.join(tmpdir(), 'seloste-import-')), 'iso.pdf');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024);
    expect(seloste(['import', big, '--org', 'helsinki'], { SELOSTE_LANG: 'fi' }).stderr).toContain(
      'iso.pdf on liian suuri: tiedosto saa olla enintään 10 Mt.',
    );
    expect(seloste(['import', 'puuttuu.pdf', '--org', 'helsinki'], { SELOSTE_LANG: 'sv' }).stderr).toContain(
      'Filen puuttuu.pdf hittas inte.',
    );
    expect(existsSync(path.join(path.dirname(big), 'registers'))).toBe(false);
  });

  it('refuses an unknown or missing organisation', () => {
    const noOrg = seloste(['import', seed(SEED_FILES.proconsona), '--org', 'nowhere'], { SELOSTE_LANG: 'en' });
    expect(noOrg).toMatchObject({ status: 1 });
    expect(noOrg.stderr).toContain('There is no organisation nowhere');
    expect(seloste(['import', seed(SEED_FILES.proconsona)], { SELOSTE_LANG: 'en' }).stderr).toContain('Give the organisation');
  });

  it('refuses languages that do not match the files, and an unknown format', () => {
    expect(
      seloste(['import', seed(SEED_FILES.proconsona), '--org', 'siuntio', '--lang', 'fi,sv'], { SELOSTE_LANG: 'en' }).stderr,
    ).toContain('for each of the 1 files');
    expect(
      seloste(['import', seed(SEED_FILES.proconsona), '--org', 'siuntio', '--format', 'memo'], { SELOSTE_LANG: 'en' }).stderr,
    ).toContain('The format memo is not valid');
  });
});
