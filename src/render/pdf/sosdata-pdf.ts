import type { TFunction } from 'i18next';
import { LANG_TAGS } from '../../domain/language.ts';
import type { Localized } from '../../domain/localized-text.ts';
import type { Block, NoticeView } from '../notice-view.ts';
import type { SosdataQuestionView, SosdataView } from '../sosdata-view.ts';
import { renderNoticePdf, type PdfOptions } from './notice-pdf.ts';

/**
 * A Sosdata notification as a tagged PDF, numbered as THL's form so each answer can be copied into THL's web form:
 * one section per part of the form, a heading per question ("17. Hur får Sosdata …"), the answers as text or as a
 * table of part and answer. It uses the notice's PDF layout (fonts, tags, language, bookmarks, page furniture).
 */
export function renderSosdataPdf(
  view: SosdataView,
  context: { organisation: Localized; facts: { label: string; value: string }[]; t: TFunction },
  options: Omit<PdfOptions, 'facts' | 'publicUrl'>,
): Promise<Uint8Array<ArrayBuffer>> {
  const { t } = context;
  const plain = (value: string): Localized => ({ value, lang: view.lang, isFallback: false });
  const document: NoticeView = {
    id: view.id,
    lang: view.lang,
    langTag: LANG_TAGS[view.lang],
    title: plain(view.title),
    formatName: t('sosdata.kind'),
    organisation: context.organisation,
    example: false,
    version: 1,
    sections: view.sections.map((section, index) => ({
      key: section.id,
      heading: `${section.numeral}: ${section.title}`,
      fallbackLangs: [],
      blocks: [
        ...(index === 0 ? [{ kind: 'markdown' as const, text: plain(t('sosdata.translation')) }] : []),
        ...(section.note ? [{ kind: 'markdown' as const, text: plain(section.note) }] : []),
        ...section.questions.flatMap((question) => questionBlocks(question, plain, t)),
      ],
    })),
  };
  return renderNoticePdf(document, { ...options, facts: context.facts });
}

function questionBlocks(question: SosdataQuestionView, plain: (value: string) => Localized, t: TFunction): Block[] {
  const answers: Block = question.rows.some((row) => row.part !== undefined)
    ? {
        kind: 'table',
        caption: `${t('sosdata.question')} ${question.number}`,
        head: [t('sosdata.part'), t('sosdata.answer')],
        rows: question.rows.map((row) => [plain(row.part ?? ''), plain(row.value)]),
      }
    : question.rows.length > 1
      ? { kind: 'list', items: question.rows.map((row) => plain(row.value)) }
      : { kind: 'fields', rows: [{ label: t('sosdata.answer'), value: plain(question.rows[0]?.value ?? '') }] };
  return [
    ...(question.lead ? [{ kind: 'markdown' as const, text: plain(question.lead) }] : []),
    { kind: 'group', heading: plain(`${question.number}. ${question.text}`), blocks: [answers] },
  ];
}
