import { toSchemaProblems, type SchemaProblem } from '../content/schema-issues.ts';
import { isRealIsoDate } from '../domain/date.ts';
import { sosdataNotificationSchema, type SosdataNotification } from '../domain/sosdata.ts';
import {
  SERVICE_TASKS,
  SOCIAL_SERVICES,
  type ArchivingEstimate,
  type ServiceReadiness,
  type ServiceTask,
  type SocialService,
  type QuestionNumber,
} from '../domain/sosdata-form.ts';
import { hasSeparateDelivery, notificationProblems, unansweredQuestions, type SosdataProblem } from '../domain/sosdata-rules.ts';

/** A refused Sosdata action, with an i18n key and the problems behind it, for the page or the CLI to show. */
export class SosdataError extends Error {
  readonly key: string;
  readonly problems: SosdataProblem[];
  constructor(key: string, problems: SosdataProblem[] = []) {
    super(key);
    this.key = key;
    this.problems = problems;
  }
}

export interface SosdataValidation {
  /** The notification when it has the model's shape (it may still break the form's rules). */
  notification?: SosdataNotification;
  /** Problems with the shape: unknown options, wrong types, bad dates. Nothing can be saved while there are any. */
  schemaProblems: SchemaProblem[];
  /** The form's rules: errors keep it from being marked ready, warnings do not. */
  problems: SosdataProblem[];
  /** Applicable questions still unanswered. */
  unanswered: QuestionNumber[];
  canMarkReady: boolean;
}

/**
 * Validates a notification as a form or a file gives it: first its shape, then THL's rules. A notification with
 * only rule errors can be saved as a draft; with schema problems it cannot be saved at all.
 */
export function validateSosdata(input: unknown): SosdataValidation {
  const result = sosdataNotificationSchema.safeParse(input, { reportInput: true });
  if (!result.success) return { schemaProblems: toSchemaProblems(result.error.issues), problems: [], unanswered: [], canMarkReady: false };
  const problems = notificationProblems(result.data);
  return {
    notification: result.data,
    schemaProblems: [],
    problems,
    unanswered: unansweredQuestions(result.data.answers),
    canMarkReady: problems.every((problem) => problem.severity !== 'error'),
  };
}

/** Marks a notification ready for sending, or refuses with the problems that stand in the way. */
export function markReady(notification: SosdataNotification): SosdataNotification {
  if (notification.status === 'sent') throw new SosdataError('errors.sosdata.alreadySent');
  const errors = notificationProblems(notification).filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new SosdataError('errors.sosdata.notReady', errors);
  return { ...notification, status: 'ready' };
}

/** Records that a ready notification was sent to THL on `date` (YYYY-MM-DD). */
export function markSent(notification: SosdataNotification, date: string): SosdataNotification {
  if (!isRealIsoDate(date)) throw new SosdataError('errors.date.invalid');
  const ready = notification.status === 'ready' ? notification : markReady(notification);
  return { ...ready, status: 'sent', sent: date };
}

/** One municipality group as a column of the readiness overview. */
export interface ReadinessGroup {
  id: string;
  organisation: string;
  groupName?: string;
  area?: string;
  status: SosdataNotification['status'];
  /** Whether questions 24–28 apply, so the group has a row of social-service answers. */
  separateDelivery: boolean;
  /** Whether question 23 is answered: until it is, questions 24–28 are unanswered rather than not applicable. */
  mainDeliveryAnswered: boolean;
}

/**
 * The readiness overview as plain data: service tasks × groups (client-relationship periods, question 17, and the
 * structured-archiving estimate, questions 10–15) and the 35 social services × groups (question 28). The staff page
 * draws it as a chart with this table as its text alternative.
 */
export interface ReadinessMatrix {
  groups: ReadinessGroup[];
  serviceTasks: {
    task: ServiceTask;
    /** The transition deadline the form prints, YYYY-MM. */
    deadline: string;
    cells: { clientPeriods?: string; archiving?: ArchivingEstimate; lateArchiving: boolean }[];
  }[];
  services: {
    service: SocialService;
    /** undefined where the group has not answered, or where question 28 does not apply to it. */
    cells: (ServiceReadiness | undefined)[];
    counts: Record<ServiceReadiness, number>;
  }[];
}

export function readinessMatrix(notifications: readonly SosdataNotification[]): ReadinessMatrix {
  const groups = notifications.map((notification) => ({
    id: notification.id,
    organisation: notification.organisation,
    groupName: notification.answers.groupName,
    area: notification.answers.area,
    status: notification.status,
    separateDelivery: hasSeparateDelivery(notification.answers),
    mainDeliveryAnswered: notification.answers.mainDelivery !== undefined,
  }));
  const late = new Map(
    notifications.map((notification) => [
      notification.id,
      new Set(
        notificationProblems(notification)
          .filter((problem) => problem.key === 'errors.sosdata.archivingAfterDeadline')
          .map((problem) => problem.path.at(-1)),
      ),
    ]),
  );
  return {
    groups,
    serviceTasks: SERVICE_TASKS.map((task) => ({
      task: task.id,
      deadline: task.deadline,
      cells: notifications.map((notification) => ({
        clientPeriods: notification.answers.clientPeriods?.[task.id],
        archiving: notification.answers.structuredArchiving?.[task.id],
        lateArchiving: late.get(notification.id)?.has(task.id) ?? false,
      })),
    })),
    services: SOCIAL_SERVICES.map((service) => {
      const cells = notifications.map((notification) =>
        hasSeparateDelivery(notification.answers) ? notification.answers.services?.[service] : undefined,
      );
      const counts = { mainly: 0, possibly: 0, partly: 0, no: 0 };
      for (const cell of cells) if (cell) counts[cell] += 1;
      return { service, cells, counts };
    }),
  };
}
