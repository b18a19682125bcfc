import path from 'node:path';
import { loadContent } from '../content/load.ts';
import { draftYaml, writeDraft } from '../content/import/draft-file.ts';
import { ImportRefusal } from '../content/import/errors.ts';
import { DEFAULT_LIMITS, type ImportLimits, type SourceFile } from '../content/import/extract.ts';
import { importDocuments } from '../content/import/import-documents.ts';
import type { ImportReport } from '../content/import/report.ts';
import { ID_PATTERN } from '../domain/contact.ts';
import type { Lang } from '../domain/language.ts';
import type { Register, RegisterFormat } from '../domain/register.ts';
import { todayInFinland } from '../domain/calendar.ts';

export { describeImport, describeRefusal } from '../content/import/report-text.ts';
export { ImportRefusal } from '../content/import/errors.ts';
export { DEFAULT_LIMITS as IMPORT_LIMITS };
export type { ImportReport, SourceFile };

export interface ImportRequest {
  files: SourceFile[];
  /** The organisation's id (content/organisations/<id>.yaml). */
  organisation: string;
  id?: string;
  /** The language of each file, in order; detected when not given. */
  langs?: Lang[];
  format?: RegisterFormat;
  /** Report only; write nothing. */
  dryRun?: boolean;
  contentDir: string;
  limits?: Partial<ImportLimits>;
}

export interface ImportOutcome {
  register: Register;
  report: ImportReport;
  /** The draft as it is (or would be) written. */
  yaml: string;
  /** The file written, relative to the content directory's parent; undefined on a dry run. */
  file?: string;
  /** Where the file would go. */
  target: string;
}

/**
 * The use case behind `seloste import` and the upload form: turns existing description files into one draft
 * register of the organisation and writes it as content/registers/<id>.yaml, never over an existing register and
 * never as anything but a draft. Throws ImportRefusal, with a code for the user's language, when it cannot.
 */
export async function importRegister(request: ImportRequest): Promise<ImportOutcome> {
  if (!request.organisation) throw new ImportRefusal('missingOrganisation');
  if (request.id !== undefined && !ID_PATTERN.test(request.id)) throw new ImportRefusal('badId', { id: request.id });
  const content = await loadContent(request.contentDir);
  const organisation = content.organisations.get(request.organisation);
  if (!organisation) throw new ImportRefusal('unknownOrganisation', { organisation: request.organisation });
  const { register, report } = await importDocuments(request.files, {
    organisation,
    id: request.id,
    langs: request.langs,
    format: request.format,
    limits: request.limits,
  });
  const taken =
    content.registers.has(register.id) || content.invalidRegisterFiles.some((file) => path.basename(file) === `${register.id}.yaml`);
  if (taken) throw new ImportRefusal('idTaken', { id: register.id });
  const yaml = draftYaml(register, report, todayInFinland());
  const root = path.dirname(path.resolve(request.contentDir));
  const target = path.relative(root, path.join(path.resolve(request.contentDir), 'registers', `${register.id}.yaml`));
  if (request.dryRun) return { register, report, yaml, target };
  const written = await writeDraft(request.contentDir, register.id, yaml);
  return { register, report, yaml, target, file: path.relative(root, written) };
}
