import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/user.ts';
import { processingRecord, RECORD_COLUMNS, recordCsv } from '../../../src/services/processing-record.ts';
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
