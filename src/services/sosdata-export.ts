import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadContent } from '../content/load.ts';
import type { SosdataEntry } from '../content/sosdata.ts';
import { readJsonTemplate } from '../content/templates.ts';
import { formatDate } from '../domain/date.ts';
import { LANGS, type Lang } from '../domain/language.ts';
import { pickLanguage, type Localized } from '../domain/localized-text.ts';
import type { Organisation } from '../domain/organisation.ts';
import { notificationProblems } from '../domain/sosdata-rules.ts';
import { TEXT_SOURCES } from '../domain/sosdata-texts.ts';
import { tFor } from '../i18n/index.ts';
import { csvDocument } from '../render/csv.ts';
import { pdfLabelsSchema, pdfLayoutSchema } from '../render/pdf/pdf-templates.ts';
import { renderSosdataPdf } from '../render/pdf/sosdata-pdf.ts';
import { buildSosdataView, type SosdataView } from '../render/sosdata-view.ts';
import type { Store } from '../store/index.ts';
import { sourceDateEpoch } from './notice-pdf.ts';
import { seedSosdataFrom } from './sosdata-seed.ts';

export const SOSDATA_FORMATS = ['pdf', 'csv', 'json'] as const;
export type SosdataFormat = (typeof SOSDATA_FORMATS)[number];

/** The answers as CSV, one row per answer, with THL's question numbers (UTF-8 with BOM, `;` as spreadsheets in Finland expect). */
export function sosdataCsv(view: SosdataView): string {
  const t = tFor(view.lang);
  const rows = view.sections.flatMap((section) =>
    section.questions.flatMap((question) =>
      question.rows.map((row) => [
        String(question.number),
        question.text,
        row.part,
        row.partCode,
        question.answered ? row.value : '',
        row.code,
      ]),
    ),
  );
  return csvDocument(
    [[t('sosdata.question'), 'question_text', t('sosdata.part'), 'part_code', t('sosdata.answer'), t('sosdata.code')], ...rows],
    ';',
  );
}

/** The notification as JSON: its metadata, every applicable question with its number, text and answers, and the problems. */
export function sosdataJson(entry: Pick<SosdataEntry, 'notification'>, view: SosdataView): string {
  const { notification } = entry;
  return `${JSON.stringify(
    {
      id: notification.id,
      organisation: notification.organisation,
      status: notification.status,
      round: notification.round,
      sent: notification.sent,
      language: view.lang,
      textSource: TEXT_SOURCES[view.lang],
      questions: view.sections.flatMap((section) =>
        section.questions.map((question) => ({
          number: question.number,
          section: section.numeral,
          text: question.text,
          answered: question.answered,
          answers: question.answered ? question.rows : [],
        })),
      ),
      problems: notificationProblems(notification),
    },
    null,
    2,
  )}\n`;
}

/** The notification as a tagged PDF in `lang`, numbered as THL's form. */
export async function sosdataPdf(
  entry: Pick<SosdataEntry, 'notification'>,
  lang: Lang,
  organisation: Organisation | undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  const t = tFor(lang);
  const { notification } = entry;
  const view = buildSosdataView(notification, lang, t);
  const [layout, labels] = await Promise.all([
    readJsonTemplate('pdf/layout', pdfLayoutSchema),
    readJsonTemplate(`pdf/${lang}`, pdfLabelsSchema),
  ]);
  const organisationName: Localized = organisation
    ? pickLanguage(organisation.name, lang)
    : { value: notification.organisation, lang, isFallback: false };
  const date = (iso: string) => formatDate(iso, lang);
  const facts = [
    { label: t('sosdata.area'), value: view.areaName ?? t('sosdata.unanswered') },
    { label: t('sosdata.group'), value: view.groupName ?? t('sosdata.unanswered') },
    { label: t('sosdata.period'), value: `${date(notification.round.periodStart)}–${date(notification.round.periodEnd)}` },
    { label: t('sosdata.deadline'), value: date(notification.round.deadline) },
    { label: t('sosdata.status'), value: t(`sosdata.status.${notification.status}`) },
  ];
  return renderSosdataPdf(
    view,
    { organisation: organisationName, facts, t },
    {
      layout,
      labels,
      languageNames: Object.fromEntries(LANGS.map((code) => [code, t(`lang.${code}`)])) as Record<Lang, string>,
      formatDate: date,
      creationDate: sourceDateEpoch(),
    },
  );
}

/** One notification in one format and language, as the bytes of a file. */
export async function exportSosdata(
  entry: Pick<SosdataEntry, 'notification'>,
  format: SosdataFormat,
  lang: Lang,
  organisation: Organisation | undefined,
): Promise<Uint8Array | string> {
  if (format === 'pdf') return sosdataPdf(entry, lang, organisation);
  const view = buildSosdataView(entry.notification, lang, tFor(lang));
  return format === 'csv' ? sosdataCsv(view) : sosdataJson(entry, view);
}

/**
 * `seloste sosdata export`: writes <id>-<lang>.<format> for every stored notification (or the ids given) into
 * `outDir`. It exports the working copy in the database, after storing any notification of the content directory
 * not stored yet, so it gives what staff saved in the browser.
 */
export async function exportSosdataFiles(
  store: Store,
  options: {
    contentDir: string;
    ids: string[];
    format: SosdataFormat;
    lang: Lang;
    outDir: string;
  },
): Promise<{ written: string[]; unknownIds: string[] }> {
  const content = await loadContent(options.contentDir);
  await seedSosdataFrom(
    store,
    [...content.sosdata.values()].map((entry) => entry.notification),
  );
  const stored = new Map((await store.sosdata.list({ every: true })).map((record) => [record.notification.id, record]));
  const unknownIds = options.ids.filter((id) => !stored.has(id));
  const entries = options.ids.length > 0 ? options.ids.flatMap((id) => stored.get(id) ?? []) : [...stored.values()];
  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  for (const entry of entries) {
    const file = path.join(options.outDir, `${entry.notification.id}-${options.lang}.${options.format}`);
    await writeFile(
      file,
      await exportSosdata(entry, options.format, options.lang, content.organisations.get(entry.notification.organisation)),
    );
    written.push(file);
  }
  return { written, unknownIds };
}
