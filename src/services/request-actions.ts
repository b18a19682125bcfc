import * as z from 'zod';
import { contactNameSchema, answerNoteSchema } from '../domain/data-request.ts';
import { isRealIsoDate } from '../domain/date.ts';
import { emailAddressSchema } from '../domain/email.ts';
import type { Lang } from '../domain/language.ts';
import {
  extensionReasonSchema,
  internalNoteSchema,
  noteSchema,
  recipientsSchema,
  signerNameSchema,
  signerTitleSchema,
  withheldDescriptionSchema,
  IDENTITY_METHODS,
  LETTER_KINDS,
  OUTCOMES,
  REFUSAL_GROUNDS,
  REQUEST_STATUSES,
  WITHHOLDING_GROUNDS,
  type DataSubjectRequest,
  type RequestStatus,
} from '../domain/request.ts';
import type { Actor } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { answerDataRequest, cancelDataRequest, createDataRequest, sendDataRequest } from './data-requests.ts';
import { approveLetter, editLetter, prepareLetter, sendLetter, type LetterKind } from './letters.ts';
import { addNote, attachFile, chooseReplyRegisters, removeAttachment, withhold } from './request-work.ts';
import { assign, decide, extend, RequestError, revealHetu, transition, verifyIdentity } from './requests.ts';

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

/** The names of the fields an action form posts, which the page puts back when the action is refused. */
export const ACTION_FIELDS = [
  'note',
  'internalNote',
  'reason',
  'toldOn',
  'recipients',
  'text',
  'signerName',
  'signerTitle',
  'description',
  'contactName',
  'contactEmail',
  'due',
  'answer',
] as const;

/**
 * Carries out one action posted from a request's page (`intent` names it), checking every field. Throws RequestError
 * with an i18n key when the input or the state machine refuses it. `lang` is the language the handler works in (a
 * data request to a register owner is written in it).
 */
export async function applyRequestAction(
  store: Store,
  request: DataSubjectRequest,
  form: FormData,
  actor: Actor,
  lang: Lang,
): Promise<{ request?: DataSubjectRequest; revealed?: string; flash?: string }> {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
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
    case 'note':
      return { request: await addNote(store, id, checked(internalNoteSchema, field('internalNote')), actor) };
    case 'reply-registers':
      return { request: await chooseReplyRegisters(store, id, form.getAll('registers').map(String), actor) };
    case 'withhold': {
      const ground = field('ground');
      if (!oneOf(WITHHOLDING_GROUNDS, ground)) throw new RequestError('staff.requests.error.withholdingGround');
      return {
        request: await withhold(store, id, { description: checked(withheldDescriptionSchema, field('description')), ground }, actor),
      };
    }
    case 'attach': {
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0) throw new RequestError('attachment.empty');
      await attachFile(store, id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, actor);
      return { flash: 'attached' };
    }
    case 'remove-attachment':
      return { request: await removeAttachment(store, id, field('attachment'), actor) };
    case 'prepare-letter': {
      const kind = field('kind');
      if (!oneOf(LETTER_KINDS, kind)) throw new RequestError('account.intent.invalid');
      const signer = { name: checked(signerNameSchema, field('signerName')), title: checked(signerTitleSchema, field('signerTitle')) };
      return { request: await prepareLetter(store, id, kind as LetterKind, signer, actor) };
    }
    case 'edit-letter':
      return { request: await editLetter(store, id, String(form.get('text') ?? ''), actor) };
    case 'approve-letter':
      return { request: await approveLetter(store, id, field('seen'), actor) };
    case 'send-letter':
      return { request: await sendLetter(store, id, field('seen'), actor) };
    case 'data-request': {
      const due = field('due');
      if (!isRealIsoDate(due)) throw new RequestError('errors.date.invalid');
      const contact = {
        name: checked(contactNameSchema, field('contactName')),
        ...(field('contactEmail') ? { email: checked(emailAddressSchema, field('contactEmail')) } : {}),
      };
      return { request: await createDataRequest(store, id, { register: field('register'), contact, due, lang }, actor) };
    }
    case 'send-data-request': {
      const channel = field('channel');
      if (channel !== 'email' && channel !== 'manual') throw new RequestError('account.intent.invalid');
      await sendDataRequest(store, field('dataRequest'), channel, actor, lang);
      return { flash: channel === 'email' ? 'dataRequestMailed' : 'dataRequestManual' };
    }
    case 'answer-data-request':
      await answerDataRequest(store, field('dataRequest'), field('answer') ? checked(answerNoteSchema, field('answer')) : undefined, actor);
      return {};
    case 'cancel-data-request':
      await cancelDataRequest(store, field('dataRequest'), actor);
      return {};
    default:
      throw new RequestError('account.intent.invalid');
  }
}
