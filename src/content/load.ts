import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as z from 'zod';
import { checkRegister, formatPath, languageReport, type LanguageReport } from '../domain/catalogue-rules.ts';
import { organisationSchema, type Organisation } from '../domain/organisation.ts';
import { registerSchema, type Register } from '../domain/register.ts';
import { codeOf, type ContentIssue } from './issues.ts';
import { toSchemaProblems } from './schema-issues.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

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
  /** Register files left out of the catalogue because of errors. */
  invalidRegisterFiles: string[];
  issues: ContentIssue[];
}

const SCHEMAS = { organisations: organisationSchema, registers: registerSchema } as const;
type Kind = keyof typeof SCHEMAS;

interface ValidFile<T> {
  file: string;
  name: string;
  source: YamlSource;
  value: T;
}

/**
 * Reads `organisations/*.yaml` and `registers/*.yaml` under `contentDir`, validates every file and checks them
 * against each other. It never throws on bad content: every problem becomes an issue naming the file and field.
 */
export async function loadContent(contentDir: string): Promise<LoadedContent> {
  const issues: ContentIssue[] = [];
  const root = path.dirname(path.resolve(contentDir));
  const display = (file: string) => path.relative(root, path.resolve(file));
  const report = (
    severity: ContentIssue['severity'],
    file: string,
    key: string,
    params: Record<string, string | number> = {},
    line?: number,
    fieldPath = '',
  ) => issues.push({ severity, code: codeOf(key), file, line, path: fieldPath, key, params });
  const invalid = new Set<string>();

  async function readKind<K extends Kind>(kind: K): Promise<ValidFile<z.infer<(typeof SCHEMAS)[K]>>[]> {
    const dir = path.join(contentDir, kind);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => /\.ya?ml$/u.test(name)).sort();
    } catch {
      report('error', display(dir), 'errors.content.missingDirectory');
      return [];
    }
    const valid: ValidFile<z.infer<(typeof SCHEMAS)[K]>>[] = [];
    for (const name of names) {
      const file = display(path.join(dir, name));
      const source = parseYamlSource(await readFile(path.join(dir, name), 'utf8'));
      if (source.syntaxErrors.length > 0) {
        for (const error of source.syntaxErrors) report('error', file, 'errors.yaml.syntax', { detail: error.message }, error.line);
        invalid.add(file);
        continue;
      }
      const result = SCHEMAS[kind].safeParse(source.data, { reportInput: true });
      if (!result.success) {
        for (const problem of toSchemaProblems(result.error.issues)) {
          report('error', file, problem.key, problem.params, source.lineOf(problem.path), formatPath(problem.path));
        }
        invalid.add(file);
        continue;
      }
      valid.push({ file, name, source, value: result.data as z.infer<(typeof SCHEMAS)[K]> });
    }
    return uniqueIds(valid);
  }

  /** Keeps the first file for each id; a later one is refused, and so is a file not named after its id. */
  function uniqueIds<T extends { id: string }>(files: ValidFile<T>[]): ValidFile<T>[] {
    const firstById = new Map<string, string>();
    return files.filter(({ file, name, source, value }) => {
      const first = firstById.get(value.id);
      if (first) {
        report('error', file, 'errors.id.duplicate', { id: value.id, other: first }, source.lineOf(['id']), 'id');
        invalid.add(file);
        return false;
      }
      firstById.set(value.id, file);
      if (name !== `${value.id}.yaml`) {
        report('error', file, 'errors.id.fileName', { id: value.id, expected: `${value.id}.yaml` }, source.lineOf(['id']), 'id');
        invalid.add(file);
        return false;
      }
      return true;
    });
  }

  const organisations = new Map((await readKind('organisations')).map(({ value }) => [value.id, value]));
  const registers = new Map<string, RegisterEntry>();
  for (const { file, source, value } of await readKind('registers')) {
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
  return { organisations, registers, invalidRegisterFiles, issues };
}
