import { isRealIsoDate } from '../domain/date.ts';
import { REQUEST_TYPES } from '../domain/deadline.ts';
import { validateHetu } from '../domain/hetu.ts';
import { isLang } from '../domain/language.ts';
import { CHANNELS } from '../domain/request.ts';
import type { NewRequest } from './requests.ts';

export const REQUEST_FIELDS = [
  'type',
  'received',
  'channel',
  'name',
  'hetu',
  'email',
  'phone',
  'language',
  'representativeName',
  'representativeBasis',
  'registers',
  'details',
  'caseNumber',
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

export interface ParsedRequestForm {
  input?: NewRequest;
  /** An i18n key per field that is wrong. */
  errors: Partial<Record<RequestField, string>>;
  /** What the user typed, to put back into the form. */
  values: Record<RequestField, string> & { registerList: string[] };
  /** A temporary identity code (individual number 900–999): accepted, but worth a second look. */
  temporaryHetu: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** Reads the new-request form, field by field, so every problem can be shown beside its field in the user's language. */
export function parseRequestForm(form: FormData, knownRegisters: ReadonlySet<string>): ParsedRequestForm {
  const text = (name: string, max = 500) =>
    String(form.get(name) ?? '')
      .trim()
      .slice(0, max);
  const values = {
    type: text('type'),
    received: text('received'),
    channel: text('channel'),
    name: text('name', 200),
    hetu: text('hetu', 20).toUpperCase(),
    email: text('email', 200),
    phone: text('phone', 40),
    language: text('language'),
    representativeName: text('representativeName', 200),
    representativeBasis: text('representativeBasis', 500),
    registers: '',
    details: text('details', 5000),
    caseNumber: text('caseNumber', 100),
    registerList: form
      .getAll('registers')
      .map(String)
      .filter((id) => knownRegisters.has(id)),
  };
  const errors: ParsedRequestForm['errors'] = {};
  if (!(REQUEST_TYPES as readonly string[]).includes(values.type)) errors.type = 'staff.requests.error.type';
  if (!isRealIsoDate(values.received)) errors.received = 'errors.date.invalid';
  if (!(CHANNELS as readonly string[]).includes(values.channel)) errors.channel = 'staff.requests.error.channel';
  if (!values.name) errors.name = 'errors.required';
  const hetu = values.hetu ? validateHetu(values.hetu) : undefined;
  if (hetu && !hetu.valid) errors.hetu = 'errors.hetu.invalid';
  if (values.email && !EMAIL.test(values.email)) errors.email = 'errors.email.invalid';
  if (!isLang(values.language)) errors.language = 'staff.requests.error.language';
  if (values.registerList.length === 0) errors.registers = 'staff.requests.error.registers';
  if (values.representativeName && !values.representativeBasis) errors.representativeBasis = 'staff.requests.error.representativeBasis';
  const valid = Object.keys(errors).length === 0;
  return {
    errors,
    values,
    temporaryHetu: Boolean(hetu?.valid && hetu.temporary),
    input: valid
      ? {
          type: values.type as NewRequest['type'],
          received: values.received,
          channel: values.channel as NewRequest['channel'],
          requester: {
            name: values.name,
            ...(values.hetu ? { hetu: values.hetu } : {}),
            ...(values.email ? { email: values.email } : {}),
            ...(values.phone ? { phone: values.phone } : {}),
            language: values.language as NewRequest['requester']['language'],
          },
          ...(values.representativeName ? { representative: { name: values.representativeName, basis: values.representativeBasis } } : {}),
          registers: values.registerList,
          ...(values.details ? { details: values.details } : {}),
          ...(values.caseNumber ? { caseNumber: values.caseNumber } : {}),
        }
      : undefined,
  };
}
