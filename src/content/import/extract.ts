import type { Extraction } from './blocks.ts';
import { ImportRefusal } from './errors.ts';
import { extractHtml } from './extract-html.ts';
import { CHARS_PER_PAGE, extractText } from './extract-text.ts';
import { decodeText, sniffType, type SourceType } from './sniff.ts';

/** What an import accepts: the defaults suit an upload form and the CLI alike. */
export interface ImportLimits {
  /** Largest file, in bytes. */
  maxBytes: number;
  /** Most pages (for text files, characters / 3,000). */
  maxPages: number;
  /** Longest time to read one file, in milliseconds. */
  timeoutMs: number;
  /** Memory for the worker that reads a file, in megabytes. */
  memoryMb: number;
}

export const DEFAULT_LIMITS: ImportLimits = { maxBytes: 10 * 1024 * 1024, maxPages: 300, timeoutMs: 30_000, memoryMb: 512 };

export interface SourceFile {
  /** The file name as the user gave it; only its extension and its name in messages are used. */
  name: string;
  bytes: Uint8Array;
}

export interface ExtractedFile extends Extraction {
  type: SourceType;
}

/** Reads one file into blocks, whatever its format. Throws ImportRefusal for anything it cannot read. */
export async function extractFile(file: SourceFile, limits: ImportLimits): Promise<ExtractedFile> {
  if (file.bytes.length > limits.maxBytes) {
    throw new ImportRefusal('tooLarge', { file: file.name, megabytes: Math.floor(limits.maxBytes / 1024 / 1024) });
  }
  const type = sniffType(file.name, file.bytes);
  const extraction = await extractByType(type, file, limits);
  if (extraction.pages > limits.maxPages) {
    throw new ImportRefusal('tooManyPages', { file: file.name, pages: extraction.pages, max: limits.maxPages });
  }
  if (!extraction.blocks.some((block) => /[\p{L}\p{N}]/u.test(block.text))) throw new ImportRefusal('empty', { file: file.name });
  return { ...extraction, type };
}

/** The PDF and Word readers are large; they are loaded only for files that need them. */
async function extractByType(type: SourceType, file: SourceFile, limits: ImportLimits): Promise<Extraction> {
  switch (type) {
    case 'pdf':
      return (await import('./extract-pdf.ts')).extractPdf(file.bytes, file.name, limits.maxPages);
    case 'docx':
      return withPages(await (await import('./extract-docx.ts')).extractDocx(file.bytes, file.name));
    case 'html':
      return withPages(extractHtml(decodeText(file.bytes), (index) => `block ${index + 1}`));
    case 'md':
    case 'txt':
      return extractText(decodeText(file.bytes));
  }
}

/** Formats without pages count one page per 3,000 characters. */
function withPages(extraction: Extraction): Extraction {
  const characters = extraction.blocks.reduce((sum, block) => sum + block.text.replace(/\s+/gu, '').length, 0);
  return { ...extraction, pages: Math.max(1, Math.ceil(characters / CHARS_PER_PAGE)) };
}
