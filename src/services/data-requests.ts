import { hostname } from 'node:os';
import { can } from '../domain/access.ts';
import { todayInFinland } from '../domain/calendar.ts';
import { awaited, dueForReminder, type DataRequest } from '../domain/data-request.ts';
import { maskHetu } from '../domain/hetu.ts';
import type { Lang } from '../domain/language.ts';
import type { DataSubjectRequest } from '../domain/request.ts';
import type { Actor } from '../domain/user.ts';
import { readTemplate } from '../content/templates.ts';
import { tFor } from '../i18n/index.ts';
import { day as letterDay } from '../render/deadline-text.ts';
import type { Repositories, Store } from '../store/index.ts';
import { mailConfigured, sendMail } from './mailer.ts';
import { scopeFor } from './request-query.ts';
import { changeRequest, RequestError } from './requests.ts';
import { registerInForce } from './register-reply.ts';
import { pickLanguage } from '../domain/localized-text.ts';

/** What the owner is told: the request, whose data, which register, by when, and to answer the registry office. */
async function message(
  repositories: Pick<Repositories, 'registerVersions'>,
  request: DataSubjectRequest,
  register: string,
  due: string,
  lang: Lang,
  kind: 'data-request' | 'data-reminder',
): Promise<{ subject: string; text: string }> {
  const t = tFor(lang);
  const inForce = await registerInForce(repositories, register, request.received);
  const period = request.logData
    ? t('dataRequest.mail.period', {
        from: letterDay(request.logData.from),
        to: letterDay(request.logData.to),
        services: request.logData.services,
      })
    : '';
  const text = await readTemplate(`letters/${kind}`, lang, {
    reference: request.reference,
    type: t(`request.type.${request.type}`),
    register: inForce ? pickLanguage(inForce.register.title, lang).value : register,
    // The full identity code never goes by e-mail: the owner asks the registry office for it over a secure channel.
    requester: [request.requester.name, request.requester.hetu ? maskHetu(request.requester.hetu) : undefined].filter(Boolean).join(', '),
    period,
    due: letterDay(due),
    requestDue: letterDay(request.extension?.due.date ?? request.due.date),
  });
  return { subject: t(`dataRequest.mail.subject.${kind}`, { reference: request.reference }), text };
}

/** The data request, checked to belong to a request the actor may act on; with that request. */
async function load(
  repositories: Repositories,
  id: string,
  actor: Actor,
): Promise<{ dataRequest: DataRequest; request: DataSubjectRequest }> {
  const dataRequest = await repositories.dataRequests.byId(id);
  if (!dataRequest) throw new RequestError('dataRequest.unknown');
  const request = await repositories.requests.byId(dataRequest.requestId);
  if (!request) throw new RequestError('request.unknown');
  if (!can(actor, 'requests.act', request.organisation)) throw new RequestError('request.forbidden');
  return { dataRequest, request };
}

/**
 * Prepares a data request to a register's owner: a contact (from the register, or as the handler names one) and an
 * internal due date, between receipt and the request's own due date. The message is written in `lang`.
 */
export function createDataRequest(
  store: Store,
  requestId: string,
  input: { register: string; contact: { name: string; email?: string }; due: string; lang: Lang },
  actor: Actor,
): Promise<DataSubjectRequest> {
  const now = new Date();
  return changeRequest(store, requestId, actor, async (request, repositories) => {
    if (!request.registers.includes(input.register)) throw new RequestError('dataRequest.register');
    const requestDue = request.extension?.due.date ?? request.due.date;
    if (input.due < request.received) throw new RequestError('dataRequest.due.beforeReceipt');
    if (input.due > requestDue) throw new RequestError('dataRequest.due.afterRequest', { date: letterDay(requestDue) });
    const { text } = await message(repositories, request, input.register, input.due, input.lang, 'data-request');
    await repositories.dataRequests.save({
      id: crypto.randomUUID(),
      requestId: request.id,
      reference: request.reference,
      organisation: request.organisation,
      register: input.register,
      contact: input.contact,
      due: input.due,
      status: 'to-send',
      createdAt: now.toISOString(),
      createdBy: actor.username,
      message: text,
      reminders: [],
    });
    return [{ action: 'dataRequest.created', details: { register: input.register, due: input.due } }];
  });
}

/**
 * Sends a data request: by e-mail through the configured server, or records that the handler sent it by hand (the
 * only way when no server is configured or the contact has no address). A refused e-mail records nothing as sent.
 */
export async function sendDataRequest(
  store: Store,
  id: string,
  channel: 'email' | 'manual',
  actor: Actor,
  lang: Lang,
  now = new Date(),
): Promise<void> {
  const { dataRequest, request } = await load(store, id, actor);
  if (dataRequest.status !== 'to-send') throw new RequestError('dataRequest.notToSend');
  if (channel === 'email') {
    if (!mailConfigured() || !dataRequest.contact.email) throw new RequestError('dataRequest.noMail');
    const { subject } = await message(store, request, dataRequest.register, dataRequest.due, lang, 'data-request');
    try {
      await sendMail({ to: dataRequest.contact.email, subject, text: dataRequest.message });
    } catch {
      await store.audit.append({
        actor: actor.username,
        action: 'dataRequest.failed',
        entity: `request:${request.reference}`,
        organisation: request.organisation,
        details: { register: dataRequest.register },
      });
      throw new RequestError('dataRequest.mailFailed');
    }
  }
  await changeRequest(store, request.id, actor, async (_request, repositories) => {
    const current = (await repositories.dataRequests.byId(id))!;
    if (current.status !== 'to-send') throw new RequestError('dataRequest.notToSend');
    await repositories.dataRequests.save({ ...current, status: 'sent', sent: { at: now.toISOString(), by: actor.username, channel } });
    return [{ action: 'dataRequest.sent', details: { register: current.register, channel } }];
  });
}

/** Records the owner's answer (the data itself is attached to the request as files); late when past the due date. */
export async function answerDataRequest(store: Store, id: string, note: string | undefined, actor: Actor, now = new Date()): Promise<void> {
  const { dataRequest, request } = await load(store, id, actor);
  await changeRequest(store, request.id, actor, async (_request, repositories) => {
    if (!awaited(dataRequest)) throw new RequestError('dataRequest.notAwaited');
    const late = todayInFinland(now) > dataRequest.due;
    await repositories.dataRequests.save({
      ...dataRequest,
      status: 'answered',
      answered: { at: now.toISOString(), by: actor.username, ...(note ? { note } : {}), late },
    });
    return [{ action: 'dataRequest.answered', details: { register: dataRequest.register, late } }];
  });
}

export async function cancelDataRequest(store: Store, id: string, actor: Actor): Promise<void> {
  const { dataRequest, request } = await load(store, id, actor);
  await changeRequest(store, request.id, actor, async (_request, repositories) => {
    if (dataRequest.status === 'answered' || dataRequest.status === 'cancelled') throw new RequestError('dataRequest.notAwaited');
    await repositories.dataRequests.save({ ...dataRequest, status: 'cancelled' });
    return [{ action: 'dataRequest.cancelled', details: { register: dataRequest.register } }];
  });
}

/** The data requests of one request, for someone who may read it. */
export async function dataRequestsOf(store: Store, request: DataSubjectRequest, actor: Actor): Promise<DataRequest[]> {
  return can(actor, 'requests.read', request.organisation) ? store.dataRequests.forRequest(request.id) : [];
}

/** What is still awaited from register owners, across the organisations the actor reads: for the dashboard. */
export async function awaitedDataRequests(store: Store, actor: Actor, limit = 10) {
  return store.dataRequests.awaited(scopeFor(actor, 'requests.read'), limit);
}

const LEASE = 'data-request-reminders';
const LEASE_MS = 10 * 60_000;

/**
 * The daily reminders: every data request past its due date without an answer gets one reminder a day by e-mail.
 * Run by the server (hourly; the first run of a day sends) and by `seloste remind` from cron. A lease row lets one
 * instance at a time run it, and each reminder is claimed for the day before it is sent, so none goes out twice.
 * Returns what was sent, and what could not be (no mail server, or no address: the page shows those as late).
 */
export async function sendReminders(
  store: Store,
  options: { lang: Lang; now?: Date; holder?: string } = { lang: 'fi' },
): Promise<{ ran: boolean; sent: string[]; unsent: string[] }> {
  const now = options.now ?? new Date();
  const holder = options.holder ?? `${hostname()}:${process.pid}`;
  if (!(await store.jobLeases.acquire(LEASE, holder, LEASE_MS, now))) return { ran: false, sent: [], unsent: [] };
  const sent: string[] = [];
  const unsent: string[] = [];
  try {
    const today = todayInFinland(now);
    for (const dataRequest of await store.dataRequests.dueForReminder(today)) {
      if (!dueForReminder(dataRequest, today)) continue;
      if (!mailConfigured() || !dataRequest.contact.email) {
        unsent.push(dataRequest.reference);
        continue;
      }
      if (!(await store.dataRequests.claimReminder(dataRequest.id, today))) continue;
      const request = await store.requests.byId(dataRequest.requestId);
      if (!request) continue;
      const mail = await message(store, request, dataRequest.register, dataRequest.due, options.lang, 'data-reminder');
      try {
        await sendMail({ to: dataRequest.contact.email, ...mail });
      } catch {
        // Give the day back, so the next run tries again.
        await store.dataRequests.save({ ...dataRequest });
        unsent.push(dataRequest.reference);
        continue;
      }
      await store.transaction(async (repositories) => {
        const current = (await repositories.dataRequests.byId(dataRequest.id))!;
        await repositories.dataRequests.save({
          ...current,
          remindedOn: today,
          reminders: [...current.reminders, { at: now.toISOString(), channel: 'email' }],
        });
        await repositories.audit.append({
          actor: 'system',
          action: 'dataRequest.reminded',
          entity: `request:${request.reference}`,
          organisation: request.organisation,
          details: { register: dataRequest.register },
        });
      });
      sent.push(dataRequest.reference);
    }
  } finally {
    await store.jobLeases.release(LEASE, holder);
  }
  return { ran: true, sent, unsent };
}
