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

  it('refuses registers that are not in the catalogue, and keeps them in what was typed', () => {
    const parsed = parseRequestForm(form({ ...valid, registers: ['atlantis'] }), known);
    expect(parsed.errors.registers?.key).toBe('request.register.unknown');
    expect(parsed.values.registerList).toEqual(['atlantis']);
  });

  it('never cuts what was typed short: a long name is refused with its limit, and kept whole', () => {
    const parsed = parseRequestForm(form({ ...valid, name: 'N'.repeat(250) }), known);
    expect(parsed.errors.name).toEqual({ key: 'errors.form.tooLong', params: { max: 200, value: 'N'.repeat(250) } });
    expect(parsed.values.name).toHaveLength(250);
  });
});
