import type { Lang } from '../../domain/language.ts';
import type { Organisation } from '../../domain/organisation.ts';
import type { RegisterFormat } from '../../domain/register.ts';
import type { Block, DroppedText } from './blocks.ts';
import { detectLanguage } from './detect.ts';
import { Draft, markdown, unplace, type PlaceContext } from './draft.ts';
import type { ExtractedFile } from './extract.ts';
import { findDates } from './facts.ts';
import { mappingOf } from './mapping.ts';
import { unrecognised } from './place-text.ts';
import type { SectionKind } from './section-kinds.ts';
import { dropRepeatedText, splitSections, type Section } from './sections.ts';
import type { SourceType } from './sniff.ts';
import { vocabulary } from './vocabulary.ts';

/** One source file, read and split into sections. */
export interface RecognizedDocument {
  file: string;
  type: SourceType;
  pages: number;
  lang: Lang;
  /** Whether the language was told from the text (rather than given). */
  langDetected: boolean;
  /** False when the text was too short or mixed to be sure of its language. */
  langConfident: boolean;
  sections: Section[];
  dropped: DroppedText[];
  /** Blocks dropped as repeated page headers, for the dates they carry. */
  droppedBlocks: Block[];
  imageOnlyPages: number;
  /** Characters of text, without white space, before anything is dropped. */
  characters: number;
}

/** Characters of text without white space: the measure of the report's shares. */
export const characters = (texts: readonly string[]) => texts.reduce((sum, text) => sum + text.replace(/\s+/gu, '').length, 0);
const countCharacters = (blocks: readonly Block[]) => characters(blocks.map((block) => block.text));

/** Reads the language and the sections of an extracted file; the language is detected unless it is given. */
export function recognize(file: string, extraction: ExtractedFile, lang?: Lang): RecognizedDocument {
  const detected = detectLanguage(extraction.blocks);
  const documentLang = lang ?? detected.lang;
  const sections = splitSections(extraction.blocks, documentLang);
  const dropped = [...extraction.dropped];
  const droppedBlocks = dropRepeatedText(sections, dropped);
  return {
    file,
    type: extraction.type,
    pages: extraction.pages,
    lang: documentLang,
    langDetected: lang === undefined,
    langConfident: lang !== undefined || detected.confident,
    sections,
    dropped,
    droppedBlocks,
    imageOnlyPages: extraction.imageOnlyPages ?? 0,
    characters: countCharacters(extraction.blocks),
  };
}

/** What became of one section of the source, for the report. */
export interface SectionOutcome {
  file: string;
  lang: Lang;
  heading?: string;
  kind?: SectionKind;
  position: string;
  /** The register fields it filled. */
  fields: string[];
  /** Characters of its text that stayed unplaced, and of all its text. */
  unplacedCharacters: number;
  characters: number;
}

/** Places every section of a document into a draft in the document's language, through the mapping table. */
export function placeDocument(
  document: RecognizedDocument,
  format: RegisterFormat,
  organisation: Organisation,
): { draft: Draft; outcomes: SectionOutcome[] } {
  const draft = new Draft(document.lang, document.file);
  // A page header often carries the document's date ("Laatimispäivä 31.8.2016" on every page).
  const furniture = [
    ...document.droppedBlocks.map((block) => block.text),
    ...document.dropped.filter((text) => text.reason !== 'pageNumber').map((text) => text.text),
  ];
  for (const text of furniture) for (const date of findDates(text)) draft.dates.push({ iso: date.iso });
  const words = vocabulary().languages[document.lang];
  const outcomes: SectionOutcome[] = [];
  for (const section of document.sections) {
    const context: PlaceContext = { draft, section, lang: document.lang, words, format, organisation, used: new Set(), filled: new Set() };
    const before = draft.unplaced.length;
    const mapping = section.kind ? mappingOf(section.kind, format) : undefined;
    (mapping?.place ?? unrecognised(section.heading ? 'unknownHeading' : 'beforeHeadings'))(context);
    // Whatever a placer did not take is kept, never dropped.
    for (const block of section.blocks) {
      if (!context.used.has(block)) unplace(context, markdown([block]), block, mapping?.fields.length === 0 ? 'noField' : 'unread');
    }
    if (section.blocks.length === 0 && !section.heading) continue;
    outcomes.push({
      file: document.file,
      lang: document.lang,
      heading: section.heading,
      kind: section.kind,
      position: section.position,
      fields: [...context.filled],
      unplacedCharacters: characters(draft.unplaced.slice(before).map((piece) => piece.text)),
      characters: countCharacters(section.blocks),
    });
  }
  return { draft, outcomes };
}
