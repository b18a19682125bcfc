import type { TFunction } from 'i18next';
import type { ContentIssue } from '../content/issues.ts';
import { isLang } from '../domain/language.ts';
import { NOTICE_FORMATS } from '../domain/notice-format.ts';
import { isRegisterFormat } from '../domain/register.ts';
import { SERVICE_TASK_NAMES } from '../domain/sosdata-texts.ts';

/**
 * The message of an issue (of a content file, or of a Sosdata notification's answers) in the reader's language,
 * with language names, notice sections and Sosdata service tasks named in it.
 */
export function issueMessage(issue: { key: string; params?: ContentIssue['params'] }, t: TFunction): string {
  const params = { ...issue.params };
  if (typeof params.lang === 'string') params.lang = t(`lang.${params.lang}`);
  const { section, format } = params;
  const lang = t('lang.code');
  if (typeof section === 'string' && typeof format === 'string' && isRegisterFormat(format) && isLang(lang)) {
    const heading = NOTICE_FORMATS[format].find((definition) => definition.key === section)?.heading[lang];
    if (heading) params.section = `${heading} (${section})`;
  }
  const { task } = params;
  if (typeof task === 'string' && isLang(lang) && task in SERVICE_TASK_NAMES)
    params.task = SERVICE_TASK_NAMES[task as keyof typeof SERVICE_TASK_NAMES][lang];
  return t(issue.key, params);
}

/** `content/registers/atj.yaml:12: error: legislation[2].ref: Malformed statute reference …`, as compilers print it. */
export function issueLine(issue: ContentIssue, t: TFunction): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const field = issue.path ? `${issue.path}: ` : '';
  return `${where}: ${t(`severity.${issue.severity}`)}: ${field}${issueMessage(issue, t)}`;
}
