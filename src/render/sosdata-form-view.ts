import type { TFunction } from 'i18next';
import { AREAS, findMunicipality, municipalitiesOf } from '../domain/area.ts';
import type { Lang } from '../domain/language.ts';
import { CLIENT_SYSTEMS } from '../domain/register.ts';
import type { SosdataAnswers } from '../domain/sosdata.ts';
import {
  ARCHIVING_ESTIMATES,
  DECISION_INFORMATION,
  PICKING_METHODS,
  SECTIONS,
  SERVICE_TASK_IDS,
  SERVICE_TASKS,
  SOCIAL_SERVICES,
  type QuestionNumber,
} from '../domain/sosdata-form.ts';
import { isAnswered, questionApplies } from '../domain/sosdata-rules.ts';
import {
  ARCHIVING_LABELS,
  ARCHIVING_LEAD,
  choiceOptions,
  CONTACT_FIELDS,
  OTHER_SYSTEM_LABEL,
  partLabel,
  QUESTIONS,
  SECTION_TITLES,
  SEPARATE_DELIVERY_HEADING,
  type ChoiceField,
  type FormText,
  type PartField,
} from '../domain/sosdata-texts.ts';

export interface SosdataOption {
  value: string;
  label: string;
}

/** One control of the form. Its name is the form field that answersFromForm reads back. */
export type SosdataControl =
  | { kind: 'select'; name: string; label: string; options: SosdataOption[]; value?: string }
  | { kind: 'text'; name: string; label: string; value?: string; rows?: number; type?: 'text' | 'email' }
  | { kind: 'checkboxes'; name: string; options: SosdataOption[]; values: string[] };

export interface SosdataFormQuestion {
  number: QuestionNumber;
  /** THL's question text in the page's language, without its number. */
  text: string;
  lead?: string;
  /** True when the question has controls of its own inside a fieldset (several parts), false for one control. */
  grouped: boolean;
  controls: SosdataControl[];
  /** Answered although the answers given make it not apply: shown so the answer can be removed. */
  notApplicable: boolean;
}

export interface SosdataFormSection {
  id: string;
  numeral: string;
  title: string;
  questions: SosdataFormQuestion[];
}

/** A POST that the service refused, as far as the form cares: the button pressed, the reason, and what was typed. */
export interface RefusedPost {
  intent: string;
  error: string;
  values?: Record<string, unknown>;
}

/**
 * The answers the form shows. After a refused save, what was typed: it is kept, and the questions it makes apply
 * are shown (a separate delivery in question 23 shows questions 24–28 at once). The stored answers otherwise: after
 * a refused status change, which carries no answers, and when the notification was sent meanwhile, whose answers
 * can no longer change.
 */
export function answersToShow(stored: SosdataAnswers, refused?: RefusedPost): SosdataAnswers {
  if (refused?.intent !== 'save' || !refused.values || refused.error === 'errors.sosdata.alreadySent') return stored;
  return refused.values as SosdataAnswers;
}

/**
 * The notification as an HTML form, section by section with THL's numbering. A question is shown when it applies
 * to the answers given (decided on the server, so the form works without JavaScript) or when it still has an
 * answer that no longer applies. Texts are THL's (sv) or Seloste's translations (fi, en).
 */
export function buildSosdataForm(answers: SosdataAnswers, lang: Lang, t: TFunction): SosdataFormSection[] {
  const say = (text: FormText) => text[lang];
  const select = (name: string, label: string, choices: SosdataOption[], value: string | undefined): SosdataControl => ({
    kind: 'select',
    name,
    label,
    options: choices,
    value,
  });
  const text = (name: string, label: string, value: string | undefined, rows = 3): SosdataControl => ({
    kind: 'text',
    name,
    label,
    value,
    rows: rows || undefined,
  });
  const archivingOptions = ARCHIVING_ESTIMATES.map((estimate) => ({
    value: estimate,
    label:
      estimate === 'end-of-transition'
        ? say(ARCHIVING_LABELS['end-of-transition'])
        : `${say(ARCHIVING_LABELS.quarter)} ${estimate.replace('-Q', '/Q')}`,
  }));
  // A single-choice answer, and a question answered part by part with one choice per part.
  const chosen = (field: Exclude<ChoiceField, PartField>, label: string) =>
    select(field, label, choiceOptions(field, lang), answers[field] as string | undefined);
  const parted = (field: ChoiceField & PartField, parts: readonly string[]) => ({
    grouped: true,
    controls: parts.map((part) =>
      select(
        `${field}.${part}`,
        partLabel(field, part, lang),
        choiceOptions(field, lang),
        (answers[field] as Record<string, string> | undefined)?.[part],
      ),
    ),
  });
  const placeName = (name: { fi: string; sv: string }) => (lang === 'sv' ? name.sv : name.fi);

  function controlsOf(number: QuestionNumber, label: string): { grouped: boolean; controls: SosdataControl[] } {
    const one = (control: SosdataControl) => ({ grouped: false, controls: [control] });
    switch (number) {
      case 1:
        return {
          grouped: true,
          controls: [
            { kind: 'text', name: 'contact.name', label: say(CONTACT_FIELDS.name), value: answers.contact?.name },
            { kind: 'text', name: 'contact.email', label: say(CONTACT_FIELDS.email), value: answers.contact?.email, type: 'email' },
          ],
        };
      case 2:
        return one(
          select(
            'area',
            label,
            AREAS.map((area) => ({ value: area.code, label: `${placeName(area.name)} (${area.code})` })),
            answers.area,
          ),
        );
      case 3: {
        const inArea = answers.area ? municipalitiesOf(answers.area).map((municipality) => municipality.code) : [];
        const codes = [...new Set([...inArea, ...(answers.municipalities ?? [])])];
        return {
          grouped: true,
          controls: [
            {
              kind: 'checkboxes',
              name: 'municipalities',
              options: codes.map((code) => {
                const municipality = findMunicipality(code);
                return { value: code, label: municipality ? `${placeName(municipality.name)} (${code})` : code };
              }),
              values: answers.municipalities ?? [],
            },
          ],
        };
      }
      case 4:
        return one(text('groupName', label, answers.groupName, 0));
      case 5:
        return one(
          select(
            'clientSystem',
            label,
            CLIENT_SYSTEMS.map((system) => ({
              value: system,
              label: system === 'other' ? say(OTHER_SYSTEM_LABEL) : t(`notice.product.${system}`),
            })),
            answers.clientSystem,
          ),
        );
      case 6:
        return one(text('otherClientSystem', label, answers.otherClientSystem, 0));
      case 7:
        return one(chosen('taskCoverage', label));
      case 8:
        return one(text('exceptions', label, answers.exceptions));
      case 9:
        return one(text('plannedSystem', label, answers.plannedSystem, 0));
      case 10:
      case 11:
      case 12:
      case 13:
      case 14:
      case 15: {
        const task = SERVICE_TASKS.find((candidate) => candidate.question === number)!;
        return one(select(`structuredArchiving.${task.id}`, label, archivingOptions, answers.structuredArchiving?.[task.id]));
      }
      case 16:
        return one(text('archivingNotes', label, answers.archivingNotes));
      case 17:
        return parted('clientPeriods', SERVICE_TASK_IDS);
      case 18:
        return one(chosen('retroactiveStartDates', label));
      case 19:
        return one(text('clientPeriodNotes', label, answers.clientPeriodNotes));
      case 20:
        return one(chosen('childWelfare', label));
      case 21:
        return one(chosen('childWelfareRetroactive', label));
      case 22:
        return one(text('childWelfareNotes', label, answers.childWelfareNotes));
      case 23:
        return one(chosen('mainDelivery', label));
      case 24:
        return parted('decisionPicking', DECISION_INFORMATION);
      case 25:
        return one(text('decisionNotes', label, answers.decisionNotes));
      case 26:
        return parted('pickingMethods', PICKING_METHODS);
      case 27:
        return one(text('otherPickingMethod', label, answers.otherPickingMethod));
      case 28:
        return parted('services', SOCIAL_SERVICES);
      case 29:
        return one(text('serviceNotes', label, answers.serviceNotes));
      case 30:
        return one(chosen('separateDiscussions', label));
      case 31:
        return one(text('discussionTopics', label, answers.discussionTopics));
      case 32:
        return one(chosen('areaCapability', label));
      case 33:
        return one(text('feedback', label, answers.feedback));
    }
  }

  return SECTIONS.map((section) => ({
    id: section.id,
    numeral: section.numeral,
    title: say(SECTION_TITLES[section.id]),
    questions: section.questions
      .filter((number) => questionApplies(number, answers) || isAnswered(number, answers))
      .map((number) => {
        const label = `${number}. ${say(QUESTIONS[number])}`;
        return {
          number,
          text: say(QUESTIONS[number]),
          lead: number === 10 ? say(ARCHIVING_LEAD) : number === 24 ? say(SEPARATE_DELIVERY_HEADING) : undefined,
          notApplicable: !questionApplies(number, answers),
          ...controlsOf(number, label),
        };
      }),
  }));
}
