// Fidelity of the hand-modelled registers to the documents they were modelled on: every sentence of seeds 000, 001,
// 002 and 004 is in the notice as the page (or the draft preview) shows it, and in the PDF: word for word (the
// seed's typos too), its words standing together. Only the commented EXCLUDED entries are not looked for.
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
  [SEED_FILES.atjSv]: [
    {
      sentence: 'Social- och hälsovårdssektorn Utgivningsdatum/Uppdaterad',
      reason:
        'the running head of the seed’s pages: the sector is in responsible.unit and responsibleBody, the date 14.2.2019 ' +
        'in `updated`, and the label is replaced by Seloste’s own date labels ("Utgivningsdatum / uppdaterad")',
    },
  ],
  [SEED_FILES.atjFi]: [],
  [SEED_FILES.reception]: [],
  [SEED_FILES.proconsona]: [
    {
      sentence: 'Kyllä on',
      reason: 'the answer to "Onko järjestelmä henkilörekisteri?": `personalDataRegister: true`, which Seloste words as its own "Kyllä"',
    },
  ],
};

/** Joins words a line end hyphenated ("tieto-\njärjestelmä", "tieto- järjestelmä"), the same way on every side. */
const unhyphenated = (text: string) => text.replace(/(\p{L})-\s+(?=\p{Ll})/gu, '$1');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decoded = (html: string) =>
  html.replace(/<[^>]+>/gu, ' ').replace(/&(amp|lt|gt|quot|#39|nbsp);/gu, (_, name: string) => ENTITIES[name]!);

/** A Finnish optional plural written "hoitava(t) henkilö(t)" reads "hoitavat henkilöt", on every side. */
const canonical = (text: string) => words(unhyphenated(text).replace(/(\p{L})\(t\)/gu, '$1t'));

/**
 * One-word labels that only introduce a value in a seed ("p.", "Osoite :", "Kontaktuppgifter:"), and the connectors
 * that join two people in one sentence ("… sekä …"): the notice prints its own label for each field and each person
 * apart, so these are not looked for (the import test counts them as structure too).
 */
const LABELS = new Set(
  LANGS.flatMap((lang) => {
    const { labels, people } = vocabulary().languages[lang];
    return [
      ...Object.values(labels)
        .flat()
        .filter((label) => words(label).length === 1),
      ...people.connectors,
    ];
  }).flatMap((label) => words(label)),
);
const sought = (sentence: string) => canonical(sentence).filter((word) => !LABELS.has(word));

/** Extra words a sentence's stretch may hold beyond its own, besides the notice's labels. */
const SLACK = (length: number) => 3 + Math.floor(length / 10);

/**
 * Whether the words of a sentence stand together in a text: in order, or in any order within a stretch a little
 * longer than the sentence, not counting the notice's own field labels ("Nimi", "Puhelin"). A statute is "Laki
 * toimeentulotuesta 1997/1412" in a seed and "1412/1997 Laki toimeentulotuesta" on the page; a seed's one line
 * "Rekisterinpitäjä : …" is a section heading and a labelled row in the notice.
 */
function appearsIn(text: string[], sentence: string[], labels: ReadonlySet<string>): boolean {
  if (sentence.length === 0 || ` ${text.join(' ')} `.includes(` ${sentence.join(' ')} `)) return true;
  const need = new Map<string, number>();
  for (const word of sentence) need.set(word, (need.get(word) ?? 0) + 1);
  const span = sentence.length + SLACK(sentence.length);
  for (let start = 0; start < text.length; start++) {
    if (!need.has(text[start]!)) continue;
    const found = new Map<string, number>();
    let matched = 0;
    for (let end = start, counted = 0; end < text.length && counted < span; end++) {
      const word = text[end]!;
      const wanted = need.get(word) ?? 0;
      const have = found.get(word) ?? 0;
      if (have < wanted) {
        found.set(word, have + 1);
        if (++matched === sentence.length) return true;
      }
      if (!labels.has(word) || have < wanted) counted++;
    }
  }
  return false;
}

/** The words of the notice's own field labels, which it puts between values that a seed writes on one line. */
function labelWords(view: NoticeView): Set<string> {
  const rows = (block: Block): string[] =>
    block.kind === 'fields' ? block.rows.map((row) => row.label) : block.kind === 'group' ? block.blocks.flatMap(rows) : [];
  return new Set(view.sections.flatMap((section) => section.blocks.flatMap(rows)).flatMap((label) => words(label)));
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
    // The running footer ("Siuntion kunta – Sosiaalityö, … Tulostettu Seloste-palvelusta Sivu 2 / 6") is page
    // furniture that a page break puts inside a sentence: it is taken out.
    const escaped = `${view.organisation.value} – ${view.title.value}`.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    const footer = new RegExp(`${escaped} .*? \\d+ / \\d+`, 'gu');
    const pdfText = (await readPdf(pdf)).text.replace(footer, ' ');
    return { page: canonical(pageText(view)), pdf: canonical(pdfText), labels: labelWords(view) };
  })();

  it('excludes only sentences the seed has', () => {
    const all = new Set(sourceSentences(plain));
    expect([...excluded].filter((sentence) => !all.has(sentence))).toEqual([]);
  });

  for (const medium of ['page', 'pdf'] as const)
    it(`has every sentence in the ${medium}`, async () => {
      const { [medium]: text, labels } = await rendered;
      const missing = sentences.filter((sentence) => !appearsIn(text, sought(sentence), labels));
      console.log(
        `${seed} → ${id} ${lang} ${medium}: ${sentences.length - missing.length} of ${sentences.length} sentences found (${excluded.size} excluded)` +
          (missing.length > 0 ? `; missing:\n${missing.map((sentence) => `  - ${sentence}`).join('\n')}` : ''),
      );
      expect(missing).toEqual([]);
    });
});
