import { readJsonTemplate } from '../content/templates.ts';
import { formatDate } from '../domain/date.ts';
import { LANG_TAGS, LANGS, type Lang } from '../domain/language.ts';
import { pickLanguage, type Localized } from '../domain/localized-text.ts';
import type { DataSubjectRequest } from '../domain/request.ts';
import { tFor } from '../i18n/index.ts';
import { literalMarkdown } from '../render/markdown-literal.ts';
import { renderNoticePdf } from '../render/pdf/notice-pdf.ts';
import { pdfLabelsSchema, pdfLayoutSchema } from '../render/pdf/pdf-templates.ts';
import { getCatalogue } from './catalogue.ts';
import { requestBySecret } from './eform.ts';
import { appStore } from './runtime.ts';
import { publicOrigin } from './public-origin.ts';
import { urls } from '../i18n/routes.ts';

/** The stages a citizen sees: the handler's finer states (waiting for identity, for a clarification) are "in progress". */
export type PublicStage = 'received' | 'in-progress' | 'extended' | 'decided' | 'withdrawn';

const STAGE: Record<DataSubjectRequest['status'], PublicStage> = {
  received: 'received',
  'identity-pending': 'in-progress',
  'clarification-pending': 'in-progress',
  'in-progress': 'in-progress',
  extended: 'extended',
  decided: 'decided',
  closed: 'decided',
  withdrawn: 'withdrawn',
};

/**
 * What the status page and the receipt show: only what the citizen sent (the kind of request, the registers, the
 * organisation) and what the controller must tell them anyway (the due date, an extension with its reason, the
 * decision's date). Never their name, identity code, contact details or the handler's notes, since a link can leak.
 */
export interface RequestStatusView {
  reference: string;
  /** The requester's chosen language: the receipt is written in it. */
  language: Lang;
  organisation: Localized | undefined;
  type: string;
  registers: Localized[];
  received: string;
  stage: PublicStage;
  due: string;
  extension?: { due: string; reason: string };
  decidedOn?: string;
  identified: boolean;
}

export async function requestStatus(secret: string): Promise<RequestStatusView | undefined> {
  const request = await requestBySecret(await appStore(), secret);
  if (!request) return undefined;
  const catalogue = await getCatalogue();
  const lang = request.requester.language;
  const organisation = catalogue.organisations.get(request.organisation);
  return {
    reference: request.reference,
    language: lang,
    organisation: organisation ? pickLanguage(organisation.name, lang) : undefined,
    type: request.type,
    registers: request.registers.flatMap((id) => {
      const entry = catalogue.registers.get(id);
      return entry ? [pickLanguage(entry.register.title, lang)] : [];
    }),
    received: request.received,
    stage: STAGE[request.status],
    due: request.extension?.due.date ?? request.due.date,
    ...(request.extension ? { extension: { due: request.extension.due.date, reason: request.extension.reason } } : {}),
    ...(request.decidedOn ? { decidedOn: request.decidedOn } : {}),
    identified: request.identity?.method === 'strong-electronic',
  };
}

/** The receipt of a request sent on the e-form: a tagged PDF in the reader's language, from the status view. */
export async function receiptPdf(view: RequestStatusView, lang: Lang, secret: string): Promise<Uint8Array<ArrayBuffer>> {
  const t = tFor(lang);
  const statusUrl = new URL(urls.requestStatus(lang, secret), publicOrigin()).href;
  const [layout, labels] = await Promise.all([
    readJsonTemplate('pdf/layout', pdfLayoutSchema),
    readJsonTemplate(`pdf/${lang}`, pdfLabelsSchema),
  ]);
  const plain = (value: string) => ({ value: literalMarkdown(value), lang, isFallback: false });
  const date = (iso: string) => formatDate(iso, lang);
  const organisation = view.organisation ?? plain('');
  return renderNoticePdf(
    {
      id: view.reference,
      lang,
      langTag: LANG_TAGS[lang],
      title: plain(t('eform.receipt.title')),
      formatName: t('eform.receipt.title'),
      organisation,
      example: false,
      version: 1,
      sections: [
        {
          key: 'receipt',
          heading: t('eform.receipt.heading', { reference: view.reference }),
          blocks: [
            { kind: 'markdown', text: plain(t('eform.receipt.body')) },
            {
              kind: 'fields',
              rows: [
                { label: t('eform.status.reference'), value: plain(view.reference) },
                { label: t('eform.status.received'), value: plain(date(view.received)) },
                { label: t('eform.status.type'), value: plain(t(`eform.type.${view.type}`)) },
                ...(view.registers.length
                  ? [
                      {
                        label: t('eform.status.registers'),
                        value: { ...view.registers[0]!, value: view.registers.map((r) => literalMarkdown(r.value)).join(', ') },
                      },
                    ]
                  : []),
                { label: t('eform.status.due'), value: plain(date(view.due)) },
                {
                  label: t('eform.status.identified'),
                  value: plain(t(view.identified ? 'eform.status.identifiedYes' : 'eform.status.identifiedNo')),
                },
              ],
            },
            { kind: 'markdown', text: plain(t('eform.receipt.link', { url: statusUrl })) },
          ],
          fallbackLangs: [],
        },
      ],
    },
    {
      layout,
      labels,
      languageNames: Object.fromEntries(LANGS.map((code) => [code, t(`lang.${code}`)])) as Record<Lang, string>,
      formatDate: date,
      facts: [
        { label: t('eform.status.reference'), value: view.reference },
        { label: t('eform.status.received'), value: date(view.received) },
      ],
    },
  );
}
