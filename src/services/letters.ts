import { createHash } from 'node:crypto';
import { EFORM_ACTOR } from '../domain/eform.ts';
import { readJsonTemplate, readTemplate } from '../content/templates.ts';
import { LANG_TAGS, LANGS, type Lang } from '../domain/language.ts';
import { pickLanguage } from '../domain/localized-text.ts';
import type { Organisation } from '../domain/organisation.ts';
import {
  LETTER_KINDS,
  RECIPIENT_TYPES,
  REGISTER_REPLY_TYPES,
  letterTextSchema,
  type DataSubjectRequest,
  type Signer,
} from '../domain/request.ts';
import type { Actor } from '../domain/user.ts';
import { tFor } from '../i18n/index.ts';
import { day } from '../render/deadline-text.ts';
import { literalMarkdown } from '../render/markdown-literal.ts';
import { renderNoticePdf, type LetterFrame } from '../render/pdf/notice-pdf.ts';
import { readAsset } from '../content/assets.ts';
import { pdfLabelsSchema, pdfLayoutSchema } from '../render/pdf/pdf-templates.ts';
import type { Repositories, Store } from '../store/index.ts';
import { getCatalogue } from './catalogue.ts';
import { registerInForce, registerReplySection } from './register-reply.ts';
import { changeRequest, RequestError } from './requests.ts';

export type LetterKind = (typeof LETTER_KINDS)[number];

/** 31.1.2026, as Finnish authorities write dates in letters in every language. */
const letterDay = day;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The organisation a request belongs to, from the catalogue: its letterhead, name and address. */
export async function organisationOf(request: Pick<DataSubjectRequest, 'organisation'>): Promise<Organisation | undefined> {
  return (await getCatalogue()).organisations.get(request.organisation);
}

async function registerTitle(id: string, lang: Lang): Promise<string> {
  const entry = (await getCatalogue()).registers.get(id);
  return entry ? pickLanguage(entry.register.title, lang).value : id;
}

/**
 * The text of a letter in the requester's language, from templates/letters/<kind>.<lang>.md. Whatever a requester or
 * a handler typed goes in as literal text; the registers' own texts (published, markdown) go in as they are.
 */
async function composeLetter(
  request: DataSubjectRequest,
  kind: LetterKind,
  signer: Signer,
  repositories: Repositories,
  today: string,
): Promise<string> {
  const lang = request.requester.language;
  const t = tFor(lang);
  const organisation = await organisationOf(request);
  const organisationName = organisation ? pickLanguage(organisation.name, lang).value : request.organisation;
  const refused = request.outcome === 'refused' || request.outcome === 'partly-granted';
  const list = (intro: string, items: string[]) => (items.length ? [intro, '', ...items.map((item) => `- ${item}`)].join('\n') : '');
  const replyRegisters = request.replyRegisters ?? request.registers;
  const describesRegisters =
    kind === 'decision' && REGISTER_REPLY_TYPES.includes(request.type) && request.outcome !== 'refused' && request.outcome !== 'no-data';
  const sections = describesRegisters
    ? (await Promise.all(replyRegisters.map((id) => registerInForce(repositories, id, today)))).flatMap((inForce) =>
        inForce ? [registerReplySection(inForce, lang, t)] : [],
      )
    : [];
  // The copy of the data goes with the decision; a representative's proof of authority sent on the e-form does not.
  const attachments =
    kind === 'decision'
      ? (await repositories.attachments.forRequest(request.id)).filter((attachment) => attachment.uploadedBy !== EFORM_ACTOR)
      : [];
  const remedies = kind === 'decision' ? await readTemplate(refused ? 'letters/appeal' : 'letters/complaint', lang) : '';
  return readTemplate(`letters/${kind}`, lang, {
    name: literalMarkdown(request.requester.name),
    reference: request.reference,
    type: t(`request.type.${request.type}`),
    received: letterDay(request.received),
    due: letterDay(request.due.date),
    extendedDue: letterDay(request.extension?.due.date ?? request.due.date),
    reason: literalMarkdown(request.extension?.reason ?? ''),
    outcome: request.outcome ? t(`request.outcome.${request.outcome}`) : '',
    grounds: refused
      ? list(
          t('letter.groundsIntro'),
          (request.refusalGrounds ?? []).map((ground) => t(`request.ground.${ground}`)),
        )
      : '',
    withheld: list(
      t('letter.withheldIntro'),
      [...new Set((request.withheld ?? []).map((item) => item.ground))].map((ground) => t(`request.withholding.${ground}`)),
    ),
    recipients: RECIPIENT_TYPES.includes(request.type)
      ? list(t(`letter.recipientsIntro.${request.type}`), (request.recipientsNotified ?? []).map(literalMarkdown))
      : '',
    registerFacts: sections.length ? [t('letter.reply.intro'), ...sections].join('\n\n') : '',
    attachments: list(
      t('letter.attachmentsIntro'),
      attachments.map((attachment) => literalMarkdown(attachment.name)),
    ),
    remedies,
    registers: literalMarkdown((await Promise.all(request.registers.map((id) => registerTitle(id, lang)))).join(', ')),
    organisation: literalMarkdown(organisationName),
    closing: t('letter.closing'),
    signerName: literalMarkdown(signer.name),
    signerTitle: literalMarkdown(signer.title),
  }).then((text) => text.replace(/\n{3,}/gu, '\n\n'));
}

/** Whether a letter of this kind can be written yet. */
function ready(request: DataSubjectRequest, kind: LetterKind): boolean {
  return !((kind === 'extension' && !request.extension) || (kind === 'decision' && !request.outcome));
}

/**
 * Prepares a letter: its final text in the requester's language, signed by the signer given. The handler reads it,
 * may edit it, and records it as sent; nothing is sent until then. A new preparation replaces any earlier draft.
 */
export function prepareLetter(
  store: Store,
  id: string,
  kind: LetterKind,
  signer: Signer,
  actor: Actor,
  now = new Date(),
): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, async (request, repositories) => {
    if (!ready(request, kind)) throw new RequestError('request.letter.notYet');
    const text = await composeLetter(request, kind, signer, repositories, now.toISOString().slice(0, 10));
    request.draft = { kind, lang: request.requester.language, text, signer, preparedBy: actor.username, preparedAt: now.toISOString() };
    return [{ action: 'request.letterPrepared', details: { kind, lang: request.requester.language } }];
  });
}

/** Saves the handler's edit of the draft; an approval given to the earlier text no longer holds. */
export function editLetter(store: Store, id: string, text: string, actor: Actor, now = new Date()): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, (request) => {
    if (!request.draft) throw new RequestError('request.letter.noDraft');
    const checked = letterTextSchema.safeParse(text);
    if (!checked.success)
      throw new RequestError(checked.error.issues[0]!.code === 'too_big' ? 'errors.form.tooLong' : 'errors.required', { max: 20_000 });
    const { approvedBy: _approvedBy, approvedAt: _approvedAt, ...draft } = request.draft;
    request.draft = { ...draft, text: checked.data, preparedBy: actor.username, preparedAt: now.toISOString() };
    return [{ action: 'request.letterPrepared', details: { kind: draft.kind, lang: draft.lang, edited: true } }];
  });
}

/** The draft's text must be the one the handler saw: a form carries its hash, and a changed text is refused. */
function sameDraft(request: DataSubjectRequest, seen: string) {
  if (!request.draft) throw new RequestError('request.letter.noDraft');
  if (sha256(request.draft.text) !== seen) throw new RequestError('request.letter.changed');
  return request.draft;
}

/** Review before sending: a second handler, not the one who wrote the text, approves a decision and its letter. */
export function approveLetter(store: Store, id: string, seen: string, actor: Actor, now = new Date()): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, (request) => {
    const draft = sameDraft(request, seen);
    if (draft.preparedBy === actor.username) throw new RequestError('request.letter.ownApproval');
    request.draft = { ...draft, approvedBy: actor.username, approvedAt: now.toISOString() };
    return [{ action: 'request.letterApproved', details: { kind: draft.kind, sha256: seen } }];
  });
}

/** Whether the organisation requires a second handler's approval before this letter goes out. */
async function needsApproval(repositories: Repositories, request: DataSubjectRequest, kind: LetterKind): Promise<boolean> {
  return kind === 'decision' && (await repositories.settings.get(request.organisation)).reviewBeforeSending;
}

/**
 * Records the draft as sent: the exact text the handler saw, its SHA-256, the signer, who sent it and who approved
 * it. With review before sending on, a decision letter goes only once another handler approved that very text.
 */
export function sendLetter(store: Store, id: string, seen: string, actor: Actor, now = new Date()): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, async (request, repositories) => {
    const draft = sameDraft(request, seen);
    if ((await needsApproval(repositories, request, draft.kind)) && !draft.approvedBy)
      throw new RequestError('request.letter.needsApproval');
    request.letters.push({
      kind: draft.kind,
      lang: draft.lang,
      sentAt: now.toISOString(),
      sha256: seen,
      template: `letters/${draft.kind}`,
      text: draft.text,
      signer: draft.signer,
      sentBy: actor.username,
      ...(draft.approvedBy ? { approvedBy: draft.approvedBy } : {}),
    });
    delete request.draft;
    return [
      {
        action: 'request.letter',
        details: { kind: draft.kind, lang: draft.lang, sha256: seen, ...(draft.approvedBy ? { approvedBy: draft.approvedBy } : {}) },
      },
    ];
  });
}

/** The hash a form carries of the draft it shows. */
export function draftHash(request: Pick<DataSubjectRequest, 'draft'>): string | undefined {
  return request.draft ? sha256(request.draft.text) : undefined;
}

/** The letterhead of a letter in its language: the organisation's name, and the registry office's postal address. */
async function letterhead(organisation: Organisation | undefined, lang: Lang): Promise<LetterFrame['letterhead']> {
  if (!organisation) return { name: '', lines: [] };
  const logo = organisation.logo ? await readAsset(organisation.logo) : undefined;
  const address = organisation.registryOffice?.postalAddress ?? organisation.contact.postalAddress;
  const office = organisation.registryOffice ?? {};
  return {
    name: pickLanguage(organisation.name, lang).value,
    lines: [
      ...(address ? pickLanguage(address, lang).value.split(/\n|,\s*(?=\d{5}\b)/u) : []),
      ...[office.phone, office.email ?? organisation.contact.email].filter((value): value is string => Boolean(value)),
    ],
    ...(logo ? { logo } : {}),
  };
}

/** A sent letter as a tagged PDF in its own language, laid out as a letter, from the text recorded when it was sent. */
export async function letterPdf(
  request: DataSubjectRequest,
  index: number,
  organisation: Organisation | undefined,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const letter = request.letters[index];
  if (!letter) return undefined;
  const t = tFor(letter.lang);
  const [layout, labels] = await Promise.all([
    readJsonTemplate('pdf/layout', pdfLayoutSchema),
    readJsonTemplate(`pdf/${letter.lang}`, pdfLabelsSchema),
  ]);
  const plain = (value: string) => ({ value, lang: letter.lang, isFallback: false });
  const head = await letterhead(organisation, letter.lang);
  return renderNoticePdf(
    {
      id: request.reference,
      lang: letter.lang,
      langTag: LANG_TAGS[letter.lang],
      title: plain(t(`letter.kind.${letter.kind}`)),
      formatName: t(`letter.kind.${letter.kind}`),
      organisation: plain(head.name || request.organisation),
      example: false,
      version: 1,
      sections: [
        {
          key: 'letter',
          heading: t('letter.subject', { reference: request.reference }),
          blocks: [{ kind: 'markdown', text: plain(letter.text) }],
          fallbackLangs: [],
        },
      ],
    },
    {
      layout,
      labels,
      languageNames: Object.fromEntries(LANGS.map((code) => [code, t(`lang.${code}`)])) as Record<Lang, string>,
      formatDate: letterDay,
      facts: [
        { label: t('letter.date'), value: letterDay(letter.sentAt.slice(0, 10)) },
        { label: t('letter.reference'), value: request.reference },
        ...(request.caseNumber ? [{ label: t('letter.caseNumber'), value: literalMarkdown(request.caseNumber) }] : []),
      ],
      letter: {
        letterhead: head,
        // The recipient's postal address block, as typed: the name, then the address one row per line.
        addressBlock: [request.requester.name, ...(request.requester.address ?? '').split(/\r?\n/u)]
          .map((line) => line.trim())
          .filter(Boolean),
        footer: [head.name, ...head.lines].filter(Boolean).join(' · '),
      },
      creationDate: new Date(letter.sentAt),
    },
  );
}
