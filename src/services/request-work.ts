import { createHash } from 'node:crypto';
import { can } from '../domain/access.ts';
import { ATTACHMENT_MAX_COUNT, attachmentProblem, attachmentType, ATTACHMENT_TYPES, type Attachment } from '../domain/attachment.ts';
import { WITHHOLDING_GROUNDS, type DataSubjectRequest } from '../domain/request.ts';
import type { Actor } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { changeRequest, RequestError } from './requests.ts';

/** An internal note on a request: for the file, never in a letter; the audit event says a note was added, not what. */
export function addNote(store: Store, id: string, text: string, actor: Actor, now = new Date()): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, (request) => {
    request.notes = [...(request.notes ?? []), { at: now.toISOString(), by: actor.username, text }];
    return [{ action: 'request.note', details: {} }];
  });
}

/** The registers the reply describes: those the handler ticked, all of them among the request's own. */
export function chooseReplyRegisters(store: Store, id: string, registers: string[], actor: Actor): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, (request) => {
    if (registers.length === 0 || registers.some((register) => !request.registers.includes(register)))
      throw new RequestError('request.reply.registers');
    request.replyRegisters = [...new Set(registers)];
    return [{ action: 'request.replyRegisters', details: { count: request.replyRegisters.length } }];
  });
}

/**
 * Records an item withheld from the reply with its legal ground. The description stays in the file; the audit event
 * names the ground, and the letter names the grounds (never the withheld content).
 */
export function withhold(
  store: Store,
  id: string,
  item: { description: string; ground: (typeof WITHHOLDING_GROUNDS)[number] },
  actor: Actor,
  now = new Date(),
): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, (request) => {
    request.withheld = [...(request.withheld ?? []), { ...item, at: now.toISOString(), by: actor.username }];
    return [{ action: 'request.withheld', details: { ground: item.ground } }];
  });
}

/**
 * Attaches a file to a request (the copy of the data for the reply): checked against the allowed types and the size
 * limit, stored with its SHA-256, and audited with the hash but not the name (a name can be personal data).
 */
export async function attachFile(
  store: Store,
  id: string,
  file: { name: string; bytes: Uint8Array },
  actor: Actor,
  now = new Date(),
): Promise<Attachment> {
  const problem = attachmentProblem(file.name, file.bytes);
  if (problem) throw new RequestError(problem, { max: 12 });
  let added: Attachment | undefined;
  await changeRequest(store, id, actor, async (request, repositories) => {
    if ((await repositories.attachments.forRequest(request.id)).length >= ATTACHMENT_MAX_COUNT)
      throw new RequestError('attachment.tooMany', { max: ATTACHMENT_MAX_COUNT });
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    added = await repositories.attachments.add(
      {
        id: crypto.randomUUID(),
        requestId: request.id,
        name: file.name.trim(),
        mediaType: ATTACHMENT_TYPES[attachmentType(file.name)!].mediaType,
        size: file.bytes.length,
        sha256,
        uploadedAt: now.toISOString(),
        uploadedBy: actor.username,
      },
      file.bytes,
    );
    return [{ action: 'request.attachmentAdded', details: { sha256, size: file.bytes.length } }];
  });
  return added!;
}

/** Removes an attachment that was uploaded by mistake (before the reply went out). */
export function removeAttachment(store: Store, id: string, attachmentId: string, actor: Actor): Promise<DataSubjectRequest> {
  return changeRequest(store, id, actor, async (request, repositories) => {
    const found = (await repositories.attachments.forRequest(request.id)).find((attachment) => attachment.id === attachmentId);
    if (!found) throw new RequestError('attachment.unknown');
    await repositories.attachments.remove(found.id);
    return [{ action: 'request.attachmentRemoved', details: { sha256: found.sha256 } }];
  });
}

/** An attachment's bytes, for someone who may read the organisation's requests; every download is audited. */
export async function downloadAttachment(
  store: Store,
  attachmentId: string,
  actor: Actor,
): Promise<{ attachment: Attachment; data: Uint8Array } | undefined> {
  const found = await store.attachments.withData(attachmentId);
  if (!found) return undefined;
  const request = await store.requests.byId(found.attachment.requestId);
  if (!request || !can(actor, 'requests.read', request.organisation)) return undefined;
  await store.audit.append({
    actor: actor.username,
    action: 'request.attachmentDownloaded',
    entity: `request:${request.reference}`,
    organisation: request.organisation,
    details: { sha256: found.attachment.sha256 },
  });
  return found;
}
