import * as z from 'zod';
import { idSchema } from './contact.ts';
import { isoDateSchema } from './date.ts';
import { CLIENT_SYSTEMS } from './register.ts';
import {
  ARCHIVING_ESTIMATES,
  AREA_CAPABILITIES,
  CHILD_WELFARE_DELIVERIES,
  CLIENT_PERIOD_SOURCES,
  DECISION_INFORMATION,
  DISCUSSION_WISHES,
  MAIN_DELIVERIES,
  PICKING_ABILITIES,
  PICKING_METHODS,
  PICKING_USES,
  RETROACTIVE_ABILITIES,
  SERVICE_READINESS,
  SERVICE_TASK_IDS,
  SOCIAL_SERVICES,
  TASK_COVERAGE,
  type QuestionNumber,
} from './sosdata-form.ts';

/**
 * A welfare area's Sosdata notification for one municipality group: THL's form "Anmälan om överföring av uppgifter
 * till Socialvårdens uppföljningsregister Sosdata" (seed 003). Each answer quotes the form's question (in the form's
 * Swedish, as THL wrote it) and carries its number. Every answer is optional so a draft can be saved half-filled;
 * sosdata-rules.ts decides whether the notification may be marked ready.
 */
export const SOSDATA_STATUSES = ['draft', 'ready', 'sent'] as const;
export type SosdataStatus = (typeof SOSDATA_STATUSES)[number];

const freeText = z.string().trim().min(1, { error: 'errors.text.empty' });
const areaCode = z.string().regex(/^\d{2}$/u, { error: 'errors.sosdata.areaCode' });
const municipalityCode = z.string().regex(/^\d{3}$/u, { error: 'errors.sosdata.municipalityCode' });
const perServiceTask = <T extends z.ZodType>(value: T) => z.partialRecord(z.enum(SERVICE_TASK_IDS), value);

export const sosdataAnswersSchema = z.strictObject({
  /** 1. "Samarbetsperson till vilken vi skickar anvisningar om Sosdata och bl.a. uppgifter om händelser." */
  contact: z
    .strictObject({
      /** "Namn" */
      name: freeText.optional(),
      /** "E-post" */
      email: z.email({ error: 'errors.email.invalid' }).optional(),
    })
    .optional(),
  /** 2. "Välfärdsområde": a code of Statistics Finland's classification (90 for Helsinki). */
  area: areaCode.optional(),
  /** 3. "Kommunerna": the municipality codes of this group. */
  municipalities: z.array(municipalityCode).min(1, { error: 'errors.list.empty' }).optional(),
  /** 4. "Namn på kommungruppen" */
  groupName: freeText.optional(),

  /** 5. "Socialvårdens klientdatasystem som används i kommungruppen 1.1–31.3.2023" (Abilita … Saga, Annat, vilket). */
  clientSystem: z.enum(CLIENT_SYSTEMS).optional(),
  /** 6. "Annat klientdatasystem, vilket" (only when question 5 is "Annat"). */
  otherClientSystem: freeText.optional(),
  /** 7. "Används datasystemet i alla serviceuppgifter? (Exklusive familjerättslig service)" */
  taskCoverage: z.enum(TASK_COVERAGE).optional(),
  /** 8. "Undantag och det datasystem som används i dem" (only when question 7 is not "Ja"). */
  exceptions: freeText.optional(),
  /** 9. "Om avsikten är att byta datasystem under 2023, vilket system håller man på att övergå till?" */
  plannedSystem: freeText.optional(),
  /**
   * 10–15. "När överförs ert klientdatasystem enligt er bedömning till en strukturerad arkivering?" per service task:
   * a quarter 2023–2026, or "När övergångsperioden löper ut".
   */
  structuredArchiving: perServiceTask(z.enum(ARCHIVING_ESTIMATES)).optional(),
  /** 16. "Eventuella tilläggsuppgifter" */
  archivingNotes: freeText.optional(),

  /** 17. "Hur får Sosdata kommungruppens uppgifter om serviceuppgifternas klientperioder 1.1–31.3.2023? (Obligatorisk fråga)" */
  clientPeriods: perServiceTask(z.enum(CLIENT_PERIOD_SOURCES)).optional(),
  /** 18. "Vilken är ert datasystems förmåga att anmäla startdatum retroaktivt?" */
  retroactiveStartDates: z.enum(RETROACTIVE_ABILITIES).optional(),
  /** 19. "Eventuella tilläggsuppgifter" */
  clientPeriodNotes: freeText.optional(),

  /** 20. "Inlednings- och avslutningsdatum för klientrelation enligt 27 § i barnskyddslagen Hur får Sosdata uppgifter om kommungruppens invånare 1.1–31.3.2023?" */
  childWelfare: z.enum(CHILD_WELFARE_DELIVERIES).optional(),
  /** 21. "Vilken är ert datasystems förmåga att retroaktivt meddela startdatum för en klientrelation enligt barnskyddslagen?" */
  childWelfareRetroactive: z.enum(RETROACTIVE_ABILITIES).optional(),
  /** 22. "Eventuella tilläggsuppgifter" */
  childWelfareNotes: freeText.optional(),

  /** 23. "Vilket är det huvudsakliga leveranssättet för kommungruppens uppgifter?" (it decides whether 24–28 apply). */
  mainDelivery: z.enum(MAIN_DELIVERIES).optional(),
  /** 24. "Kan ni i huvudsak plocka ut följande uppgifter?" per kind of service-decision information (separate delivery only). */
  decisionPicking: z.partialRecord(z.enum(DECISION_INFORMATION), z.enum(PICKING_ABILITIES)).optional(),
  /** 25. "Eventuella tilläggsuppgifter" (separate delivery only). */
  decisionNotes: freeText.optional(),
  /** 26. "Vilka sätt att plocka ut uppgifter kommer ni att använda i urvalet av socialserviceuppgifter?" (separate delivery only). */
  pickingMethods: z.partialRecord(z.enum(PICKING_METHODS), z.enum(PICKING_USES)).optional(),
  /** 27. "Beskriv det eventuella andra plockningssättet" (separate delivery only, when another way is used or reviewed). */
  otherPickingMethod: freeText.optional(),
  /** 28. "Hur har man enligt er bedömning kunnat leverera uppgifter om olika socialtjänster?" per social service (separate delivery only). */
  services: z.partialRecord(z.enum(SOCIAL_SERVICES), z.enum(SERVICE_READINESS)).optional(),
  /** 29. "Eventuella tilläggsuppgifter om socialservicen" */
  serviceNotes: freeText.optional(),

  /** 30. "Önskar ni separata diskussioner med THL om leveransen av uppgifter? (Obligatorisk fråga)" */
  separateDiscussions: z.enum(DISCUSSION_WISHES).optional(),
  /** 31. "Under diskussionerna vill vi särskilt diskutera följande" (only when question 30 is "Ja"). */
  discussionTopics: freeText.optional(),
  /** 32. "Hela välfärdsområdets förmåga till informationsledning … Hur bedömer ni förmågan att behandla uppgifter som gäller hela ert välfärdsområde 31.3.2023?" */
  areaCapability: z.enum(AREA_CAPABILITIES).optional(),
  /** 33. "Övriga tilläggsuppgifter eller respons gällande Sosdata" */
  feedback: freeText.optional(),
});
export type SosdataAnswers = z.infer<typeof sosdataAnswersSchema>;
export type AnswerField = keyof SosdataAnswers;

/** The question number of each answer. */
export const FIELD_QUESTIONS: Record<AnswerField, QuestionNumber | readonly QuestionNumber[]> = {
  contact: 1,
  area: 2,
  municipalities: 3,
  groupName: 4,
  clientSystem: 5,
  otherClientSystem: 6,
  taskCoverage: 7,
  exceptions: 8,
  plannedSystem: 9,
  structuredArchiving: [10, 11, 12, 13, 14, 15],
  archivingNotes: 16,
  clientPeriods: 17,
  retroactiveStartDates: 18,
  clientPeriodNotes: 19,
  childWelfare: 20,
  childWelfareRetroactive: 21,
  childWelfareNotes: 22,
  mainDelivery: 23,
  decisionPicking: 24,
  decisionNotes: 25,
  pickingMethods: 26,
  otherPickingMethod: 27,
  services: 28,
  serviceNotes: 29,
  separateDiscussions: 30,
  discussionTopics: 31,
  areaCapability: 32,
  feedback: 33,
};

/** A round of notifications: what THL asks for, by when, about which monitoring period. */
const roundFields = {
  /** THL's submission date ("Anmälan eller anmälningarna ska lämnas in senast 4.4.2022"). */
  deadline: isoDateSchema,
  /** First day of the monitoring period the answers describe (1.1.2023 in the seed). */
  periodStart: isoDateSchema,
  /** Last day of the monitoring period (31.3.2023 in the seed). */
  periodEnd: isoDateSchema,
};

export const sosdataNotificationSchema = z
  .strictObject({
    /** Stable id; the file is content/sosdata/<id>.yaml. */
    id: idSchema,
    /** True for fictional notifications that exist only to demonstrate Seloste. */
    example: z.boolean().optional(),
    /** The welfare area (or Helsinki) that gives the notification, by organisation id. */
    organisation: idSchema,
    /** draft: being filled in. ready: checked, may be sent. sent: submitted to THL. */
    status: z.enum(SOSDATA_STATUSES),
    /** The round of notifications this one answers. */
    round: z.strictObject(roundFields),
    /** The information-system registers (content/registers) that describe the group's client information system. */
    systemRegisters: z.array(idSchema).optional(),
    /** When the notification was sent to THL. */
    sent: isoDateSchema.optional(),
    /** The answers, by THL's question. */
    answers: sosdataAnswersSchema,
  })
  .superRefine((notification, ctx) => {
    if (notification.round.periodEnd < notification.round.periodStart)
      ctx.addIssue({ code: 'custom', path: ['round', 'periodEnd'], message: 'errors.sosdata.periodEndBeforeStart' });
    if (notification.status === 'sent' && !notification.sent)
      ctx.addIssue({ code: 'custom', path: ['sent'], message: 'errors.sosdata.sentDateMissing' });
  })
  .meta({
    id: 'SosdataNotification',
    title: 'Sosdata delivery-method notification',
    description: 'One municipality group’s answers to THL’s Sosdata notification (questions 1–33).',
  });

export type SosdataNotification = z.infer<typeof sosdataNotificationSchema>;

/**
 * A stored round of notifications. Every notification of the round shares its submission date and monitoring period,
 * so changing the round's date changes it for all of them.
 */
export const sosdataRoundSchema = z.strictObject({
  /** Stable id, `thl-<deadline>` for rounds made from content files. */
  id: idSchema,
  ...roundFields,
});
export type SosdataRound = z.infer<typeof sosdataRoundSchema>;

/** The round id that a notification read from a content file belongs to: one round per THL submission date. */
export function roundIdOf(round: SosdataNotification['round']): string {
  return `thl-${round.deadline}`;
}

/** Who last changed a stored notification, when, and its version for optimistic locking. */
export const sosdataRecordSchema = z.strictObject({
  notification: sosdataNotificationSchema,
  roundId: idSchema,
  /** Starts at 1 and grows with every save or status change; a save names the version it edited. */
  version: z.int().min(1),
  updatedAt: z.iso.datetime(),
  /** A username, or `system` for the seed from content files. */
  updatedBy: z.string().min(1).max(100),
});
export type SosdataRecord = z.infer<typeof sosdataRecordSchema>;
