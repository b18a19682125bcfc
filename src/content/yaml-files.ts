import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as z from 'zod';
import { formatPath } from '../domain/catalogue-rules.ts';
import type { ContentIssue } from './issues.ts';
import { toSchemaProblems } from './schema-issues.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

/** A content file that parsed and passed its schema. */
export interface ValidFile<T> {
  /** The file, relative to the content directory's parent. */
  file: string;
  source: YamlSource;
  value: T;
}

export type Report = (
  severity: ContentIssue['severity'],
  file: string,
  key: string,
  params?: Record<string, string | number>,
  line?: number,
  fieldPath?: string,
) => void;

/**
 * Reads every *.yaml file in `dir`, validates it with `schema`, and keeps the first file for each id when the file is
 * named after it. Every problem is reported with the file, line and field; invalid files are added to `invalid`.
 * A missing directory is reported only when `required`.
 */
export async function readYamlDirectory<T extends { id: string }>(
  dir: string,
  schema: z.ZodType<T>,
  options: { display: (file: string) => string; report: Report; invalid: Set<string>; required: boolean },
): Promise<ValidFile<T>[]> {
  const { display, report, invalid } = options;
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.ya?ml$/u.test(name)).sort();
  } catch {
    if (options.required) report('error', display(dir), 'errors.content.missingDirectory');
    return [];
  }
  const valid: (ValidFile<T> & { name: string })[] = [];
  for (const name of names) {
    const file = display(path.join(dir, name));
    const source = parseYamlSource(await readFile(path.join(dir, name), 'utf8'));
    if (source.syntaxErrors.length > 0) {
      for (const error of source.syntaxErrors) report('error', file, 'errors.yaml.syntax', { detail: error.message }, error.line);
      invalid.add(file);
      continue;
    }
    const result = schema.safeParse(source.data, { reportInput: true });
    if (!result.success) {
      for (const problem of toSchemaProblems(result.error.issues)) {
        report('error', file, problem.key, problem.params, source.lineOf(problem.path), formatPath(problem.path));
      }
      invalid.add(file);
      continue;
    }
    valid.push({ file, name, source, value: result.data });
  }
  const firstById = new Map<string, string>();
  return valid.filter(({ file, name, source, value }) => {
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
