/**
 * The vocabulary of THL's Sosdata delivery-method notification (seed 003, "Anmälan om överföring av uppgifter till
 * Socialvårdens uppföljningsregister Sosdata"): service tasks with their transition deadlines, answer options, the
 * decision information and picking methods, and the 35 social services. Texts are in sosdata-texts.ts.
 * Glossary: palvelutehtävä = serviceuppgift = service task; sosiaalipalvelu = socialservice = social service;
 * kuntaryhmä = kommungrupp = municipality group; Kanta-arkisto = the national client data archive for social welfare.
 */

/**
 * Service tasks of social welfare, each with the end of its transition period under the Client Data Act (703/2023,
 * formerly 159/2007) for structured archiving, as the form prints them in parentheses (questions 10–15).
 */
export const SERVICE_TASKS = [
  { id: 'elderly', question: 10, deadline: '2024-09' },
  { id: 'working-age', question: 11, deadline: '2024-09' },
  { id: 'families-with-children', question: 12, deadline: '2024-09' },
  { id: 'child-welfare', question: 13, deadline: '2025-03' },
  { id: 'disability', question: 14, deadline: '2025-09' },
  { id: 'substance-abuse', question: 15, deadline: '2026-03' },
] as const;
export const SERVICE_TASK_IDS = SERVICE_TASKS.map((task) => task.id);
export type ServiceTask = (typeof SERVICE_TASKS)[number]['id'];

/** The first and last year the form offers for the structured-archiving quarter (question 10–15: "Kvartal 2023–2026"). */
export const ARCHIVING_YEARS = [2023, 2024, 2025, 2026] as const;
/** A quarter such as 2024-Q3, or the end of the transition period. */
export const ARCHIVING_ESTIMATES = [
  ...ARCHIVING_YEARS.flatMap((year) => [1, 2, 3, 4].map((quarter) => `${year}-Q${quarter}` as const)),
  'end-of-transition',
] as const;
export type ArchivingEstimate = (typeof ARCHIVING_ESTIMATES)[number];

/** Question 7. */
export const TASK_COVERAGE = ['yes', 'yes-except-elderly-home-care', 'no'] as const;
/** Question 17, per service task. */
export const CLIENT_PERIOD_SOURCES = ['kanta', 'kanta-and-separate', 'separate'] as const;
/** Questions 18 and 21: how far back start dates can be given. */
export const RETROACTIVE_ABILITIES = ['long-relationships', 'since-2020', 'before-period-after-2020', 'not-even-new'] as const;
/** Question 20. */
export const CHILD_WELFARE_DELIVERIES = ['client-relationship-document', 'new-structure-2023', 'separate'] as const;
/** Question 23. */
export const MAIN_DELIVERIES = [
  'kanta-structured',
  'kanta-unstructured',
  'kanta-and-separate',
  'separate',
  'separate-partial',
  'impossible',
] as const;
export type MainDelivery = (typeof MAIN_DELIVERIES)[number];
/**
 * The answers to question 23 that make the group an "actor with a separate delivery (including Kanta archivers who
 * deliver supplementary data)", the only actors that answer questions 24–28.
 */
export const SEPARATE_DELIVERIES: readonly MainDelivery[] = ['kanta-and-separate', 'separate', 'separate-partial'];

/** Question 24: the service-decision information to be picked. */
export const DECISION_INFORMATION = ['positive-during-period', 'valid-before-period', 'ending-during-period', 'negative'] as const;
export const PICKING_ABILITIES = ['yes', 'needs-review', 'no'] as const;
/** Question 26: other ways of picking information on the receipt of services. */
export const PICKING_METHODS = [
  'current-service',
  'service-unit-clients',
  'operations-management-system',
  'health-care-system',
  'other',
] as const;
export const PICKING_USES = ['used', 'not-used', 'needs-review'] as const;

/** Question 28: the 35 social services, in the form's order. */
export const SOCIAL_SERVICES = [
  'professional-family-care',
  'client-finances',
  'dwelling-alterations',
  'mother-and-child-home',
  'personal-assistance',
  'upbringing-and-family-counselling',
  'home-care',
  'home-help',
  'integration',
  'crisis-work',
  'rehabilitative-work',
  'rehabilitation-guidance',
  'institutional-care',
  'mobility-services',
  'holiday-services',
  'carer-leave',
  'informal-care-support',
  'service-housing',
  'family-care',
  'family-rehabilitation',
  'family-work',
  'day-activities',
  'relief-services',
  'adaptation-training',
  'social-rehabilitation',
  'social-credit',
  'social-guidance',
  'social-emergency',
  'social-work',
  'round-the-clock-service-housing',
  'intensive-family-work',
  'temporary-housing',
  'social-assistance',
  'supported-housing',
  'support-person-activities',
] as const;
export type SocialService = (typeof SOCIAL_SERVICES)[number];
/** Question 28's scale. */
export const SERVICE_READINESS = ['mainly', 'possibly', 'partly', 'no'] as const;
export type ServiceReadiness = (typeof SERVICE_READINESS)[number];

/** Question 30. */
export const DISCUSSION_WISHES = ['no', 'yes'] as const;
/** Question 32. */
export const AREA_CAPABILITIES = ['unlikely', 'partly', 'yes'] as const;

/** The form's sections and the questions in each, as numbered by THL. The fifth is printed "S" in the seed. */
export const SECTIONS = [
  { id: 'contact', numeral: 'I', questions: [1, 2, 3, 4] },
  { id: 'systems', numeral: 'II', questions: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] },
  { id: 'client-periods', numeral: 'III', questions: [17, 18, 19] },
  { id: 'child-welfare', numeral: 'IV', questions: [20, 21, 22] },
  { id: 'social-services', numeral: 'V', questions: [23, 24, 25, 26, 27, 28, 29] },
  { id: 'discussions', numeral: 'VI', questions: [30, 31, 32, 33] },
] as const;
export const QUESTION_NUMBERS = SECTIONS.flatMap((section) => [...section.questions]);
export type QuestionNumber = (typeof SECTIONS)[number]['questions'][number];

/** Questions the form marks "(Obligatorisk fråga)". */
export const MANDATORY_QUESTIONS = [17, 30] as const;
/** Questions that only actors with a separate delivery answer. */
export const SEPARATE_DELIVERY_QUESTIONS = [24, 25, 26, 27, 28] as const;
