import type { Lang } from '../../domain/language.ts';
import type { LocalizedText } from '../../domain/localized-text.ts';
import type { Register, RegisterFormat } from '../../domain/register.ts';
import type { DroppedText } from './blocks.ts';
import type { Conversion, Piece } from './draft.ts';
import type { Finalized } from './finalize.ts';
import { KINDS_WITHOUT_FIELD } from './mapping.ts';
import type { Disagreement } from './merge.ts';
import { characters, type RecognizedDocument, type SectionOutcome } from './recognize.ts';
import type { SourceType } from './sniff.ts';

/**
 * What an import did, as data: the CLI prints it and the upload form will show it, each in the user's language
 * (see describeImport). Nothing in it is personal beyond what the source document itself publishes.
 */
export interface ImportReport {
  register: {
    id: string;
    format: RegisterFormat;
    formatDetected: boolean;
    languages: Lang[];
    title: LocalizedText;
    titleFrom: Finalized['titleFrom'];
  };
  files: {
    name: string;
    type: SourceType;
    pages: number;
    lang: Lang;
    langDetected: boolean;
    langConfident: boolean;
    characters: number;
    imageOnlyPages: number;
  }[];
  /** Every section of every file, with the fields it filled. */
  sections: SectionOutcome[];
  /** The register's fields that have content. */
  fieldsFilled: string[];
  /** Sections recognised, but of a kind the model has no field for; their text is in the unplaced part. */
  sectionsWithoutField: SectionOutcome[];
  /** Sections under headings the vocabulary does not know. */
  unknownSections: SectionOutcome[];
  unplaced: { pieces: number; characters: number; totalCharacters: number; share: number };
  /** Page headers, footers, page numbers and page chrome, each listed once, and text repeating a placed field. */
  dropped: (DroppedText & { file: string })[];
  conversions: Conversion[];
  disagreements: Disagreement[];
  /** Values the model refused; their text is in the unplaced part. */
  refused: Finalized['refused'];
}

const IDENTITY = new Set(['id', 'format', 'status', 'organisation', 'version', 'unplaced']);

export function buildReport(
  register: Register,
  documents: readonly RecognizedDocument[],
  outcomes: readonly SectionOutcome[],
  finalized: Finalized,
  extra: { formatDetected: boolean; conversions: Conversion[]; disagreements: Disagreement[] },
): ImportReport {
  const unplacedCharacters = characters(finalized.unplaced.map((piece: Piece) => piece.text));
  const totalCharacters = outcomes.reduce((sum, outcome) => sum + outcome.characters, 0);
  return {
    register: {
      id: register.id,
      format: register.format,
      formatDetected: extra.formatDetected,
      languages: documents.map((document) => document.lang),
      title: register.title,
      titleFrom: finalized.titleFrom,
    },
    files: documents.map((document) => ({
      name: document.file,
      type: document.type,
      pages: document.pages,
      lang: document.lang,
      langDetected: document.langDetected,
      langConfident: document.langConfident,
      characters: document.characters,
      imageOnlyPages: document.imageOnlyPages,
    })),
    sections: [...outcomes],
    fieldsFilled: Object.keys(register).filter((key) => !IDENTITY.has(key)),
    sectionsWithoutField: outcomes.filter((outcome) => outcome.kind && KINDS_WITHOUT_FIELD.includes(outcome.kind)),
    unknownSections: outcomes.filter((outcome) => outcome.heading && !outcome.kind),
    unplaced: {
      pieces: finalized.unplaced.length,
      characters: unplacedCharacters,
      totalCharacters,
      share: totalCharacters === 0 ? 0 : unplacedCharacters / totalCharacters,
    },
    dropped: [
      ...documents.flatMap((document) => document.dropped.map((dropped) => ({ ...dropped, file: document.file }))),
      ...finalized.duplicates.map((piece) => ({ text: piece.text, reason: 'duplicate' as const, count: 1, file: piece.source ?? '' })),
    ],
    conversions: extra.conversions,
    disagreements: extra.disagreements,
    refused: finalized.refused,
  };
}
