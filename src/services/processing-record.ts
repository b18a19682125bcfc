import type { Person } from '../domain/contact.ts';
import { can } from '../domain/access.ts';
import { pickLanguage, type LocalizedText } from '../domain/localized-text.ts';
import type { Organisation } from '../domain/organisation.ts';
import { controllersOf, type Register } from '../domain/register.ts';
import type { Actor } from '../domain/user.ts';
import { tFor } from '../i18n/index.ts';
import { readJsonTemplate } from '../content/templates.ts';
import { formatDate } from '../domain/date.ts';
import { LANG_TAGS, LANGS, type Lang } from '../domain/language.ts';
import { csvDocument } from '../render/csv.ts';
import type { NoticeView } from '../render/notice-view.ts';
import { renderNoticePdf } from '../render/pdf/notice-pdf.ts';
import { pdfLabelsSchema, pdfLayoutSchema } from '../render/pdf/pdf-templates.ts';
import { getCatalogue } from './catalogue.ts';
import { sourceDateEpoch } from './notice-pdf.ts';
import { registerFacts } from './register-reply.ts';

/** The columns of the record, one per point of GDPR Art 30(1), after the register's own id and name. */
export const RECORD_COLUMNS = ['register', 'title', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'notes'] as const;
export type RecordColumn = (typeof RECORD_COLUMNS)[number];
export type RecordRow = Record<RecordColumn, string>;

export class RecordForbiddenError extends Error {
  readonly code = 'RECORD_FORBIDDEN';
}

/**
 * The Art 30 record of processing: one row per register of the organisation (or of every organisation the actor may
 * read registers in), its columns the points of Art 30(1)(a)–(g), internal fields included. It is therefore for
 * staff only. Read from the working copies, so it is the record as the DPO keeps it today.
 */
export async function processingRecord(actor: Actor, lang: Lang, organisation?: string): Promise<RecordRow[]> {
  if (organisation !== undefined && !can(actor, 'registers.read', organisation)) throw new RecordForbiddenError(organisation);
  const catalogue = await getCatalogue();
  const t = tFor(lang);
  return [...catalogue.registers.values()]
    .map(({ register }) => register)
    .filter(
      (register) =>
        (organisation === undefined || register.organisation === organisation) && can(actor, 'registers.read', register.organisation),
    )
    .sort((a, b) => a.organisation.localeCompare(b.organisation) || a.id.localeCompare(b.id))
    .map((register) => recordRow(register, catalogue.organisations, lang, t));
}

function recordRow(
  register: Register,
  organisations: ReadonlyMap<string, Organisation>,
  lang: Lang,
  t: ReturnType<typeof tFor>,
): RecordRow {
  const text = (value: LocalizedText | undefined) => (value ? pickLanguage(value, lang).value : undefined);
  const join = (parts: (string | undefined)[], separator = '\n') =>
    parts.filter((part): part is string => Boolean(part?.trim())).join(separator);
  const person = (value: Person | undefined) =>
    value ? join([value.name, text(value.title), text(value.unit), value.email, value.phone], ', ') : undefined;
  const facts = registerFacts(register, lang, t);
  const controllers = controllersOf(register).map((controller) => {
    const organisation = organisations.get(controller.organisation);
    return join(
      [
        organisation ? text(organisation.name) : controller.organisation,
        text(controller.body),
        text(controller.role),
        controller.contact?.email ?? organisation?.registryOffice?.email,
        controller.contact?.phone ?? organisation?.registryOffice?.phone,
      ],
      ', ',
    );
  });
  const dpo = organisations.get(register.organisation)?.dpo;
  const transfers = register.transfers;
  return {
    register: register.id,
    title: text(register.title) ?? register.id,
    a: join([
      ...controllers.map((line, index) =>
        controllers.length > 1 ? `${t('workspace.record.jointController')} ${index + 1}: ${line}` : line,
      ),
      register.representative ? `${t('workspace.record.representative')}: ${person(register.representative)}` : undefined,
      dpo ? `${t('workspace.record.dpo')}: ${person(dpo)}` : undefined,
    ]),
    b: facts.purposes ?? '',
    c: join([
      ...(register.dataSubjectGroups ?? [])
        .map((group) => text(group.name))
        .map((name) => (name ? `${t('workspace.record.subjects')}: ${name}` : undefined)),
      facts.dataCategories,
    ]),
    d: join([facts.recipients, ...(register.record?.recipientCategories ?? []).map((category) => `- ${text(category)}`)]),
    e: transfers
      ? transfers.outsideEea
        ? join([
            text(transfers.description),
            ...(transfers.items ?? []).map(
              (item) => `- ${join([text(item.recipient), item.country, item.safeguard, text(item.description)], ', ')}`,
            ),
          ])
        : t('workspace.record.noTransfers')
      : '',
    f: facts.retention ?? '',
    g: join([
      text(register.security?.description),
      text(register.security?.manual),
      text(register.security?.electronic),
      text(register.record?.securityMeasures),
    ]),
    notes: text(register.record?.notes) ?? '',
  };
}

/** The record as CSV for Finnish spreadsheets: UTF-8 with a byte-order mark, `;` between columns, a header row. */
export function recordCsv(rows: readonly RecordRow[], lang: Lang): string {
  const t = tFor(lang);
  return csvDocument(
    [
      RECORD_COLUMNS.map((column) => t(`workspace.record.column.${column}`)),
      ...rows.map((row) => RECORD_COLUMNS.map((column) => row[column])),
    ],
    ';',
  );
}

/** The points of Art 30(1) and the internal notes, as the PDF lists them under each register. */
const PDF_POINTS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'notes'] as const satisfies readonly RecordColumn[];

/** Keeps a record value from being read as markdown emphasis, headings or links; its "- " lines stay list items. */
function plainMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>#|]/gu, (character) => `\\${character}`);
}

/**
 * The record as a tagged PDF (language, structure, bookmarks, embedded Noto Sans), laid out by the notice's PDF code:
 * one section per register, headed by its name and id, with a field per point of Art 30(1)(a)–(g) and the notes.
 * `organisation` names whose record it is; without it, the record of every organisation in `rows`.
 */
export async function recordPdf(rows: readonly RecordRow[], lang: Lang, organisation?: string): Promise<Uint8Array<ArrayBuffer>> {
  const t = tFor(lang);
  const [layout, labels, catalogue] = await Promise.all([
    readJsonTemplate('pdf/layout', pdfLayoutSchema),
    readJsonTemplate(`pdf/${lang}`, pdfLabelsSchema),
    getCatalogue(),
  ]);
  const plain = (value: string) => ({ value, lang, isFallback: false });
  const owner = organisation === undefined ? undefined : catalogue.organisations.get(organisation);
  const creationDate = sourceDateEpoch();
  const today = (creationDate ?? new Date()).toISOString().slice(0, 10);
  const view: NoticeView = {
    id: `art30-record${organisation ? `-${organisation}` : ''}`,
    lang,
    langTag: LANG_TAGS[lang],
    title: plain(t('workspace.record.pdfTitle')),
    formatName: t('workspace.record.pdfKind'),
    organisation: owner ? pickLanguage(owner.name, lang) : plain(organisation ?? t('workspace.record.allOrganisations')),
    example: false,
    version: 1,
    sections: rows.map((row) => ({
      key: row.register,
      heading: `${row.title} (${row.register})`,
      fallbackLangs: [],
      blocks: [
        {
          kind: 'fields',
          rows: PDF_POINTS.map((point) => ({
            label: t(`workspace.record.column.${point}`),
            value: plain(row[point].trim() ? plainMarkdown(row[point]) : t('workspace.record.none')),
          })),
        },
      ],
    })),
  };
  const date = (iso: string) => formatDate(iso, lang);
  return renderNoticePdf(view, {
    layout,
    labels,
    languageNames: Object.fromEntries(LANGS.map((code) => [code, t(`lang.${code}`)])) as Record<Lang, string>,
    facts: [
      { label: t('workspace.record.pdfDate'), value: date(today) },
      { label: t('workspace.record.pdfCount'), value: String(rows.length) },
    ],
    formatDate: date,
    creationDate,
  });
}

/** The forms the record is downloaded in, with their media types. */
const RECORD_TYPES = { csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;
export type RecordFormat = keyof typeof RECORD_TYPES;

/**
 * The record as a file to download, of one organisation or of all the actor's: its bytes, media type and file name.
 * Throws RecordForbiddenError when the actor may not read that organisation's registers.
 */
export async function recordDownload(
  actor: Actor,
  lang: Lang,
  organisation: string | undefined,
  format: RecordFormat,
): Promise<{ body: string | Uint8Array<ArrayBuffer>; type: string; filename: string }> {
  const rows = await processingRecord(actor, lang, organisation);
  return {
    body: format === 'csv' ? recordCsv(rows, lang) : await recordPdf(rows, lang, organisation),
    type: RECORD_TYPES[format],
    filename: `art30-record${organisation ? `-${organisation}` : ''}-${lang}.${format}`,
  };
}
