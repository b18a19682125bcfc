import mammoth from 'mammoth';
import type { Extraction } from './blocks.ts';
import { ImportRefusal } from './errors.ts';
import { extractHtml } from './extract-html.ts';

/** A Word document through mammoth's HTML: headings by their styles, lists, tables and bold lead-ins. */
export async function extractDocx(bytes: Uint8Array, file: string): Promise<Extraction> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch {
    // Not a zip archive, or a zip without word/document.xml (another Office format or any zip renamed .docx).
    throw new ImportRefusal('docxInvalid', { file });
  }
  return extractHtml(html, (index) => `paragraph ${index + 1}`);
}
