import { createHash, randomBytes } from 'node:crypto';
import { getCatalogue } from '../content/catalogue.ts';
import { ATTACHMENT_TYPES, attachmentProblem, attachmentType } from '../domain/attachment.ts';
import { todayInFinland } from '../domain/calendar.ts';
import { config } from '../domain/config.ts';
import {
  EFORM_ACTOR,
  EFORM_FIELDS,
  eformSchema,
  PROOF_MAX_BYTES,
  proofProblem,
  SUBMISSION_LIMITS,
  type EformForm,
} from '../domain/eform.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage, type Localized } from '../domain/localized-text.ts';
import { requestInputFrom, type DataSubjectRequest } from '../domain/request.ts';
import type { Store } from '../store/index.ts';
import { parseForm, typedValues, type FieldError } from './forms.ts';
import { insertRequest, type NewRequest } from './requests.ts';
import { appStore } from './runtime.ts';
import { urls } from '../i18n/routes.ts';
import { citizenIdConfigured, citizenIdentity, forgetIdentification } from './citizen-id.ts';
import { maskHetu } from '../domain/hetu.ts';

export type EformField = keyof EformForm | 'proof';

export interface EformRegister {
  id: string;
  title: Localized;
  /** A sentence or two to tell the register by: its summary, else its purposes' description, as plain text. */
  summary?: Localized;
}

export interface EformOrganisation {
  id: string;
  name: Localized;
  registers: EformRegister[];
}

/** Markdown made plain and short enough to read beside a checkbox: its first paragraph, cut at a word. */
function shortPlain(markdown: string, max = 280): string {
  const paragraph = markdown.split(/\n\s*\n/u)[0] ?? '';
  const plain = paragraph
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/[*_`#>]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (plain.length <= max) return plain;
  return `${plain.slice(0, plain.lastIndexOf(' ', max)).replace(/[,.;:]$/u, '')}…`;
}

/** The published registers to choose from on the form, by organisation, each with its short summary. */
export async function eformChoices(lang: Lang): Promise<EformOrganisation[]> {
  const catalogue = await getCatalogue();
  const organisations = new Map<string, EformOrganisation>();
  for (const { register } of catalogue.registers.values()) {
    if (register.status !== 'published') continue;
    const organisation = catalogue.organisations.get(register.organisation);
    if (!organisation) continue;
    const entry = organisations.get(organisation.id) ?? { id: organisation.id, name: pickLanguage(organisation.name, lang), registers: [] };
    organisations.set(organisation.id, entry);
    const summaryText = register.summary ?? register.purposes?.description;
    const summary = summaryText ? pickLanguage(summaryText, lang) : undefined;
    entry.registers.push({
      id: register.id,
      title: pickLanguage(register.title, lang),
      ...(summary ? { summary: { ...summary, value: shortPlain(summary.value) } } : {}),
    });
  }
  const byName = <T extends { value: string }>(a: T, b: T) => a.value.localeCompare(b.value, lang);
  for (const organisation of organisations.values()) organisation.registers.sort((a, b) => byName(a.title, b.title));
  return [...organisations.values()].sort((a, b) => byName(a.name, b.name));
}

/** A file posted with the form. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ParsedEform {
  input?: { request: Omit<NewRequest, 'received'> & { channel: 'e-service' }; organisation: string; proof?: UploadedFile };
  errors: Partial<Record<EformField, FieldError>>;
  /** What the user typed, to put back into the form (a file cannot be put back: the form asks for it again). */
  values: Partial<Record<keyof EformForm, string>> & { registerList: string[] };
}

/**
 * Reads the e-form, field by field, so every problem shows beside its field in the reader's language with what was
 * typed kept. The registers must be published ones, of one organisation; a representative must send a proof.
 */
export async function parseEform(form: FormData, now = new Date()): Promise<ParsedEform> {
  const { registers = [], ...text } = typedValues(form, ['registers']) as Record<string, string> & { registers?: string[] };
  const values = { ...text, registerList: registers } as ParsedEform['values'];
  const parsed = parseForm(eformSchema(todayInFinland(now)), form, ['registers']);
  const errors: ParsedEform['errors'] = { ...parsed.errors };
  const choices = await eformChoices('fi');
  const organisationOf = new Map(
    choices.flatMap((organisation) => organisation.registers.map((register) => [register.id, organisation.id])),
  );
  if (registers.some((id) => !organisationOf.has(id))) errors.registers ??= { key: 'eform.error.registerUnknown', params: {} };
  const organisations = new Set(registers.map((id) => organisationOf.get(id)));
  if (organisations.size > 1) errors.registers ??= { key: 'eform.error.oneOrganisation', params: {} };
  if (values.organisation && !choices.some((organisation) => organisation.id === values.organisation))
    errors.organisation ??= { key: 'eform.error.organisation', params: {} };
  const file = form.get('proof');
  const proof = file instanceof File && file.size > 0 ? file : undefined;
  const bytes = proof && proof.size <= PROOF_MAX_BYTES ? new Uint8Array(await proof.arrayBuffer()) : undefined;
  if (proof) {
    // The content must be what the name says: a renamed executable is not a scanned power of attorney.
    const problem = proofProblem(proof.name, proof.size) ?? (attachmentProblem(proof.name, bytes!) ? 'eform.error.proofType' : undefined);
    if (problem) errors.proof = { key: problem, params: { max: PROOF_MAX_BYTES / 1024 / 1024 } };
  }
  if (values.representativeName && !proof) errors.proof ??= { key: 'eform.error.proofMissing', params: {} };
  if (!values.representativeName && proof) errors.proof ??= { key: 'eform.error.proofWithoutRepresentative', params: {} };
  if (!parsed.ok || Object.keys(errors).length > 0) return { errors, values };
  const data = parsed.data;
  return {
    errors,
    values,
    input: {
      organisation: data.registers.length ? organisationOf.get(data.registers[0]!)! : data.organisation!,
      request: requestInputFrom(data, 'e-service'),
      ...(proof && bytes ? { proof: { name: proof.name, bytes } } : {}),
    },
  };
}

export const EFORM_FIELD_ORDER: readonly EformField[] = [...EFORM_FIELDS, 'proof'];

/** A refused submission, with the i18n key of its message. */
export class EformError extends Error {
  readonly code: 'eform.error.rateLimited' | 'eform.error.proofType';
  constructor(code: EformError['code']) {
    super(code);
    this.code = code;
  }
}

const HOUR = 60 * 60 * 1000;
/** Limit keys are hashes: the limits table keeps neither an address nor an identity code. */
const limitKey = (kind: 'address' | 'identity', value: string) => `eform:${kind}:${createHash('sha256').update(value).digest('base64url')}`;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** What a strong identification vouches for: the verified person, how and when. */
export interface VerifiedIdentity {
  name: string;
  hetu: string;
  /** The provider that identified them, for the request's record. */
  method: string;
  at: Date;
}

export interface Submitted {
  reference: string;
  /** The secret of the status link: given to the citizen once, stored only as its hash. */
  secret: string;
}

/**
 * Receives a request from the e-form: counted against the limits per address and per identity first, then stored in
 * its organisation's queue as received on the e-service channel, with the proof of authority and the status link's
 * hash, and audited, all in one transaction. A strong identification replaces the typed name and identity code.
 */
export async function submitEform(
  store: Store,
  input: NonNullable<ParsedEform['input']>,
  from: { address: string; identity?: VerifiedIdentity },
  now = new Date(),
): Promise<Submitted> {
  const keys: { key: string; limit: number; windowMs: number }[] = [
    { key: limitKey('address', from.address), limit: SUBMISSION_LIMITS.perAddressPerHour, windowMs: HOUR },
  ];
  if (from.identity)
    keys.push({ key: limitKey('identity', from.identity.hetu), limit: SUBMISSION_LIMITS.perIdentityPerDay, windowMs: 24 * HOUR });
  if (!(await store.eform.takeSubmission(keys, now))) throw new EformError('eform.error.rateLimited');
  const { identity } = from;
  const request: NewRequest = {
    ...input.request,
    received: todayInFinland(now),
    ...(identity ? { requester: { ...input.request.requester, name: identity.name, hetu: identity.hetu } } : {}),
  };
  const secret = randomBytes(32).toString('base64url');
  const saved = await store.transaction(async (repositories) => {
    const created = await insertRequest(
      repositories,
      request,
      input.organisation,
      EFORM_ACTOR,
      now,
      identity ? { method: 'strong-electronic', verifiedBy: identity.method, verifiedAt: identity.at.toISOString() } : undefined,
    );
    if (input.proof) {
      const type = attachmentType(input.proof.name);
      if (!type) throw new EformError('eform.error.proofType');
      await repositories.attachments.add(
        {
          id: crypto.randomUUID(),
          requestId: created.id,
          name: input.proof.name.trim(),
          mediaType: ATTACHMENT_TYPES[type].mediaType,
          size: input.proof.bytes.length,
          sha256: sha256(input.proof.bytes),
          uploadedAt: now.toISOString(),
          uploadedBy: EFORM_ACTOR,
        },
        input.proof.bytes,
      );
    }
    await repositories.eform.addStatusLink(sha256(secret), created.id, now);
    return created;
  });
  await store.eform.removeAttemptsBefore(new Date(now.getTime() - 24 * HOUR));
  return { reference: saved.reference, secret };
}

/** The request a status link opens, or undefined for an unknown secret or a purged request. */
export async function requestBySecret(store: Store, secret: string): Promise<DataSubjectRequest | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/u.test(secret)) return undefined;
  const id = await store.eform.requestIdOf(sha256(secret));
  const request = id ? await store.requests.byId(id) : undefined;
  return request && !request.purgedAt ? request : undefined;
}

export interface EformView {
  choices: EformOrganisation[];
  values: ParsedEform['values'];
  errors: ParsedEform['errors'];
  /** A message for the whole form (the limit was reached), as an i18n key. */
  failure?: string;
  /** How long requests are kept after they are closed, for the form's privacy notice. */
  retentionMonths: number;
  /** With a provider configured: where to identify, and who is identified (the code masked). */
  identification?: { startUrl: string; identified?: { name: string; maskedHetu: string } };
}

/**
 * The e-form page's work: on GET the empty form (with a register chosen when the reader came from its notice), on
 * POST the form parsed and sent, answered with where to go next (the status page, which has the receipt) or the form
 * again with its messages and what was typed.
 */
export async function eformPage(
  lang: Lang,
  url: URL,
  /** The posted form, or undefined for a GET. */
  form: FormData | undefined,
  clientAddress: string,
  /** The citizen's identification cookie, if any. */
  citizenToken: string | undefined,
): Promise<{ redirect: string } | { status: number; view: EformView }> {
  const store = await appStore();
  const choices = await eformChoices(lang);
  const retentionMonths = config().REQUEST_RETENTION_MONTHS;
  const identity = citizenIdConfigured() ? await citizenIdentity(store, citizenToken) : undefined;
  const wanted = url.searchParams.get('register');
  const known = choices.some((organisation) => organisation.registers.some((register) => register.id === wanted));
  const identification = citizenIdConfigured()
    ? {
        startUrl: `/auth/citizen/start?${new URLSearchParams({ lang, ...(known && wanted ? { register: wanted } : {}) })}`,
        ...(identity ? { identified: { name: identity.name, maskedHetu: maskHetu(identity.hetu) } } : {}),
      }
    : undefined;
  const base = { choices, retentionMonths, ...(identification ? { identification } : {}) };
  if (!form)
    return { status: 200, view: { ...base, errors: {}, values: { language: lang, registerList: known && wanted ? [wanted] : [] } } };
  // The verified name stands for the typed one; the identity code is the verified one.
  if (identity) {
    form.set('name', identity.name);
    form.delete('hetu');
  }
  const parsed = await parseEform(form);
  if (citizenIdConfigured() && !identity)
    return { status: 403, view: { ...base, errors: {}, values: parsed.values, failure: 'eform.identify.required' } };
  if (!parsed.input) return { status: 400, view: { ...base, errors: parsed.errors, values: parsed.values } };
  try {
    const sent = await submitEform(store, parsed.input, { address: clientAddress, ...(identity ? { identity } : {}) });
    if (identity) await forgetIdentification(store, citizenToken);
    return { redirect: urls.requestStatus(lang, sent.secret) };
  } catch (error) {
    if (!(error instanceof EformError)) throw error;
    return {
      status: error.code === 'eform.error.rateLimited' ? 429 : 400,
      view: { ...base, errors: {}, values: parsed.values, failure: error.code },
    };
  }
}
