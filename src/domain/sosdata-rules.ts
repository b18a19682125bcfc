import { findArea, findMunicipality } from './area.ts';
import type { Severity } from './catalogue-rules.ts';
import type { Register } from './register.ts';
import { FIELD_QUESTIONS, type AnswerField, type SosdataAnswers, type SosdataNotification } from './sosdata.ts';
import { SEPARATE_DELIVERIES, SEPARATE_DELIVERY_QUESTIONS, SERVICE_TASKS, QUESTION_NUMBERS, type QuestionNumber } from './sosdata-form.ts';

/** Something that keeps a notification from being marked ready (error) or that the officer should look at (warning). */
export interface SosdataProblem {
  severity: Severity;
  /** THL's question number. */
  question: QuestionNumber;
  /** The field path inside the notification, e.g. ['answers', 'clientPeriods', 'elderly']. */
  path: (string | number)[];
  /** An i18n key under errors.sosdata. */
  key: string;
  params?: Record<string, string | number>;
}

/** Whether the group is an "actor with a separate delivery (including Kanta archivers who deliver supplementary data)". */
export function hasSeparateDelivery(answers: SosdataAnswers): boolean {
  return answers.mainDelivery !== undefined && SEPARATE_DELIVERIES.includes(answers.mainDelivery);
}

/** Whether question 27 (the other way of picking) applies: another way is used or under review. */
function otherPickingApplies(answers: SosdataAnswers): boolean {
  const other = answers.pickingMethods?.other;
  return hasSeparateDelivery(answers) && (other === 'used' || other === 'needs-review');
}

/**
 * The form's conditions: whether a question applies to the answers given so far. Question 6 follows "Annat" in 5,
 * 8 follows an exception in 7, 24–28 follow a separate delivery in 23, 27 another way of picking in 26, 31 a "Ja" in 30.
 */
export function questionApplies(question: QuestionNumber, answers: SosdataAnswers): boolean {
  if (question === 6) return answers.clientSystem === 'other';
  if (question === 8) return answers.taskCoverage !== undefined && answers.taskCoverage !== 'yes';
  if (question === 27) return otherPickingApplies(answers);
  if ((SEPARATE_DELIVERY_QUESTIONS as readonly number[]).includes(question)) return hasSeparateDelivery(answers);
  if (question === 31) return answers.separateDiscussions === 'yes';
  return true;
}

function hasValue(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasValue);
  return true;
}

/** Whether the question has any answer. */
export function isAnswered(question: QuestionNumber, answers: SosdataAnswers): boolean {
  if (question >= 10 && question <= 15) {
    const task = SERVICE_TASKS.find((candidate) => candidate.question === question)!;
    return answers.structuredArchiving?.[task.id] !== undefined;
  }
  const field = fieldOf(question);
  return hasValue(answers[field]);
}

/** The answer field that holds a question. */
export function fieldOf(question: QuestionNumber): AnswerField {
  return (Object.entries(FIELD_QUESTIONS) as [AnswerField, QuestionNumber | readonly QuestionNumber[]][]).find(([, numbers]) =>
    typeof numbers === 'number' ? numbers === question : numbers.includes(question),
  )![0];
}

/** The questions that apply to the answers given but are still unanswered: what the officer has left to fill in. */
export function unansweredQuestions(answers: SosdataAnswers): QuestionNumber[] {
  return QUESTION_NUMBERS.filter((question) => questionApplies(question, answers) && !isAnswered(question, answers));
}

/** The last month of a quarter such as 2024-Q3, as YYYY-MM. */
function quarterEnd(estimate: string): string | undefined {
  const match = /^(\d{4})-Q([1-4])$/u.exec(estimate);
  return match ? `${match[1]}-${String(Number(match[2]) * 3).padStart(2, '0')}` : undefined;
}

/**
 * Checks a notification against the form's rules. Errors keep it from being marked ready (it can still be saved as a
 * draft); warnings are worth a look but allowed. Pure: no I/O.
 */
export function notificationProblems(notification: SosdataNotification): SosdataProblem[] {
  const { answers } = notification;
  const problems: SosdataProblem[] = [];
  const at = (field: AnswerField, ...rest: (string | number)[]) => ['answers', field, ...rest];
  const error = (question: QuestionNumber, path: (string | number)[], key: string, params?: SosdataProblem['params']) =>
    problems.push({ severity: 'error', question, path, key, params });

  // Mandatory questions (the form marks them "Obligatorisk fråga").
  for (const task of SERVICE_TASKS) {
    if (!answers.clientPeriods?.[task.id])
      error(17, at('clientPeriods', task.id), 'errors.sosdata.mandatoryTask', { question: 17, task: task.id });
  }
  if (!answers.separateDiscussions) error(30, at('separateDiscussions'), 'errors.sosdata.mandatory', { question: 30 });

  // Answers to questions that do not apply to the answers given.
  for (const question of QUESTION_NUMBERS) {
    if (!questionApplies(question, answers) && isAnswered(question, answers)) {
      const key =
        (SEPARATE_DELIVERY_QUESTIONS as readonly number[]).includes(question) && !hasSeparateDelivery(answers)
          ? 'errors.sosdata.separateDeliveryOnly'
          : 'errors.sosdata.notApplicable';
      error(question, at(fieldOf(question)), key, { question });
    }
  }

  // A conditional answer that the form asks for.
  if (answers.clientSystem === 'other' && !answers.otherClientSystem)
    error(6, at('otherClientSystem'), 'errors.sosdata.otherSystemMissing');
  if (answers.taskCoverage === 'no' && !answers.exceptions) error(8, at('exceptions'), 'errors.sosdata.exceptionsMissing');
  if (otherPickingApplies(answers) && !answers.otherPickingMethod)
    error(27, at('otherPickingMethod'), 'errors.sosdata.otherPickingMissing');

  // Welfare area and municipalities (questions 2 and 3) against Statistics Finland's classification.
  const area = answers.area ? findArea(answers.area) : undefined;
  if (answers.area && !area) error(2, at('area'), 'errors.sosdata.unknownArea', { code: answers.area });
  answers.municipalities?.forEach((code, index) => {
    const municipality = findMunicipality(code);
    if (!municipality) error(3, at('municipalities', index), 'errors.sosdata.unknownMunicipality', { code });
    else if (area && municipality.area !== area.code)
      error(3, at('municipalities', index), 'errors.sosdata.municipalityOutsideArea', {
        code,
        name: municipality.name.fi,
        area: area.code,
      });
  });

  // Estimates later than the transition deadline that the form prints beside each service task.
  for (const task of SERVICE_TASKS) {
    const end = quarterEnd(answers.structuredArchiving?.[task.id] ?? '');
    if (end && end > task.deadline)
      problems.push({
        severity: 'warning',
        question: task.question,
        path: at('structuredArchiving', task.id),
        key: 'errors.sosdata.archivingAfterDeadline',
        params: { task: task.id, deadline: task.deadline },
      });
  }
  return problems;
}

/** Whether a notification may be marked ready: none of its problems is an error. */
export function canMarkReady(notification: SosdataNotification): boolean {
  return notificationProblems(notification).every((problem) => problem.severity !== 'error');
}

/**
 * Whether a register names a regular disclosure to THL (Terveyden ja hyvinvoinnin laitos). Delivering to Sosdata is
 * one, so a register linked from a notification should say so.
 */
export function disclosesToThl(register: Register): boolean {
  const texts = [
    register.disclosures?.description,
    ...(register.disclosures?.items ?? []).flatMap((item) => [item.recipient, item.description]),
  ]
    .flatMap((text) => Object.values(text ?? {}))
    .join('\n');
  return /\bTHL\b|Terveyden ja hyvinvoinnin laitos|Institutet för hälsa och välfärd|Finnish Institute for Health and Welfare/iu.test(texts);
}

/** The municipality groups whose client information system a register describes: for the register's staff page. */
export function groupsUsingRegister(
  notifications: readonly SosdataNotification[],
  registerId: string,
): { id: string; organisation: string; groupName?: string; status: SosdataNotification['status'] }[] {
  return notifications
    .filter((notification) => notification.systemRegisters?.includes(registerId))
    .map((notification) => ({
      id: notification.id,
      organisation: notification.organisation,
      groupName: notification.answers.groupName,
      status: notification.status,
    }));
}
