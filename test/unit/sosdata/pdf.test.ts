import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../../../src/content/load.ts';
import type { Lang } from '../../../src/domain/language.ts';
import { QUESTION_NUMBERS } from '../../../src/domain/sosdata-form.ts';
import { questionApplies } from '../../../src/domain/sosdata-rules.ts';
import { MAIN_DELIVERY_LABELS, QUESTIONS, SOCIAL_SERVICE_NAMES } from '../../../src/domain/sosdata-texts.ts';
import { sosdataPdf } from '../../../src/services/sosdata-export.ts';
import { CONTENT } from '../../support/cli.ts';
import { expectValidTaggedPdf, readPdf, type ReadPdf } from '../../support/pdf.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'seloste-sosdata-pdf-'));
const flat = (text: string) => text.replace(/\s+/gu, ' ').replace(/– /gu, '–').trim();
/** The text as read, without the running header and footer that a page break puts in the middle of a long heading. */
const body = (text: string, header: string) =>
  flat(
    text
      .replaceAll(header, ' ')
      .replace(
        /Utskrift från tjänsten Seloste|Tulostettu Seloste-palvelusta|Printed from the Seloste service|Sida \d+ \/ \d+|Sivu \d+ \/ \d+|Page \d+ of \d+/gu,
        ' ',
      ),
  );
let content: LoadedContent;

async function pdfOf(id: string, lang: Lang): Promise<{ file: string; read: ReadPdf; text: string }> {
  const entry = content.sosdata.get(id)!;
  const bytes = await sosdataPdf(entry, lang, content.organisations.get(entry.notification.organisation));
  const file = path.join(dir, `${id}-${lang}.pdf`);
  writeFileSync(file, bytes);
  const read = await readPdf(bytes);
  const organisation = content.organisations.get(entry.notification.organisation)!.name;
  const header = `${organisation[lang] ?? organisation.fi} – ${read.title as string}`;
  return { file, read, text: body(read.text, header) };
}

let north: Awaited<ReturnType<typeof pdfOf>>;
let south: Awaited<ReturnType<typeof pdfOf>>;

beforeAll(async () => {
  content = await loadContent(CONTENT);
  [north, south] = await Promise.all([pdfOf('example-welfare-area-north', 'sv'), pdfOf('example-welfare-area-south', 'sv')]);
});

describe('the Swedish PDF of a notification', () => {
  it('carries the number and THL’s text of every question that applies to the answers given', () => {
    const { answers } = content.sosdata.get('example-welfare-area-north')!.notification;
    const applicable = QUESTION_NUMBERS.filter((question) => questionApplies(question, answers));
    expect(applicable).toHaveLength(32);
    for (const question of applicable) expect(north.text, `question ${question}`).toContain(flat(`${question}. ${QUESTIONS[question].sv}`));
    // The form's own words, as seed 003 prints them.
    expect(north.text).toContain(
      '17. Hur får Sosdata kommungruppens uppgifter om serviceuppgifternas klientperioder 1.1–31.3.2023? (Obligatorisk fråga)',
    );
    expect(north.text).toContain('30. Önskar ni separata diskussioner med THL om leveransen av uppgifter?');
    expect(north.text).toContain('Aktörer med separat leverans (inkl. Kanta-arkiverare som lämnar kompletterande uppgifter)');
    expect(north.text).toContain('När överförs ert klientdatasystem enligt er bedömning till en strukturerad arkivering?');
    expect(north.text).not.toContain('6. Annat klientdatasystem, vilket');
  });

  it('prints the answers with the form’s options, and every one of the 35 services', () => {
    expect(north.text).toContain(MAIN_DELIVERY_LABELS['kanta-and-separate'].sv);
    for (const service of Object.values(SOCIAL_SERVICE_NAMES)) expect(north.text).toContain(flat(service.sv));
    expect(north.text).toContain('Kajanalands välfärdsområde');
    expect(north.text).toContain('Hyrynsalmi');
    expect(north.text).toContain('Kvartal 2024/Q3');
  });

  it('leaves out questions 24–28 for a group without a separate delivery, and says why', () => {
    for (const question of [24, 25, 26, 27, 28] as const) expect(south.text).not.toContain(flat(`${question}. ${QUESTIONS[question].sv}`));
    expect(south.text).toContain('Frågorna 24–28 gäller bara aktörer med separat leverans');
    expect(south.text).toContain(flat(`23. ${QUESTIONS[23].sv}`));
  });

  it('is tagged, in Swedish, titled after THL’s form, with embedded fonts, and passes qpdf', () => {
    expect(north.read).toMatchObject({
      title: 'Anmälan om överföring av uppgifter till Socialvårdens uppföljningsregister Sosdata',
      language: 'sv-FI',
      pdfUaPart: '1',
      marked: true,
    });
    for (const role of ['H1', 'H2', 'H3', 'P', 'Table', 'TH', 'TD', 'L', 'LI']) expect(north.read.roles.get(role), role).toBeGreaterThan(0);
    expect(north.read.outline).toContain('V: Lämnande av uppgifter om socialservice');
    expectValidTaggedPdf(north.file);
  });
});

describe('the Finnish and English PDFs', () => {
  it('say that their question texts are Seloste’s translations', async () => {
    const fi = await pdfOf('helsinki-2022', 'fi');
    expect(fi.read.language).toBe('fi-FI');
    expect(fi.text).toContain('Selosteen käännöksiä');
    expect(fi.text).toContain(flat(`17. ${QUESTIONS[17].fi}`));
    expect(fi.text).toContain('ATJ (Sosiaalihuollon asiakastietojärjestelmä ATJ)');
    const en = await pdfOf('helsinki-2022', 'en');
    expect(en.read.language).toBe('en-GB');
    expect(en.text).toContain('Seloste’s translations');
    expect(en.text).toContain('Not answered');
  });
});
