import * as z from 'zod';

const color = z.string().regex(/^#[0-9a-f]{6}$/iu);
const points = z.number().nonnegative();

/** Page geometry and typography of the PDF notice (templates/pdf/layout.json), in PDF points. */
export const pdfLayoutSchema = z.strictObject({
  size: z.enum(['A4']),
  margins: z.strictObject({ top: points, bottom: points, left: points, right: points }),
  fontSize: z.strictObject({ kicker: points, title: points, h2: points, h3: points, h4: points, body: points, small: points }),
  lineGap: points,
  paragraphGap: points,
  sectionGap: points,
  listIndent: points,
  /** Share of the text width given to the label column of label–value tables. */
  fieldLabelWidth: z.number().min(0.15).max(0.6),
  cellPadding: points,
  colors: z.strictObject({ text: color, muted: color, link: color, rule: color, headerFill: color, fallback: color }),
  header: z.strictObject({ y: points }),
  footer: z.strictObject({ fromBottom: points }),
});

/** The PDF's boilerplate in one language (templates/pdf/<lang>.json); `{{…}}` placeholders are filled in. */
export const pdfLabelsSchema = z.strictObject({
  page: z.string().includes('{{page}}').includes('{{pages}}'),
  publicUrl: z.string().min(1),
  published: z.string().min(1),
  updated: z.string().min(1),
  version: z.string().min(1),
  organisation: z.string().min(1),
  languages: z.string().min(1),
  /** Said once, before the sections, when some text is not in the notice's language. */
  fallback: z.string().includes('{{langs}}'),
  /** Said instead when a language exception is recorded: its reason and the date the translation is due. */
  languageException: z.string().includes('{{reason}}').includes('{{date}}'),
  generated: z.string().min(1),
});

export type PdfLayout = z.infer<typeof pdfLayoutSchema>;
export type PdfLabels = z.infer<typeof pdfLabelsSchema>;
