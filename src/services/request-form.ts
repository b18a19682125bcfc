import { todayInFinland } from '../domain/calendar.ts';
import { validateHetu } from '../domain/hetu.ts';
import { INTAKE_FIELDS, intakeSchema, requestInputFrom, type IntakeForm } from '../domain/request.ts';
import { parseForm, typedValues, type FieldError } from './forms.ts';
import type { NewRequest } from './requests.ts';

export const REQUEST_FIELDS = INTAKE_FIELDS;
export type RequestField = keyof IntakeForm;

export interface ParsedRequestForm {
  input?: NewRequest;
  /** A message per field that is wrong. */
  errors: Partial<Record<RequestField, FieldError>>;
  /** What the user typed, exactly, to put back into the form. */
  values: Partial<Record<RequestField, string>> & { registerList: string[] };
  /** A temporary identity code (individual number 900–999): accepted, but worth a second look. */
  temporaryHetu: boolean;
}

/**
 * Reads the new-request form with the domain's intake schema, field by field, so every problem can be shown beside
 * its field in the user's language, with what was typed kept. A register the user may not choose is refused.
 */
export function parseRequestForm(form: FormData, knownRegisters: ReadonlySet<string>, now = new Date()): ParsedRequestForm {
  const typed = typedValues(form, ['registers']);
  const { registers = [], ...text } = typed as Record<string, string> & { registers?: string[] };
  const values = { ...text, registerList: registers } as ParsedRequestForm['values'];
  const parsed = parseForm(intakeSchema(todayInFinland(now)), form, ['registers']);
  const errors: ParsedRequestForm['errors'] = { ...parsed.errors };
  if (registers.some((id) => !knownRegisters.has(id))) errors.registers ??= { key: 'request.register.unknown', params: {} };
  const hetu = values.hetu ? validateHetu(values.hetu) : undefined;
  const temporaryHetu = Boolean(hetu?.valid && hetu.temporary);
  if (!parsed.ok || Object.keys(errors).length > 0) return { errors, values, temporaryHetu };
  const data: IntakeForm = parsed.data;
  return {
    errors,
    values,
    temporaryHetu,
    input: {
      ...requestInputFrom(data, data.channel),
      received: data.received,
      ...(data.caseNumber ? { caseNumber: data.caseNumber } : {}),
      ...typeDetails(data),
    },
  };
}

/** The fields of the request's own type, in the shape the request stores them. */
function typeDetails(data: IntakeForm): Pick<NewRequest, 'logData' | 'misuse' | 'ombudsman'> {
  switch (data.type) {
    case 'log-data':
      return {
        logData: {
          from: data.logFrom!,
          to: data.logTo!,
          services: data.logServices!,
          ...(data.logReason ? { specialReason: data.logReason } : {}),
          ...(data.minor ? { minor: { decidesAlone: data.minorDecidesAlone === 'yes', assessment: data.minorAssessment! } } : {}),
        },
      };
    case 'misuse-investigation':
      return {
        misuse: {
          suspicion: data.misuseSuspicion!,
          ...(data.misuseWhen ? { when: data.misuseWhen } : {}),
          ...(data.misuseSuspectedUser ? { suspectedUser: data.misuseSuspectedUser } : {}),
        },
      };
    case 'ombudsman-inquiry':
      return {
        ombudsman: {
          earlierReference: data.earlierReference!,
          ombudsmanReference: data.ombudsmanReference!,
          letterDate: data.ombudsmanLetterDate!,
          due: data.ombudsmanDue!,
        },
      };
    default:
      return {};
  }
}
