import { LANGS, type Lang } from '../domain/language.ts';
import type { ContentIssue } from '../content/issues.ts';
import { loadContent } from '../content/load.ts';
import { canMarkReady, unansweredQuestions } from '../domain/sosdata-rules.ts';

export interface RegisterCheck {
  id: string;
  file: string;
  status: string;
  required: Lang[];
  complete: Lang[];
}

/** A Sosdata notification as `seloste check` reports it. */
export interface SosdataCheck {
  id: string;
  file: string;
  status: string;
  /** Applicable questions without an answer. */
  unanswered: number[];
  /** Whether the form's rules allow marking it ready. */
  canMarkReady: boolean;
}

/** What `seloste check` reports: per register, per language, per Sosdata notification, and every issue. */
export interface CheckReport {
  registers: RegisterCheck[];
  sosdata: SosdataCheck[];
  invalidFiles: string[];
  /** How many valid registers are complete, and how many not, in each language. */
  languages: Record<Lang, { complete: number; incomplete: number }>;
  issues: ContentIssue[];
  errors: number;
  warnings: number;
}

/** Validates a whole content directory: the use case behind `seloste check`. */
export async function checkContent(contentDir: string): Promise<CheckReport> {
  const content = await loadContent(contentDir);
  const registers = [...content.registers.values()]
    .map(({ register, file, languages }) => ({
      id: register.id,
      file,
      status: register.status,
      required: languages.required,
      complete: languages.complete,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const languages = Object.fromEntries(
    LANGS.map((lang) => {
      const complete = registers.filter((register) => register.complete.includes(lang)).length;
      return [lang, { complete, incomplete: registers.length - complete }];
    }),
  ) as CheckReport['languages'];
  const issues = [...content.issues].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const sosdata = [...content.sosdata.values()]
    .map(({ notification, file }) => ({
      id: notification.id,
      file,
      status: notification.status,
      unanswered: unansweredQuestions(notification.answers),
      canMarkReady: canMarkReady(notification),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    registers,
    sosdata,
    invalidFiles: content.invalidRegisterFiles,
    languages,
    issues,
    errors: issues.filter((issue) => issue.severity === 'error').length,
    warnings: issues.filter((issue) => issue.severity === 'warning').length,
  };
}
