import path from 'node:path';
import { ImportRefusal } from './errors.ts';

/** The formats an import reads. */
export const SOURCE_TYPES = ['pdf', 'docx', 'html', 'md', 'txt'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

/**
 * The format of a file, by its content first and its name second, so that a renamed file is read for what it is
 * or refused: a PDF is a PDF whatever its name, and a ".docx" that is not a zip archive is not a Word document.
 */
export function sniffType(name: string, bytes: Uint8Array): SourceType {
  const ext = path.extname(name).toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === '.docx') return 'docx';
    throw new ImportRefusal('unsupportedType', { file: name });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new ImportRefusal('legacyWord', { file: name });
  if (ext === '.docx') throw new ImportRefusal('docxInvalid', { file: name });
  if (ext === '.pdf') throw new ImportRefusal('broken', { file: name });
  if (head.startsWith('{\\rtf') || looksBinary(bytes)) throw new ImportRefusal('unsupportedType', { file: name });
  if (ext === '.html' || ext === '.htm' || /^\s*(?:<!doctype html|<html)/iu.test(head)) return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.txt' || ext === '.text' || ext === '') return 'txt';
  throw new ImportRefusal('unsupportedType', { file: name });
}

/** NUL bytes or many control characters in the first 8 kB mean a binary file, unless the text is UTF-16. */
function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length / 20;
}

/** Text bytes as a string: UTF-8 or UTF-16 by their byte-order mark, UTF-8 if valid, else Windows-1252 (old Finnish files). */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
