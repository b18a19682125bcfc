import { describe, expect, it } from 'vitest';
import type { SosdataAnswers } from '../../../src/domain/sosdata.ts';
import { tFor } from '../../../src/i18n/index.ts';
import { answersToShow, buildSosdataForm } from '../../../src/render/sosdata-form-view.ts';
import { notification } from './fixtures.ts';

/** The question numbers the form shows for these answers. */
function shown(answers: Partial<SosdataAnswers>): number[] {
  return buildSosdataForm(notification(answers).answers, 'sv', tFor('sv')).flatMap((section) =>
    section.questions.map((question) => question.number),
  );
}

describe('the notification form in the browser', () => {
  it('shows the six sections with THL’s numerals and every question that always applies', () => {
    const sections = buildSosdataForm(notification().answers, 'sv', tFor('sv'));
    expect(sections.map((section) => `${section.numeral} ${section.title}`)).toEqual([
      'I Meddelande om leveranssätt',
      'II Datasystem som är i bruk',
      'III Uppgifter om klientrelationsperioder per serviceuppgift',
      'IV Klientrelation enligt barnskyddslagen',
      'V Lämnande av uppgifter om socialservice',
      'VI Behov av separata diskussioner',
    ]);
    expect(shown({})).toEqual([1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 29, 30, 32, 33]);
  });

  it('shows question 6 only after "Annat" in question 5', () => {
    expect(shown({ clientSystem: 'lifecare' })).not.toContain(6);
    expect(shown({ clientSystem: 'other' })).toContain(6);
  });

  it('shows question 8 only after an exception in question 7', () => {
    expect(shown({ taskCoverage: 'yes' })).not.toContain(8);
    expect(shown({ taskCoverage: 'no' })).toContain(8);
    expect(shown({ taskCoverage: 'yes-except-elderly-home-care' })).toContain(8);
  });

  it('shows questions 24–28 only to actors with a separate delivery, and 27 only when another way of picking is used', () => {
    expect(shown({ mainDelivery: 'kanta-structured' }).filter((number) => number >= 24 && number <= 28)).toEqual([]);
    expect(shown({ mainDelivery: 'separate' }).filter((number) => number >= 24 && number <= 28)).toEqual([24, 25, 26, 28]);
    expect(shown({ mainDelivery: 'separate', pickingMethods: { other: 'used' } })).toContain(27);
  });

  it('shows question 31 only after a "Ja" in question 30', () => {
    expect(shown({ separateDiscussions: 'no' })).not.toContain(31);
    expect(shown({ separateDiscussions: 'yes' })).toContain(31);
  });

  it('still shows an answer that no longer applies, flagged, so that it can be removed', () => {
    const sections = buildSosdataForm(notification({ mainDelivery: 'kanta-structured', decisionNotes: 'Kvar' }).answers, 'sv', tFor('sv'));
    const question = sections.flatMap((section) => section.questions).find((candidate) => candidate.number === 25);
    expect(question).toMatchObject({ notApplicable: true, controls: [{ kind: 'text', name: 'decisionNotes', value: 'Kvar' }] });
  });

  it('names each control as the form field the service reads back, with the 35 social services in question 28', () => {
    const sections = buildSosdataForm(notification({ mainDelivery: 'separate' }).answers, 'sv', tFor('sv'));
    const q28 = sections.flatMap((section) => section.questions).find((question) => question.number === 28)!;
    expect(q28.controls).toHaveLength(35);
    expect(q28.controls[7]).toMatchObject({ kind: 'select', name: 'services.home-help', label: 'Hemservice' });
    const q17 = sections.flatMap((section) => section.questions).find((question) => question.number === 17)!;
    expect(q17.controls.map((control) => control.name)).toEqual([
      'clientPeriods.elderly',
      'clientPeriods.working-age',
      'clientPeriods.families-with-children',
      'clientPeriods.child-welfare',
      'clientPeriods.disability',
      'clientPeriods.substance-abuse',
    ]);
  });
});

describe('the answers the form shows after a POST', () => {
  const stored = notification({ groupName: 'Eteläinen kuntaryhmä (esimerkki)', mainDelivery: 'kanta-structured' }).answers;
  const typed = { groupName: 'Södra kommungruppen', mainDelivery: 'separate', contact: { email: 'inte en adress' } };

  it('keeps what was typed in a refused save, with the questions it makes apply', () => {
    const answers = answersToShow(stored, { intent: 'save', error: 'sosdataStaff.invalid', values: typed });
    expect(answers).toEqual(typed);
    const numbers = buildSosdataForm(answers, 'sv', tFor('sv')).flatMap((section) => section.questions.map((question) => question.number));
    expect(numbers.filter((number) => number >= 24 && number <= 28)).toEqual([24, 25, 26, 28]);
  });

  it('shows the stored answers when the notification was sent meanwhile', () => {
    expect(answersToShow(stored, { intent: 'save', error: 'errors.sosdata.alreadySent', values: typed })).toBe(stored);
  });

  it('shows the stored answers after a refused status change, whose typed date is no answer', () => {
    expect(answersToShow(stored, { intent: 'sent', error: 'sosdataStaff.sentDateInvalid', values: { sent: '2026-02-31' } })).toBe(stored);
    expect(answersToShow(stored)).toBe(stored);
  });
});
