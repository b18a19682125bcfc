import { sosdataNotificationSchema, type SosdataAnswers, type SosdataNotification } from '../../../src/domain/sosdata.ts';
import { SERVICE_TASK_IDS } from '../../../src/domain/sosdata-form.ts';

/** A fictional notification with the two mandatory questions answered and nothing else conditional. */
export function notification(answers: Partial<SosdataAnswers> = {}, status: SosdataNotification['status'] = 'draft'): SosdataNotification {
  return sosdataNotificationSchema.parse({
    id: 'example-group',
    example: true,
    organisation: 'example-welfare-area',
    status,
    round: { deadline: '2022-04-04', periodStart: '2023-01-01', periodEnd: '2023-03-31' },
    answers: {
      clientPeriods: Object.fromEntries(SERVICE_TASK_IDS.map((task) => [task, 'kanta'])),
      separateDiscussions: 'no',
      ...answers,
    },
  });
}
