import type { LoadedContent } from '../content/load.ts';
import { isRealIsoDate } from '../domain/date.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage } from '../domain/localized-text.ts';
import type * as z from 'zod';
import {
  extensionReasonSchema,
  noteSchema,
  recipientsSchema,
  IDENTITY_METHODS,
  LETTER_KINDS,
  OUTCOMES,
  REFUSAL_GROUNDS,
  REQUEST_STATUSES,
  type DataSubjectRequest,
  type RequestStatus,
} from '../domain/request.ts';
import type { Actor } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { createLetter, type LetterKind } from './letters.ts';
import { assign, decide, extend, RequestError, revealHetu, transition, verifyIdentity } from './requests.ts';

/** What a letter needs from the catalogue: the organisation's name and the registers' titles, in the letter's language. */
export function letterContextFor(catalogue: LoadedContent, request: Pick<DataSubjectRequest, 'registers'>) {
  const organisationId = request.registers.map((id) => catalogue.registers.get(id)?.register.organisation).find(Boolean);
  const organisation = organisationId ? catalogue.organisations.get(organisationId) : undefined;
  return {
    organisation: (lang: Lang) => (organisation ? pickLanguage(organisation.name, lang).value : ''),
    registerTitle: (id: string, lang: Lang) => {
      const entry = catalogue.registers.get(id);
      return entry ? pickLanguage(entry.register.title, lang).value : id;
    },
  };
}

const oneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

/** A typed field checked with its domain schema; a refusal names the limit, and the page keeps what was typed. */
function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new RequestError(issue.message.includes('.') ? issue.message : 'errors.form.invalid', {
    ...(issue.code === 'too_big' ? { max: Number(issue.maximum) } : {}),
  });
}

/**
 * Carries out one action posted from a request's page (`intent` names it), checking every field. Throws RequestError
 * with an i18n key when the input or the state machine refuses it.
 */
export async function applyRequestAction(
  store: Store,
  request: DataSubjectRequest,
  form: FormData,
  actor: Actor,
  catalogue: LoadedContent,
): Promise<{ request: DataSubjectRequest; revealed?: string }> {
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const id = request.id;
  switch (field('intent')) {
    case 'transition': {
      const to = field('to');
      if (!oneOf(REQUEST_STATUSES, to)) throw new RequestError('request.transition.forbidden');
      const note = field('note') ? checked(noteSchema, field('note')) : undefined;
      return { request: await transition(store, id, to as RequestStatus, actor, note) };
    }
    case 'verify': {
      const method = field('method');
      if (!oneOf(IDENTITY_METHODS, method)) throw new RequestError('staff.requests.error.method');
      return { request: await verifyIdentity(store, id, method, actor) };
    }
    case 'extend': {
      const toldOn = field('toldOn');
      if (!isRealIsoDate(toldOn)) throw new RequestError('errors.date.invalid');
      return { request: await extend(store, id, checked(extensionReasonSchema, field('reason')), toldOn, actor) };
    }
    case 'decide': {
      const outcome = field('outcome');
      if (!oneOf(OUTCOMES, outcome)) throw new RequestError('staff.requests.error.outcome');
      const refusalGrounds = form
        .getAll('grounds')
        .map(String)
        .filter((ground) => oneOf(REFUSAL_GROUNDS, ground));
      const recipientsNotified = checked(
        recipientsSchema,
        field('recipients')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      );
      return { request: await decide(store, id, { outcome, refusalGrounds, recipientsNotified }, actor) };
    }
    case 'assign':
      return { request: await assign(store, id, field('assignee'), actor) };
    case 'reveal':
      return { request, revealed: await revealHetu(store, id, actor) };
    case 'letter': {
      const kind = field('kind');
      if (!oneOf(LETTER_KINDS, kind)) throw new RequestError('account.intent.invalid');
      return { request: await createLetter(store, id, kind as LetterKind, actor, letterContextFor(catalogue, request)) };
    }
    default:
      throw new RequestError('account.intent.invalid');
  }
}
