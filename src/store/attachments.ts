import type { Kysely } from 'kysely';
import { attachmentSchema, type Attachment } from '../domain/attachment.ts';
import { checkRow, readRow } from './rows.ts';
import type { Tables } from './tables.ts';

type Row = Tables['request_attachments'];

function toAttachment(row: Omit<Row, 'data'>): Attachment {
  return readRow(
    attachmentSchema,
    {
      id: row.id,
      requestId: row.request_id,
      name: row.name,
      mediaType: row.media_type,
      size: Number(row.size),
      sha256: row.sha256,
      uploadedAt: row.uploaded_at,
      uploadedBy: row.uploaded_by,
    },
    `request_attachments ${row.id}`,
  );
}

const META = ['id', 'request_id', 'name', 'media_type', 'size', 'sha256', 'uploaded_at', 'uploaded_by'] as const;

/** The files attached to requests, kept as blobs beside their SHA-256; listed without their bytes. */
export class AttachmentRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.db = db;
  }

  async add(attachment: Attachment, data: Uint8Array): Promise<Attachment> {
    const valid = checkRow(attachmentSchema, attachment, `request_attachments ${attachment.id}`);
    await this.db
      .insertInto('request_attachments')
      .values({
        id: valid.id,
        request_id: valid.requestId,
        name: valid.name,
        media_type: valid.mediaType,
        size: valid.size,
        sha256: valid.sha256,
        uploaded_at: valid.uploadedAt,
        uploaded_by: valid.uploadedBy,
        data,
      })
      .execute();
    return valid;
  }

  async forRequest(requestId: string): Promise<Attachment[]> {
    const rows = await this.db
      .selectFrom('request_attachments')
      .select(META)
      .where('request_id', '=', requestId)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute();
    return rows.map(toAttachment);
  }

  /** One attachment with its bytes. */
  async withData(id: string): Promise<{ attachment: Attachment; data: Uint8Array } | undefined> {
    const row = await this.db.selectFrom('request_attachments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { attachment: toAttachment(row), data: new Uint8Array(row.data) } : undefined;
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('request_attachments').where('id', '=', id).execute();
  }
}
