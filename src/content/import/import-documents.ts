import { LANGS, type Lang } from '../../domain/language.ts';
import type { Organisation } from '../../domain/organisation.ts';
import type { Register, RegisterFormat } from '../../domain/register.ts';
import { ID_PATTERN } from '../../domain/contact.ts';
import { pickLanguage } from '../../domain/localized-text.ts';
import { detectFormat } from './detect.ts';
import { ImportRefusal } from './errors.ts';
import { DEFAULT_LIMITS, type ImportLimits, type SourceFile } from './extract.ts';
import { finalize } from './finalize.ts';
import { readIsolated } from './isolate.ts';
import { mergeDrafts } from './merge.ts';
import { placeDocument, type RecognizedDocument } from './recognize.ts';
import { buildReport, type ImportReport } from './report.ts';

export interface ImportOptions {
  /** The organisation that keeps the register (content/organisations/<id>.yaml). */
  organisation: Organisation;
  /** The register's id; made from the organisation and the title when not given. */
  id?: string;
  /** The language of each file, in the order of the files; detected when not given. */
  langs?: Lang[];
  /** The format; detected from the sections found when not given. */
  format?: RegisterFormat;
  limits?: Partial<ImportLimits>;
  /** Read each file in a worker thread with a time limit (the default); false reads in this thread. */
  isolate?: boolean;
}

/** A description in at most three files: one per language. */
export const MAX_FILES = LANGS.length;

/**
 * Turns existing descriptions into one draft register: each file is read (in a worker, within the limits), split
 * into sections by its headings, and placed field by field; the files of one description in different languages
 * are merged into one register with both texts. Nothing is written here; the result is a valid draft and a report.
 */
export async function importDocuments(
  files: readonly SourceFile[],
  options: ImportOptions,
): Promise<{ register: Register; report: ImportReport }> {
  if (files.length === 0) throw new ImportRefusal('noFiles');
  if (files.length > MAX_FILES) throw new ImportRefusal('tooManyFiles', { max: MAX_FILES });
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const documents: RecognizedDocument[] = [];
  for (const [index, file] of files.entries())
    documents.push(await readIsolated(file, limits, options.langs?.[index], options.isolate ?? true));
  for (const [index, document] of documents.entries()) {
    const twin = documents.findIndex((other) => other.lang === document.lang);
    if (twin !== index) throw new ImportRefusal('sameLanguage', { file: document.file, other: documents[twin]!.file, lang: document.lang });
  }
  documents.sort((a, b) => LANGS.indexOf(a.lang) - LANGS.indexOf(b.lang));

  const kinds = new Set(documents.flatMap((document) => document.sections.flatMap((section) => section.kind ?? [])));
  const titles = documents.flatMap((document) =>
    document.sections.filter((section) => section.kind === 'documentTitle').map((section) => section.heading ?? ''),
  );
  const format = options.format ?? detectFormat(kinds, titles);
  const placed = documents.map((document) => placeDocument(document, format, options.organisation));
  const drafts = placed.map(({ draft }) => draft);
  const merged = mergeDrafts(drafts);
  const finalized = finalize(merged, drafts, { id: options.id ?? 'import', organisation: options.organisation, format });
  const register = options.id ? finalized.register : { ...finalized.register, id: registerId(options.organisation.id, finalized.register) };
  const report = buildReport(
    register,
    documents,
    placed.flatMap(({ outcomes }) => outcomes),
    finalized,
    {
      formatDetected: options.format === undefined,
      conversions: drafts.flatMap((draft) => draft.conversions),
      disagreements: merged.disagreements,
    },
  );
  return { register, report };
}

/** An id from the organisation and the title: "siuntio-sosiaalityo-proconsona-logica", at most 60 characters. */
function registerId(organisation: string, register: Register): string {
  const title = pickLanguage(register.title, 'fi').value;
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  const full = slug.startsWith(`${organisation}-`) || slug === organisation ? slug : `${organisation}-${slug}`;
  const cut = full.length <= 60 ? full : full.slice(0, 60).replace(/-[^-]*$/u, '');
  return ID_PATTERN.test(cut) ? cut : organisation;
}
