import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/user.ts';
import { processingRecord, RECORD_COLUMNS, recordCsv, recordPdf } from '../../../src/services/processing-record.ts';
import { copyContent, seloste } from '../../support/cli.ts';

const previous = process.env.CONTENT_DIR;
let content: string;
beforeEach(() => {
  content = copyContent();
  process.env.CONTENT_DIR = content;
});
afterEach(() => {
  process.env.CONTENT_DIR = previous;
});

const dora: Actor = { username: 'dora.dpo', roles: { helsinki: ['dpo'] } };

describe('the Art 30 record of processing', () => {
  it('has one row per register of the organisation, with the points of Art 30(1)(a)–(g)', async () => {
    const rows = await processingRecord(dora, 'fi', 'helsinki');
    expect(rows.map((row) => row.register)).toEqual(['helsinki-atj', 'helsinki-reception-clients']);
    const [atj, reception] = rows;
    expect(atj!.a).toContain('Helsingin kaupunki');
    expect(atj!.a).toContain('Tietosuojavastaava: ');
    for (const column of ['b', 'c', 'd', 'f'] as const) expect(reception![column], column).toMatch(/\S/u);
    await expect(processingRecord(dora, 'fi', 'siuntio')).rejects.toMatchObject({ code: 'RECORD_FORBIDDEN' });
    expect((await processingRecord(dora, 'fi')).every((row) => row.register.startsWith('helsinki-'))).toBe(true);
  });

  it('opens in Finnish Excel as columns: UTF-8 with a byte-order mark, `;` between columns, one line per register', async () => {
    const csv = recordCsv(await processingRecord(dora, 'sv', 'helsinki'), 'sv');
    expect(csv.startsWith('\uFEFFId;Register;"30.1 a Personuppgiftsansvarig, gemensamt ansvariga')).toBe(true);
    const header = csv.slice(1).split('\r\n')[0]!;
    expect(header.split(';')).toHaveLength(RECORD_COLUMNS.length);
    expect(csv).toContain('\r\nhelsinki-atj;');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('is written by seloste record, for one organisation or all', () => {
    const result = seloste(['record', '--org', 'helsinki', '--lang', 'en'], { CONTENT_DIR: content });
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('\uFEFFId;Register;"30(1)(a) Controller, joint controllers')).toBe(true);
    expect(result.stdout).toMatch(/\r\nhelsinki-atj;[^]*\r\nhelsinki-reception-clients;/u);
    const unknown = seloste(['record', '--org', 'atlantis', '--lang', 'en'], { CONTENT_DIR: path.join(content) });
    expect(unknown.status).toBe(1);
  });
});

describe('the Art 30 record as a PDF', () => {
  const pdfText = (file: string, tool: string, ...args: string[]) =>
    execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });

  it('is tagged, in the reader’s language, with embedded fonts, a register per section under the points of Art 30(1)', async () => {
    const pdf = await recordPdf(await processingRecord(dora, 'fi', 'helsinki'), 'fi', 'helsinki');
    const file = path.join(content, 'record.pdf');
    writeFileSync(file, pdf);
    const info = pdfText(file, 'pdfinfo');
    expect(info).toMatch(/^Tagged:\s+yes$/mu);
    expect(info).toMatch(/^Title:\s+Seloste käsittelytoimista$/mu);
    expect(readFileSync(file).toString('latin1')).toContain('/Lang (fi-FI)');
    const fonts = pdfText(file, 'pdffonts').trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/TrueType.*\byes\s+yes\s+yes\b/u);
    const text = pdfText(file, 'pdftotext').replace(/\s+/gu, ' ');
    for (const point of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) expect(text).toContain(`30(1)(${point})`);
    expect(text).toContain('30(1)(b) Käsittelyn');
    expect(text).toContain('Sosiaalihuollon asiakastietojärjestelmä ATJ (helsinki-atj)');
    expect(text).toContain('Klientregister för mottagning');
    expect(text).toContain('Rekistereitä 2');
    // A recipient category's "- " line is a list item, not a literal hyphen.
    expect(text).toContain('• Banken');
  });

  it('is written by seloste record --format pdf, and an unknown format is refused', () => {
    const out = path.join(content, 'all.pdf');
    const result = seloste(['record', '--format', 'pdf', '--out', out, '--lang', 'sv'], { CONTENT_DIR: content });
    expect(result.status).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Register över behandling');
    expect(text).toContain('(helsinki-atj)');
    expect(text).toContain('Alla organisationer');
    expect(seloste(['record', '--format', 'xls'], { CONTENT_DIR: content }).status).toBe(2);
  });
});
