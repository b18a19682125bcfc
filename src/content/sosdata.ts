import path from 'node:path';
import type { Organisation } from '../domain/organisation.ts';
import { formatPath } from '../domain/catalogue-rules.ts';
import { sosdataNotificationSchema, type SosdataNotification } from '../domain/sosdata.ts';
import { disclosesToThl, notificationProblems, unansweredQuestions } from '../domain/sosdata-rules.ts';
import type { RegisterEntry } from './load.ts';
import { readYamlDirectory, type Report } from './yaml-files.ts';

export interface SosdataEntry {
  notification: SosdataNotification;
  /** The file it came from, relative to the content directory's parent. */
  file: string;
}

/**
 * Reads `sosdata/*.yaml` (one Sosdata notification per municipality group) and checks each against the form's rules,
 * the organisations and the registers it links. The form's rules are warnings while a notification is a draft and
 * errors once it is ready or sent; unanswered questions are listed in one warning.
 */
export async function loadSosdata(
  contentDir: string,
  context: {
    display: (file: string) => string;
    report: Report;
    invalid: Set<string>;
    organisations: ReadonlyMap<string, Organisation>;
    registers: ReadonlyMap<string, RegisterEntry>;
  },
): Promise<Map<string, SosdataEntry>> {
  const { report, organisations, registers } = context;
  const entries = new Map<string, SosdataEntry>();
  const files = await readYamlDirectory(path.join(contentDir, 'sosdata'), sosdataNotificationSchema, { ...context, required: false });
  for (const { file, source, value } of files) {
    const at = (fieldPath: (string | number)[]) => [source.lineOf(fieldPath), formatPath(fieldPath)] as const;
    if (!organisations.has(value.organisation)) {
      report('error', file, 'errors.reference.unknownOrganisation', { id: value.organisation }, ...at(['organisation']));
      context.invalid.add(file);
      continue;
    }
    const draft = value.status === 'draft';
    for (const problem of notificationProblems(value)) {
      const severity = problem.severity === 'error' && draft ? 'warning' : problem.severity;
      report(severity, file, problem.key, { ...problem.params, question: problem.question }, ...at(problem.path));
    }
    const unanswered = unansweredQuestions(value.answers);
    if (unanswered.length > 0)
      report(
        'warning',
        file,
        'errors.sosdata.unanswered',
        { count: unanswered.length, questions: unanswered.join(', ') },
        ...at(['answers']),
      );
    value.systemRegisters?.forEach((id, index) => {
      const entry = registers.get(id);
      if (!entry) report('error', file, 'errors.sosdata.unknownRegister', { id }, ...at(['systemRegisters', index]));
      else if (!disclosesToThl(entry.register))
        report('warning', file, 'errors.sosdata.registerWithoutThlDisclosure', { id, file: entry.file }, ...at(['systemRegisters', index]));
    });
    entries.set(value.id, { notification: value, file });
  }
  return entries;
}
