// Fidelity of the hand-modelled registers to the documents they were modelled on: every sentence of seeds 000, 001,
// 002 and 004 is in the notice as the page (or the draft preview) shows it, and in the PDF, word for word, in order.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vocabulary } from '../../../src/content/import/vocabulary.ts';
import { loadContent } from '../../../src/content/load.ts';
import { LANGS, type Lang } from '../../../src/domain/language.ts';
import { renderMarkdown } from '../../../src/render/markdown.ts';
import type { Block, NoticeView } from '../../../src/render/notice-view.ts';
import { noticeViewOf } from '../../../src/services/notice.ts';
import { renderPdf } from '../../../src/services/notice-pdf.ts';
import { CONTENT } from '../../support/cli.ts';
import { sourceSentences, words } from '../../support/import-measure.ts';
import { readPdf } from '../../support/pdf.ts';
import { SEED_FILES, seedsDir } from '../../support/seeds.ts';

const content = await loadContent(CONTENT);

const CASES: { seed: string; register: string; lang: Lang }[] = [
  { seed: SEED_FILES.atjSv, register: 'helsinki-atj', lang: 'sv' },
  { seed: SEED_FILES.atjFi, register: 'helsinki-atj', lang: 'fi' },
  { seed: SEED_FILES.reception, register: 'helsinki-reception-clients', lang: 'sv' },
  { seed: SEED_FILES.proconsona, register: 'siuntio-proconsona', lang: 'fi' },
];

/**
 * Sentences of a seed that Seloste does not show as the seed words them, by design, each with its reason. Only
 * boilerplate that Seloste replaces with its own standard text belongs here; a fact of the register never does.
 */
const EXCLUDED: Record<string, { sentence: string; reason: string }[]> = {
  [SEED_FILES.atjSv]: [],
  [SEED_FILES.atjFi]: [],
  [SEED_FILES.reception]: [],
  [SEED_FILES.proconsona]: [],
};

/** Joins words a line end hyphenated ("tieto-\njärjestelmä", "tieto- järjestelmä"), the same way on every side. */
const unhyphenated = (text: string) => text.replace(/(\p{L})-\s+(?=\p{Ll})/gu, '$1');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decoded = (html: string) =>
  html.replace(/<[^>]+>/gu, ' ').replace(/&(amp|lt|gt|quot|#39|nbsp);/gu, (_, name: string) => ENTITIES[name]!);

const canonical = (text: string) => words(unhyphenated(text));

/**
 * One-word labels that only introduce a value in a seed ("p.", "Osoite :", "Kontaktuppgifter:"): the notice prints
 * its own label for the field, so a seed's label word is not looked for (as the import test counts them as structure).
 */
const LABELS = new Set(
  LANGS.flatMap((lang) => Object.values(vocabulary().languages[lang].labels).flat())
    .map((label) => words(label))
    .filter((label) => label.length === 1)
    .flat(),
);
const sought = (sentence: string) => canonical(sentence).filter((word) => !LABELS.has(word));

/**
 * Whether the words of a sentence stand together in a text: in order, or in any order within a stretch a little
 * longer than the sentence, for the labels the notice puts between a seed's values (a statute is "Laki toimeentulotuesta 1997/1412" in a seed and "1412/1997 Laki toimeentulotuesta" on
 * the page; a label and its value are one line in a seed and a row in the notice).
 */
const SLACK = (length: number) => 3 + Math.floor(length / 10);

function appearsIn(text: string[], sentence: string[]): boolean {
  if (` ${text.join(' ')} `.includes(` ${sentence.join(' ')} `)) return true;
  const need = new Map<string, number>();
  for (const word of sentence) need.set(word, (need.get(word) ?? 0) + 1);
  const window = new Map<string, number>();
  const span = sentence.length + SLACK(sentence.length);
  let matched = 0;
  const shift = (word: string | undefined, by: 1 | -1) => {
    if (word === undefined || !need.has(word)) return;
    const before = window.get(word) ?? 0;
    window.set(word, before + by);
    if (by === 1 && before < need.get(word)!) matched++;
    if (by === -1 && before <= need.get(word)!) matched--;
  };
  for (let end = 0; end < text.length; end++) {
    shift(text[end], 1);
    if (end >= span) shift(text[end - span], -1);
    if (matched === sentence.length) return true;
  }
  return false;
}

/** The text of the rendered notice: the view model's header and blocks, markdown rendered as the page renders it. */
function pageText(view: NoticeView): string {
  const md = (text: string) => decoded(renderMarkdown(text, view.lang));
  const block = (item: Block): string[] => {
    switch (item.kind) {
      case 'markdown':
        return [md(item.text.value)];
      case 'list':
        return item.items.map((entry) => md(entry.value));
      case 'fields':
        return item.rows.flatMap((row) => [row.label, row.href ? row.value.value : md(row.value.value)]);
      case 'statutes':
        return [item.label, ...item.items.flatMap((statute) => [statute.citation, statute.title?.value ?? ''])];
      case 'table':
        return [item.caption, ...item.head, ...item.rows.flat().map((cell) => md(cell.value))];
      case 'group':
        return [item.heading ? item.heading.value : '', ...item.blocks.flatMap(block)];
    }
  };
  return [
    view.formatName,
    view.title.value,
    view.subtitle?.value ?? '',
    view.organisation.value,
    view.introduction ? md(view.introduction.value) : '',
    ...view.sections.flatMap((section) => [section.heading, ...section.blocks.flatMap(block)]),
  ].join('\n');
}

describe.each(CASES)('seed $seed in $register ($lang)', ({ seed, register: id, lang }) => {
  const source = readFileSync(path.join(seedsDir(), seed), 'utf8');
  const excluded = new Set(EXCLUDED[seed]!.map((entry) => entry.sentence));
  // A seed that is a web page (002) runs its paragraphs and list items together on one line: each is a sentence.
  // A markdown link in a seed (004) is its text, as a page shows it.
  const plain = source.replace(/<\/?(?:p|li|ul|ol|br)\b[^>]*>/gu, '\n').replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/gu, '$1');
  const sentences = sourceSentences(plain).filter((sentence) => !excluded.has(sentence) && sought(sentence).length > 0);
  const rendered = (async () => {
    const loaded = content.registers.get(id);
    if (!loaded) throw new Error(`no register ${id} in content/`);
    // The working copy, as the draft preview shows it: the same view model as the published page.
    const view = await noticeViewOf(loaded.register, content.organisations, lang);
    const pdf = await renderPdf({ view }, lang, { origin: 'https://seloste.example.com', creationDate: new Date('2026-01-15T12:00:00Z') });
    return { page: canonical(pageText(view)), pdf: canonical((await readPdf(pdf)).text) };
  })();

  for (const medium of ['page', 'pdf'] as const)
    it(`has every sentence in the ${medium}`, async () => {
      const text = (await rendered)[medium];
      const missing = sentences.filter((sentence) => !appearsIn(text, sought(sentence)));
      console.log(
        `${seed} → ${id} ${lang} ${medium}: ${sentences.length - missing.length} of ${sentences.length} sentences found` +
          (missing.length > 0 ? `; missing:\n${missing.map((sentence) => `  - ${sentence}`).join('\n')}` : ''),
      );
      expect(missing).toEqual([]);
    });
});
