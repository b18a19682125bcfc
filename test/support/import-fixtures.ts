// Fixtures for the import tests, made from a known text: the same description as plain text, as a PDF set with
// pdfkit (bold headings, bullets) and as a minimal Word document built with jszip.
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};

/** A description as headings, each with paragraphs and bullets. */
export interface KnownSection {
  heading: string;
  paragraphs?: string[];
  bullets?: string[];
  after?: string[];
}

export function asText(title: string, sections: KnownSection[]): string {
  const parts = [title];
  for (const section of sections) {
    parts.push(section.heading, ...(section.paragraphs ?? []));
    if (section.bullets) parts.push(section.bullets.map((bullet) => `- ${bullet}`).join('\n'));
    parts.push(...(section.after ?? []));
  }
  return `${parts.join('\n\n')}\n`;
}

async function pdfBytes(build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 72, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('Regular', FONTS.regular);
  doc.registerFont('Bold', FONTS.bold);
  build(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** The description as a PDF: a page header and a page number on every page, bold headings, bullets. */
export function asPdf(title: string, sections: KnownSection[], options: { header?: string } = {}): Promise<Uint8Array> {
  return pdfBytes(
    (doc) => {
      const furniture = () => {
        const { x, y } = doc;
        if (options.header) doc.font('Regular').fontSize(8).text(options.header, 72, 30, { lineBreak: false });
        doc.font('Regular').fontSize(8).text(String(doc.bufferedPageRange().count), 290, 800, { lineBreak: false });
        doc.x = x;
        doc.y = y;
      };
      doc.on('pageAdded', furniture);
      furniture();
      doc.font('Bold').fontSize(16).text(title).moveDown(0.8);
      for (const section of sections) {
        doc.font('Bold').fontSize(12.5).text(section.heading).moveDown(0.4);
        for (const paragraph of section.paragraphs ?? []) doc.font('Regular').fontSize(10.5).text(paragraph).moveDown(0.6);
        for (const bullet of section.bullets ?? []) doc.font('Regular').fontSize(10.5).text(`• ${bullet}`, { indent: 10 });
        if (section.bullets) doc.moveDown(0.6);
        for (const paragraph of section.after ?? []) doc.font('Regular').fontSize(10.5).text(paragraph).moveDown(0.6);
      }
    },
    { bufferPages: true },
  );
}

/**
 * The old form as a PDF: a two-column table, each row a numbered label in bold on the left (wrapping over two
 * lines where it is long) and its value on the right, under a header with the organisation and the date.
 */
export function asFormPdf(header: [string, string], rows: [string, string][]): Promise<Uint8Array> {
  return pdfBytes((doc) => {
    doc.font('Bold').fontSize(13).text(header[0], 72, 40, { lineBreak: false });
    doc.font('Regular').fontSize(9).text(header[1], 400, 44, { lineBreak: false });
    let y = 100;
    for (const [label, value] of rows) {
      doc.font('Bold').fontSize(10);
      const labelHeight = doc.heightOfString(label, { width: 140 });
      doc.text(label, 72, y, { width: 140 });
      doc.font('Regular').fontSize(10);
      const valueHeight = doc.heightOfString(value, { width: 290 });
      doc.text(value, 240, y, { width: 290 });
      y += Math.max(labelHeight, valueHeight) + 14;
    }
  });
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const paragraph = (text: string, properties = '') =>
  `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

/** The description as a minimal .docx: Title and Heading 1 styles, bullets through a numbering definition. */
export async function asDocx(title: string, sections: KnownSection[]): Promise<Uint8Array> {
  const body = [paragraph(title, '<w:pStyle w:val="Title"/>')];
  for (const section of sections) {
    body.push(paragraph(section.heading, '<w:pStyle w:val="Heading1"/>'));
    for (const text of section.paragraphs ?? []) body.push(paragraph(text));
    for (const bullet of section.bullets ?? []) {
      body.push(paragraph(bullet, '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'));
    }
    for (const text of section.after ?? []) body.push(paragraph(text));
  }
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${w}><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>`,
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${body.join('')}</w:body></w:document>`);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

/** A PDF protected with a password. */
export function encryptedPdf(): Promise<Uint8Array> {
  return pdfBytes((doc) => doc.font('Regular').text('Salainen rekisteriseloste.'), { userPassword: 'salasana', ownerPassword: 'omistaja' });
}

/** A PDF whose pages hold only an image, as a scan without a text layer does. */
export function imageOnlyPdf(pages = 2): Promise<Uint8Array> {
  const image = Buffer.from(greyPng(200, 280));
  return pdfBytes((doc) => {
    for (let page = 0; page < pages; page++) {
      if (page > 0) doc.addPage();
      doc.image(image, 72, 72, { width: 400 });
    }
  });
}

/** A zip archive that is not a Word document. */
export async function plainZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('readme.txt', 'Tämä ei ole Word-asiakirja.');
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

/** A grey PNG of the given size with a darker band, written by hand (signature, IHDR, IDAT, IEND). */
function greyPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = y % 20 < 4 ? 60 : 220;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
