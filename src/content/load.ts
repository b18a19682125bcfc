import path from 'node:path';
import { checkRegister, formatPath, languageReport, type LanguageReport } from '../domain/catalogue-rules.ts';
import { organisationSchema, type Organisation } from '../domain/organisation.ts';
import { registerSchema, type Register } from '../domain/register.ts';
import { codeOf, type ContentIssue } from './issues.ts';
import { loadSosdata, type SosdataEntry } from './sosdata.ts';
import { readYamlDirectory, type Report } from './yaml-files.ts';

export interface RegisterEntry {
  register: Register;
  /** The file it came from, relative to the content directory's parent. */
  file: string;
  languages: LanguageReport;
}

/** Everything valid in a content directory, and every problem found in it. */
export interface LoadedContent {
  organisations: Map<string, Organisation>;
  registers: Map<string, RegisterEntry>;
  /** Sosdata notifications, one per municipality group (content/sosdata). */
  sosdata: Map<string, SosdataEntry>;
  /** Register files left out of the catalogue because of errors. */
  invalidRegisterFiles: string[];
  issues: ContentIssue[];
}

/**
 * Reads `organisations/*.yaml` and `registers/*.yaml` under `contentDir`, validates every file and checks them
 * against each other. It never throws on bad content: every problem becomes an issue naming the file and field.
 */
export async function loadContent(contentDir: string): Promise<LoadedContent> {
  const issues: ContentIssue[] = [];
  const root = path.dirname(path.resolve(contentDir));
  const display = (file: string) => path.relative(root, path.resolve(file));
  const report: Report = (severity, file, key, params = {}, line, fieldPath = '') =>
    issues.push({ severity, code: codeOf(key), file, line, path: fieldPath, key, params });
  const invalid = new Set<string>();

  const options = { display, report, invalid, required: true };

  const organisations = new Map(
    (await readYamlDirectory(path.join(contentDir, 'organisations'), organisationSchema, options)).map(({ value }) => [value.id, value]),
  );
  const registers = new Map<string, RegisterEntry>();
  for (const { file, source, value } of await readYamlDirectory(path.join(contentDir, 'registers'), registerSchema, options)) {
    const findings = checkRegister(value, organisations);
    for (const finding of findings) {
      report(finding.severity, file, finding.key, finding.params, source.lineOf(finding.path), formatPath(finding.path));
    }
    if (findings.some((finding) => finding.key === 'errors.reference.unknownOrganisation')) {
      invalid.add(file);
      continue;
    }
    registers.set(value.id, { register: value, file, languages: languageReport(value, organisations.get(value.organisation)) });
  }

  const invalidRegisterFiles = [...invalid].filter((file) => file.includes(`registers${path.sep}`)).sort();
  const sosdata = await loadSosdata(contentDir, { display, report, invalid, organisations, registers });
  return { organisations, registers, sosdata, invalidRegisterFiles, issues };
}
