import { EFORM_ACTOR } from '../domain/eform.ts';
import { can } from '../domain/access.ts';
import type { AuditEvent } from '../domain/audit.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage } from '../domain/localized-text.ts';
import type { DataSubjectRequest } from '../domain/request.ts';
import type { Actor } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { getCatalogue } from './catalogue.ts';
import { dataRequestsOf } from './data-requests.ts';
import { draftHash } from './letters.ts';
import { mailConfigured } from './mailer.ts';
import { registerContacts } from './register-reply.ts';
import { assignableHandlers } from './requests.ts';

/**
 * Everything a request's page shows beside the request: its registers with their contacts, the files, the data
 * requests, the review setting, and the timeline (the request's audit events: letters, verification, assignment,
 * data requests and the rest, with no personal data in them).
 */
export async function requestPageData(store: Store, request: DataSubjectRequest, actor: Actor, lang: Lang) {
  const catalogue = await getCatalogue();
  const mayAct = can(actor, 'requests.act', request.organisation);
  const [attachments, dataRequests, settings, timeline, handlers] = await Promise.all([
    store.attachments.forRequest(request.id),
    dataRequestsOf(store, request, actor),
    store.settings.get(request.organisation),
    store.audit.forEntity(`request:${request.reference}`),
    mayAct ? assignableHandlers(store, request.organisation) : Promise.resolve([]),
  ]);
  const registers = request.registers.map((id) => {
    const entry = catalogue.registers.get(id);
    return {
      id,
      title: entry ? pickLanguage(entry.register.title, lang) : { value: id, lang, isFallback: false },
      article6: entry?.register.legalBasis?.article6,
      unit: entry?.register.responsible?.unit ? pickLanguage(entry.register.responsible.unit, lang).value : undefined,
      contacts: entry ? registerContacts(entry.register, lang) : [],
    };
  });
  const earlier = request.ombudsman ? await store.requests.byReference(request.ombudsman.earlierReference) : undefined;
  return {
    mayAct,
    registers,
    // A representative's proof of authority came with the request; it is not part of the reply.
    attachments: attachments.filter((attachment) => attachment.uploadedBy !== EFORM_ACTOR),
    proofs: attachments.filter((attachment) => attachment.uploadedBy === EFORM_ACTOR),
    dataRequests,
    reviewBeforeSending: settings.reviewBeforeSending,
    mailConfigured: mailConfigured(),
    draftHash: draftHash(request),
    handlers,
    timeline: timeline.map(timelineEntry),
    earlier: earlier && can(actor, 'requests.read', earlier.organisation) ? earlier.reference : undefined,
  };
}

/** One line of the timeline: when, who, what (an audit action), and the facts that say more about it. */
function timelineEntry(event: AuditEvent) {
  return { at: event.at, actor: event.actor, action: event.action, details: event.details ?? {} };
}
export type TimelineEntry = ReturnType<typeof timelineEntry>;
