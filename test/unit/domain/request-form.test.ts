import { describe, expect, it } from 'vitest';
import { parseRequestForm } from '../../../src/services/request-form.ts';

const known = new Set(['helsinki-atj']);
function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}
const valid = { type: 'access', received: '2026-11-02', channel: 'post', name: 'Testi Henkilö', language: 'sv', registers: 'helsinki-atj' };

describe('the new-request form', () => {
  it('turns valid input into a request, with a representative when one acts', () => {
    const parsed = parseRequestForm(
      form({ ...valid, representativeName: 'Edunvalvoja Esimerkki', representativeBasis: 'edunvalvontavaltuutus' }),
      known,
    );
    expect(parsed.errors).toEqual({});
    expect(parsed.input).toMatchObject({
      type: 'access',
      channel: 'post',
      requester: { name: 'Testi Henkilö', language: 'sv' },
      representative: { name: 'Edunvalvoja Esimerkki', basis: 'edunvalvontavaltuutus' },
      registers: ['helsinki-atj'],
    });
  });

  it('names each wrong field and keeps what was typed', () => {
    const parsed = parseRequestForm(
      form({
        type: 'complaint',
        received: '2026-02-30',
        channel: 'post',
        name: '',
        hetu: '131052-308U',
        email: 'not-an-address',
        language: 'de',
        representativeName: 'Joku',
      }),
      known,
    );
    expect(parsed.input).toBeUndefined();
    expect(Object.fromEntries(Object.entries(parsed.errors).map(([field, error]) => [field, error.key]))).toEqual({
      type: 'staff.requests.error.type',
      received: 'errors.date.invalid',
      name: 'errors.required',
      hetu: 'errors.hetu.invalid',
      email: 'errors.form.email',
      language: 'staff.requests.error.language',
      // The whole-form rules are told at once with the rest, not only after the other fields are right.
      registers: 'staff.requests.error.registers',
      representativeBasis: 'staff.requests.error.representativeBasis',
    });
    expect(parsed.errors.email?.params).toMatchObject({ value: 'not-an-address' });
    expect(parsed.values).toMatchObject({ hetu: '131052-308U', email: 'not-an-address', representativeName: 'Joku' });
  });

  it('accepts a temporary identity code and flags it', () => {
    const parsed = parseRequestForm(form({ ...valid, hetu: '010594y9032' }), known);
    expect(parsed.input?.requester.hetu).toBe('010594Y9032');
    expect(parsed.temporaryHetu).toBe(true);
  });

  it('refuses registers that are not in the catalogue, and a request naming none', () => {
    expect(parseRequestForm(form({ ...valid, registers: ['atlantis'] }), known).errors.registers?.key).toBe('request.register.unknown');
    const { registers: _none, ...withoutRegisters } = valid;
    expect(parseRequestForm(form(withoutRegisters), known).errors.registers?.key).toBe('staff.requests.error.registers');
    expect(parseRequestForm(form({ ...valid, representativeName: 'Joku' }), known).errors.representativeBasis?.key).toBe(
      'staff.requests.error.representativeBasis',
    );
  });

  it('asks each new type for its own fields, and refuses another type’s', () => {
    const logData = { ...valid, type: 'log-data', logFrom: '2025-01-01', logTo: '2026-10-31', logServices: 'Perhekeskus' };
    expect(parseRequestForm(form(logData), known).input?.logData).toEqual({
      from: '2025-01-01',
      to: '2026-10-31',
      services: 'Perhekeskus',
    });
    const old = parseRequestForm(form({ ...logData, logFrom: '2023-06-01', minor: 'on' }), known).errors;
    expect(Object.fromEntries(Object.entries(old).map(([field, error]) => [field, error.key]))).toEqual({
      logReason: 'staff.requests.error.logReason',
      minorAssessment: 'errors.required',
      minorDecidesAlone: 'errors.required',
    });
    const minor = parseRequestForm(
      form({ ...logData, minor: 'on', minorDecidesAlone: 'no', minorAssessment: '12-vuotias; huoltaja päättää.' }),
      known,
    );
    expect(minor.input?.logData?.minor).toEqual({ decidesAlone: false, assessment: '12-vuotias; huoltaja päättää.' });
    expect(parseRequestForm(form({ ...valid, logServices: 'Perhekeskus' }), known).errors.logServices?.key).toBe(
      'staff.requests.error.onlyFor.log-data',
    );
    expect(parseRequestForm(form({ ...valid, type: 'misuse-investigation' }), known).errors.misuseSuspicion?.key).toBe('errors.required');
    const inquiry = parseRequestForm(
      form({
        ...valid,
        type: 'ombudsman-inquiry',
        registers: [],
        earlierReference: 'TS-2026-000001',
        ombudsmanReference: 'TSV/123/2026',
        ombudsmanLetterDate: '2026-11-01',
        ombudsmanDue: '2026-11-20',
      }),
      known,
      new Date('2026-11-05T10:00:00Z'),
    );
    expect(inquiry.errors).toEqual({});
    expect(inquiry.input?.ombudsman).toEqual({
      earlierReference: 'TS-2026-000001',
      ombudsmanReference: 'TSV/123/2026',
      letterDate: '2026-11-01',
      due: '2026-11-20',
    });
  });

  it('never cuts what was typed short: a long name is refused with its limit, and kept whole', () => {
    const parsed = parseRequestForm(form({ ...valid, name: 'N'.repeat(250) }), known);
    expect(parsed.errors.name).toEqual({ key: 'errors.form.tooLong', params: { max: 200, value: 'N'.repeat(250) } });
    expect(parsed.values.name).toHaveLength(250);
  });
});
