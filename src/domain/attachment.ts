import * as z from 'zod';

/**
 * Files attached to a reply: the copy of the data itself (GDPR Art 15(3)), uploaded by the handler. They are kept in
 * the database with their SHA-256, only for staff of the organisation, and go with the retention purge.
 */
export const ATTACHMENT_MAX_BYTES = 12 * 1024 * 1024;
/** How many files one request may carry. */
export const ATTACHMENT_MAX_COUNT = 50;

/**
 * The allowed kinds, by extension, with the bytes each must begin with where it has a signature: an upload whose
 * content does not match its name is refused, so a renamed executable never lands among a requester's documents.
 * OOXML and ODF files are ZIP containers.
 */
export const ATTACHMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  txt: { mediaType: 'text/plain; charset=utf-8', magic: undefined },
  csv: { mediaType: 'text/csv; charset=utf-8', magic: undefined },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b, 0x03, 0x04] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', magic: [0x50, 0x4b, 0x03, 0x04] },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', magic: [0x50, 0x4b, 0x03, 0x04] },
} as const;
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;

/** A file name as stored and offered for download: no path, no control characters, at most 200 characters. */
export const attachmentNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/\p{Cc}"]/u.test(name), { error: 'attachment.name' });

export const attachmentSchema = z.strictObject({
  id: z.uuid(),
  requestId: z.uuid(),
  name: attachmentNameSchema,
  mediaType: z.string().min(1).max(120),
  size: z.int().min(1).max(ATTACHMENT_MAX_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  uploadedAt: z.iso.datetime(),
  uploadedBy: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Why a file is refused, as an i18n key; undefined when it may be attached. */
export function attachmentProblem(
  name: string,
  bytes: Uint8Array,
): 'attachment.empty' | 'attachment.tooBig' | 'attachment.type' | 'attachment.name' | undefined {
  if (!attachmentNameSchema.safeParse(name).success) return 'attachment.name';
  if (bytes.length === 0) return 'attachment.empty';
  if (bytes.length > ATTACHMENT_MAX_BYTES) return 'attachment.tooBig';
  const type = attachmentType(name);
  if (!type) return 'attachment.type';
  const { magic } = ATTACHMENT_TYPES[type];
  if (magic && !magic.every((byte, index) => bytes[index] === byte)) return 'attachment.type';
  if (!magic && !isText(bytes)) return 'attachment.type';
  return undefined;
}

export function attachmentType(name: string): AttachmentExtension | undefined {
  const extension = /\.([a-z0-9]+)$/iu.exec(name)?.[1]?.toLowerCase();
  return extension && extension in ATTACHMENT_TYPES ? (extension as AttachmentExtension) : undefined;
}

/** UTF-8 text without NUL bytes: what a .txt or .csv file must be. */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
