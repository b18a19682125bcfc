import type { TFunction } from 'i18next';
import { findArea, findMunicipality } from '../domain/area.ts';
import type { Lang } from '../domain/language.ts';
import type { SosdataAnswers, SosdataNotification } from '../domain/sosdata.ts';
import {
  DECISION_INFORMATION,
  PICKING_METHODS,
  SECTIONS,
  SEPARATE_DELIVERY_QUESTIONS,
  SERVICE_TASK_IDS,
  SERVICE_TASKS,
  SOCIAL_SERVICES,
  type QuestionNumber,
} from '../domain/sosdata-form.ts';
import { hasSeparateDelivery, isAnswered, questionApplies } from '../domain/sosdata-rules.ts';
import {
  ARCHIVING_LABELS,
  ARCHIVING_LEAD,
  choiceLabel,
  CONTACT_FIELDS,
  FORM_TITLE,
  OTHER_SYSTEM_LABEL,
  partLabel,
  QUESTIONS,
  SECTION_TITLES,
  SEPARATE_DELIVERY_HEADING,
  type ChoiceField,
  type FormText,
  type PartField,
} from '../domain/sosdata-texts.ts';

/** One answer line: an optional part (a service task, a social service, a decision kind), the answer and its code. */
export interface SosdataAnswerRow {
  part?: string;
  /** The part's stable id, for CSV and JSON. */
  partCode?: string;
  value: string;
  /** The answer's stable code (an option id, a municipality code), for CSV and JSON; free text has none. */
  code?: string;
}

export interface SosdataQuestionView {
  number: QuestionNumber;
  /** THL's question text in the view's language. */
  text: string;
  /** Printed above the question, e.g. the lead-in of questions 10–15 or the separate-delivery heading. */
  lead?: string;
  answered: boolean;
  rows: SosdataAnswerRow[];
}

export interface SosdataView {
  id: string;
  lang: Lang;
  title: string;
  areaName?: string;
  groupName?: string;
  sections: { id: string; numeral: string; title: string; questions: SosdataQuestionView[]; note?: string }[];
}

/**
 * The notification as THL's numbered questions in one language, with only the questions that apply to the answers
 * given. The PDF, the CSV and the JSON export are all made from it, so they cannot disagree.
 */
export function buildSosdataView(notification: SosdataNotification, lang: Lang, t: TFunction): SosdataView {
  const { answers } = notification;
  const say = (text: FormText) => text[lang];
  const area = answers.area ? findArea(answers.area) : undefined;
  const sections = SECTIONS.map((section) => {
    const questions = section.questions
      .filter((number) => questionApplies(number, answers))
      .map((number): SosdataQuestionView => {
        const rows = answerRows(number, answers, lang, t);
        return {
          number,
          text: say(QUESTIONS[number]),
          lead: leadOf(number, lang),
          answered: isAnswered(number, answers),
          rows: rows.length > 0 ? rows : [{ value: t('sosdata.unanswered') }],
        };
      });
    const omitted = section.id === 'social-services' && answers.mainDelivery !== undefined && !hasSeparateDelivery(answers);
    return {
      id: section.id,
      numeral: section.numeral,
      title: say(SECTION_TITLES[section.id]),
      questions,
      note: omitted ? t('sosdata.separateDeliveryOmitted') : undefined,
    };
  });
  return {
    id: notification.id,
    lang,
    title: say(FORM_TITLE),
    areaName: area ? area.name[lang === 'sv' ? 'sv' : 'fi'] : answers.area,
    groupName: answers.groupName,
    sections,
  };
}

function leadOf(number: QuestionNumber, lang: Lang): string | undefined {
  if (number === 10) return ARCHIVING_LEAD[lang];
  if (number === SEPARATE_DELIVERY_QUESTIONS[0] || number === 26 || number === 28) return SEPARATE_DELIVERY_HEADING[lang];
  return undefined;
}

function answerRows(number: QuestionNumber, answers: SosdataAnswers, lang: Lang, t: TFunction): SosdataAnswerRow[] {
  const label = (text: FormText, code: string): SosdataAnswerRow => ({ value: text[lang], code });
  // A single-choice answer, and a question answered part by part with one choice per part.
  const chosen = (field: Exclude<ChoiceField, PartField>): SosdataAnswerRow[] => {
    const code = answers[field];
    return code ? [{ value: choiceLabel(field, code, lang), code }] : [];
  };
  const parted = (field: ChoiceField & PartField, parts: readonly string[]): SosdataAnswerRow[] =>
    parts.flatMap((part) => {
      const code = (answers[field] as Record<string, string> | undefined)?.[part];
      return code ? [{ value: choiceLabel(field, code, lang), code, part: partLabel(field, part, lang), partCode: part }] : [];
    });
  const free = (value: string | undefined): SosdataAnswerRow[] => (value ? [{ value }] : []);
  switch (number) {
    case 1:
      return [
        ...(answers.contact?.name ? [{ part: CONTACT_FIELDS.name[lang], partCode: 'name', value: answers.contact.name }] : []),
        ...(answers.contact?.email ? [{ part: CONTACT_FIELDS.email[lang], partCode: 'email', value: answers.contact.email }] : []),
      ];
    case 2: {
      const area = answers.area ? findArea(answers.area) : undefined;
      return answers.area ? [{ value: area ? area.name[lang === 'sv' ? 'sv' : 'fi'] : answers.area, code: answers.area }] : [];
    }
    case 3:
      return (answers.municipalities ?? []).map((code) => {
        const municipality = findMunicipality(code);
        return { value: municipality ? municipality.name[lang === 'sv' ? 'sv' : 'fi'] : code, code };
      });
    case 4:
      return free(answers.groupName);
    case 5:
      if (!answers.clientSystem) return [];
      return answers.clientSystem === 'other'
        ? [label(OTHER_SYSTEM_LABEL, 'other')]
        : [{ value: t(`notice.product.${answers.clientSystem}`), code: answers.clientSystem }];
    case 6:
      return free(answers.otherClientSystem);
    case 7:
      return chosen('taskCoverage');
    case 8:
      return free(answers.exceptions);
    case 9:
      return free(answers.plannedSystem);
    case 10:
    case 11:
    case 12:
    case 13:
    case 14:
    case 15: {
      const estimate = answers.structuredArchiving?.[SERVICE_TASKS.find((task) => task.question === number)!.id];
      if (!estimate) return [];
      return estimate === 'end-of-transition'
        ? [label(ARCHIVING_LABELS['end-of-transition'], estimate)]
        : [{ value: `${ARCHIVING_LABELS.quarter[lang]} ${estimate.replace('-Q', '/Q')}`, code: estimate }];
    }
    case 16:
      return free(answers.archivingNotes);
    case 17:
      return parted('clientPeriods', SERVICE_TASK_IDS);
    case 18:
      return chosen('retroactiveStartDates');
    case 19:
      return free(answers.clientPeriodNotes);
    case 20:
      return chosen('childWelfare');
    case 21:
      return chosen('childWelfareRetroactive');
    case 22:
      return free(answers.childWelfareNotes);
    case 23:
      return chosen('mainDelivery');
    case 24:
      return parted('decisionPicking', DECISION_INFORMATION);
    case 25:
      return free(answers.decisionNotes);
    case 26:
      return parted('pickingMethods', PICKING_METHODS);
    case 27:
      return free(answers.otherPickingMethod);
    case 28:
      return parted('services', SOCIAL_SERVICES);
    case 29:
      return free(answers.serviceNotes);
    case 30:
      return chosen('separateDiscussions');
    case 31:
      return free(answers.discussionTopics);
    case 32:
      return chosen('areaCapability');
    case 33:
      return free(answers.feedback);
  }
}
