import type { Severity } from '../domain/catalogue-rules.ts';

/**
 * A problem in a content file, in a form every adapter can present: the CLI prints it, a test asserts on it.
 * `code` is stable (for scripts and --json); `key` and `params` give the message in any language.
 */
export interface ContentIssue {
  severity: Severity;
  code: string;
  /** The file, relative to the content directory's parent, e.g. content/registers/atj.yaml. */
  file: string;
  /** 1-based line in the file, where it can be located. */
  line?: number;
  /** The field path, e.g. `legislation[2].ref`; empty for the whole file. */
  path: string;
  key: string;
  params: Record<string, string | number>;
}

/** The stable code for an i18n message key: `errors.statute.malformed` becomes `statute.malformed`. */
export function codeOf(key: string): string {
  return key.replace(/^errors\./u, '');
}
