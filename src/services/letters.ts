import { createHash } from 'node:crypto';
import { readJsonTemplate, readTemplate } from '../content/templates.ts';
import { LANG_TAGS, LANGS, type Lang } from '../domain/language.ts';
import type { DataSubjectRequest } from '../domain/request.ts';
import { LETTER_KINDS } from '../domain/request.ts';
import { tFor } from '../i18n/index.ts';
import { literalMarkdown } from '../render/markdown-literal.ts';
import { renderNoticePdf } from '../render/pdf/notice-pdf.ts';
import { pdfLabelsSchema, pdfLayoutSchema } from '../render/pdf/pdf-templates.ts';
import type { Actor } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { changeRequest, RequestError } from './requests.ts';

export type LetterKind = (typeof LETTER_KINDS)[number];

/** 31.1.2026, as Finnish authorities write dates in letters in every language. */
const day = (iso: string) => {
  const [year, month, date] = iso.split('-').map(Number);
  return `${date}.${month}.${year}`;
};

/**
 * Fills a letter template (templates/letters/<kind>.<lang>.md) in the requester's language, records the exact text and
 * its SHA-256 on the request, and audits the sending without personal data.
 */
export function createLetter(
  store: Store,
  id: string,
  kind: LetterKind,
  actor: Actor,
  context: { organisation: (lang: Lang) => string; registerTitle: (id: string, lang: Lang) => string },
  now = new Date(),
): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, async (request) => {
    if ((kind === 'extension' && !request.extension) || (kind === 'decision' && !request.outcome))
      throw new RequestError('request.letter.notYet');
    const lang = request.requester.language;
    const t = tFor(lang);
    const grounds = [
      ...(request.refusalGrounds?.length
        ? [t('letter.groundsIntro'), ...request.refusalGrounds.map((ground) => `- ${t(`request.ground.${ground}`)}`)]
        : []),
      ...(request.recipientsNotified?.length
        ? ['', t('letter.recipientsIntro'), ...request.recipientsNotified.map((recipient) => `- ${literalMarkdown(recipient)}`)]
        : []),
    ].join('\n');
    const text = await readTemplate(`letters/${kind}`, lang, {
      // What a requester or a handler typed goes in as literal text; only the template's own markup formats a letter.
      name: literalMarkdown(request.requester.name),
      reference: request.reference,
      type: t(`request.type.${request.type}`),
      received: day(request.received),
      due: day(request.due.date),
      extendedDue: day(request.extension?.due.date ?? request.due.date),
      reason: literalMarkdown(request.extension?.reason ?? ''),
      outcome: request.outcome ? t(`request.outcome.${request.outcome}`) : '',
      grounds,
      registers: literalMarkdown(request.registers.map((register) => context.registerTitle(register, lang)).join(', ')),
      organisation: literalMarkdown(context.organisation(lang)),
    });
    const sha256 = createHash('sha256').update(text).digest('hex');
    request.letters.push({ kind, lang, sentAt: now.toISOString(), sha256, template: `letters/${kind}`, text });
    return [{ action: 'request.letter', details: { kind, lang, sha256 } }];
  });
}

/** A sent letter as a tagged PDF in its own language, from the text recorded when it was sent. */
export async function letterPdf(
  request: DataSubjectRequest,
  index: number,
  organisation: string,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const letter = request.letters[index];
  if (!letter) return undefined;
  const t = tFor(letter.lang);
  const [layout, labels] = await Promise.all([
    readJsonTemplate('pdf/layout', pdfLayoutSchema),
    readJsonTemplate(`pdf/${letter.lang}`, pdfLabelsSchema),
  ]);
  const plain = (value: string) => ({ value, lang: letter.lang, isFallback: false });
  return renderNoticePdf(
    {
      id: request.reference,
      lang: letter.lang,
      langTag: LANG_TAGS[letter.lang],
      title: plain(t(`letter.kind.${letter.kind}`)),
      formatName: t(`letter.kind.${letter.kind}`),
      organisation: plain(organisation),
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
      formatDate: day,
      facts: [
        { label: t('letter.date'), value: day(letter.sentAt.slice(0, 10)) },
        { label: t('letter.reference'), value: request.reference },
        // The PDF's facts are markdown like every text of the view: the requester's name goes in literally.
        { label: t('letter.recipient'), value: literalMarkdown(request.requester.name) },
      ],
      creationDate: new Date(letter.sentAt),
    },
  );
}
