import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import {
  canMarkReady,
  disclosesToThl,
  groupsUsingRegister,
  notificationProblems,
  questionApplies,
  unansweredQuestions,
} from '../../../src/domain/sosdata-rules.ts';
import { markReady, markSent, readinessMatrix, SosdataError, validateSosdata } from '../../../src/services/sosdata.ts';
import { CONTENT } from '../../support/cli.ts';
import { notification } from './fixtures.ts';

const keysOf = (answers: Parameters<typeof notification>[0]) =>
  notificationProblems(notification(answers)).map((problem) => [problem.question, problem.key, problem.path.join('.')]);

describe('the mandatory questions', () => {
  it('question 17 needs an answer for each of the six service tasks', () => {
    const missing = notification({ clientPeriods: { elderly: 'kanta', 'child-welfare': 'separate' } });
    const problems = notificationProblems(missing).filter((problem) => problem.question === 17);
    expect(problems.map((problem) => problem.path.at(-1))).toEqual([
      'working-age',
      'families-with-children',
      'disability',
      'substance-abuse',
    ]);
    expect(problems.every((problem) => problem.severity === 'error' && problem.key === 'errors.sosdata.mandatoryTask')).toBe(true);
    expect(canMarkReady(missing)).toBe(false);
  });

  it('question 30 must be answered', () => {
    expect(keysOf({ separateDiscussions: undefined })).toContainEqual([30, 'errors.sosdata.mandatory', 'answers.separateDiscussions']);
  });

  it('with both answered and nothing else, the notification may be marked ready', () => {
    expect(notificationProblems(notification())).toEqual([]);
    expect(markReady(notification()).status).toBe('ready');
  });
});

describe('the conditional parts of the form', () => {
  it('question 6 follows "Annat" in question 5', () => {
    expect(keysOf({ clientSystem: 'other' })).toContainEqual([6, 'errors.sosdata.otherSystemMissing', 'answers.otherClientSystem']);
    expect(keysOf({ clientSystem: 'other', otherClientSystem: 'ATJ' })).toEqual([]);
    expect(keysOf({ clientSystem: 'effica', otherClientSystem: 'ATJ' })).toContainEqual([
      6,
      'errors.sosdata.notApplicable',
      'answers.otherClientSystem',
    ]);
  });

  it('question 8 follows an exception in question 7, and "Nej, undantag är" needs the exceptions', () => {
    expect(keysOf({ taskCoverage: 'no' })).toContainEqual([8, 'errors.sosdata.exceptionsMissing', 'answers.exceptions']);
    expect(keysOf({ taskCoverage: 'yes-except-elderly-home-care', exceptions: 'Kotihoito: HomeCare' })).toEqual([]);
    expect(keysOf({ taskCoverage: 'yes', exceptions: 'Kotihoito: HomeCare' })).toContainEqual([
      8,
      'errors.sosdata.notApplicable',
      'answers.exceptions',
    ]);
  });

  it('questions 24–28 apply only to actors with a separate delivery', () => {
    const separateAnswers = {
      decisionPicking: { negative: 'no' },
      decisionNotes: 'Kielteiset päätökset puuttuvat.',
      pickingMethods: { 'current-service': 'used' },
      services: { 'home-care': 'partly' },
    } as const;
    const kantaOnly = notificationProblems(notification({ mainDelivery: 'kanta-structured', ...separateAnswers }));
    expect(kantaOnly.map((problem) => problem.question)).toEqual([24, 25, 26, 28]);
    expect(kantaOnly.every((problem) => problem.key === 'errors.sosdata.separateDeliveryOnly')).toBe(true);
    for (const mainDelivery of ['kanta-and-separate', 'separate', 'separate-partial'] as const) {
      expect(keysOf({ mainDelivery, ...separateAnswers }), mainDelivery).toEqual([]);
      expect(questionApplies(28, notification({ mainDelivery }).answers)).toBe(true);
    }
    expect(questionApplies(24, notification({ mainDelivery: 'impossible' }).answers)).toBe(false);
    expect(questionApplies(24, notification().answers)).toBe(false);
  });

  it('question 27 follows another way of picking in question 26', () => {
    const base = { mainDelivery: 'separate' } as const;
    expect(keysOf({ ...base, pickingMethods: { other: 'used' } })).toContainEqual([
      27,
      'errors.sosdata.otherPickingMissing',
      'answers.otherPickingMethod',
    ]);
    expect(keysOf({ ...base, pickingMethods: { other: 'needs-review' }, otherPickingMethod: 'Laskutus' })).toEqual([]);
    expect(keysOf({ ...base, pickingMethods: { other: 'not-used' }, otherPickingMethod: 'Laskutus' })).toContainEqual([
      27,
      'errors.sosdata.notApplicable',
      'answers.otherPickingMethod',
    ]);
  });

  it('question 31 follows a "Ja" in question 30', () => {
    expect(keysOf({ separateDiscussions: 'yes', discussionTopics: 'Aikataulu' })).toEqual([]);
    expect(keysOf({ separateDiscussions: 'no', discussionTopics: 'Aikataulu' })).toContainEqual([
      31,
      'errors.sosdata.notApplicable',
      'answers.discussionTopics',
    ]);
  });

  it('questions 10–15: an estimate after the transition deadline is a warning, and does not block', () => {
    const late = notification({ structuredArchiving: { 'child-welfare': '2025-Q2', elderly: '2024-Q3', disability: 'end-of-transition' } });
    expect(notificationProblems(late)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        question: 13,
        key: 'errors.sosdata.archivingAfterDeadline',
        params: { task: 'child-welfare', deadline: '2025-03' },
      }),
    ]);
    expect(canMarkReady(late)).toBe(true);
  });

  it('questions 2 and 3: the municipalities must belong to the chosen area', () => {
    expect(keysOf({ area: '90', municipalities: ['091'] })).toEqual([]);
    expect(keysOf({ area: '90', municipalities: ['091', '049', '999'] })).toEqual([
      [3, 'errors.sosdata.municipalityOutsideArea', 'answers.municipalities.1'],
      [3, 'errors.sosdata.unknownMunicipality', 'answers.municipalities.2'],
    ]);
    expect(keysOf({ area: '42' })).toContainEqual([2, 'errors.sosdata.unknownArea', 'answers.area']);
  });
});

describe('drafts, ready and sent', () => {
  it('a notification that breaks the rules validates as a draft but cannot be marked ready', () => {
    const draft = notification({ separateDiscussions: undefined, clientSystem: 'other' });
    const validation = validateSosdata(draft);
    expect(validation.schemaProblems).toEqual([]);
    expect(validation.canMarkReady).toBe(false);
    expect(() => markReady(draft)).toThrow(SosdataError);
    try {
      markReady(draft);
    } catch (error) {
      expect((error as SosdataError).key).toBe('errors.sosdata.notReady');
      expect((error as SosdataError).problems.map((problem) => problem.question)).toEqual([30, 6]);
    }
  });

  it('a wrong option is a schema problem that names the field', () => {
    const validation = validateSosdata({ ...notification(), answers: { clientPeriods: { elderly: 'kanta-only' } } });
    expect(validation.notification).toBeUndefined();
    expect(validation.schemaProblems).toEqual([
      expect.objectContaining({ path: ['answers', 'clientPeriods', 'elderly'], key: 'errors.invalidValue' }),
    ]);
  });

  it('marks a ready notification sent with its date, and refuses to send one that is not ready', () => {
    expect(markSent(notification({}, 'ready'), '2022-04-01')).toMatchObject({ status: 'sent', sent: '2022-04-01' });
    expect(() => markSent(notification({ separateDiscussions: undefined }), '2022-04-01')).toThrow(SosdataError);
    expect(() => markReady(markSent(notification(), '2022-04-01'))).toThrow('errors.sosdata.alreadySent');
  });

  it('lists the applicable questions still unanswered', () => {
    expect(unansweredQuestions(notification().answers)).toEqual([
      1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23, 29, 32, 33,
    ]);
  });
});

describe('links to the information-system registers', () => {
  it('knows which registers name a regular disclosure to THL', async () => {
    const { registers } = await loadContent(CONTENT);
    expect(disclosesToThl(registers.get('siuntio-proconsona')!.register)).toBe(true);
    expect(disclosesToThl(registers.get('helsinki-atj')!.register)).toBe(false);
  });

  it('lists the municipality groups that use a register’s system', async () => {
    const notifications = [...(await loadContent(CONTENT)).sosdata.values()].map((entry) => entry.notification);
    expect(groupsUsingRegister(notifications, 'helsinki-atj')).toEqual([
      { id: 'helsinki-2022', organisation: 'helsinki', groupName: undefined, status: 'draft' },
    ]);
    expect(groupsUsingRegister(notifications, 'siuntio-proconsona')).toEqual([]);
  });
});

describe('the readiness overview', () => {
  it('gives service tasks × groups and the 35 services × groups as plain data', async () => {
    const notifications = [...(await loadContent(CONTENT)).sosdata.values()]
      .map((entry) => entry.notification)
      .sort((a, b) => a.id.localeCompare(b.id));
    const matrix = readinessMatrix(notifications);
    expect(matrix.groups.map((group) => [group.id, group.separateDelivery])).toEqual([
      ['example-welfare-area-north', true],
      ['example-welfare-area-south', false],
      ['helsinki-2022', false],
    ]);
    expect(matrix.serviceTasks).toHaveLength(6);
    expect(matrix.serviceTasks.find((row) => row.task === 'disability')!.cells[0]).toEqual({
      clientPeriods: 'kanta-and-separate',
      archiving: '2025-Q4',
      lateArchiving: true,
    });
    expect(matrix.services).toHaveLength(35);
    expect(matrix.services.find((row) => row.service === 'home-care')).toEqual({
      service: 'home-care',
      cells: ['partly', undefined, undefined],
      counts: { mainly: 0, possibly: 0, partly: 1, no: 0 },
    });
  });
});
