import type { TFunction } from 'i18next';
import { formatDate } from '../domain/date.ts';
import type { Lang } from '../domain/language.ts';

/** Detail keys whose values are codes with a localized name, and the parts of that name's key before the code. */
const CODED: Record<string, readonly string[]> = {
  from: ['request', 'status'],
  to: ['request', 'status'],
  type: ['request', 'type'],
  outcome: ['request', 'outcome'],
  method: ['request', 'identity'],
  kind: ['letter', 'kind'],
  lang: ['lang'],
  channel: ['dataRequest', 'channel'],
  ground: ['request', 'withholding'],
  reason: ['audit', 'reason'],
  account: ['audit', 'reason'],
};
const DATES = new Set(['due', 'toldOn']);

/**
 * An audit event's details in the reader's language: "status: received → in progress", "kind: Decision", with codes
 * named, dates written out, hashes shortened and yes/no said in words. Unknown keys keep their raw text.
 */
export function auditDetailText(details: Record<string, string | number | boolean>, lang: Lang, t: TFunction): string {
  return Object.entries(details)
    .map(([key, value]) => {
      const label = t(`audit.detail.${key}`, { defaultValue: key });
      const text =
        typeof value === 'boolean'
          ? t(value ? 'audit.yes' : 'audit.no')
          : CODED[key]
            ? t([...CODED[key], value].join('.'), { defaultValue: String(value) })
            : DATES.has(key) && typeof value === 'string'
              ? formatDate(value, lang)
              : key === 'sha256' && typeof value === 'string'
                ? `${value.slice(0, 12)}…`
                : String(value);
      return `${label}: ${text}`;
    })
    .join('; ');
}

/** Where an event's entity can be seen: a request's page, a Sosdata notification, or the users page; else undefined. */
export function auditEntityHref(entity: string | undefined, lang: Lang): string | undefined {
  const request = /^request:(TS-\d{4}-\d{6})$/u.exec(entity ?? '');
  if (request) return `/${lang}/staff/requests/${request[1]}`;
  if (/^user:/u.test(entity ?? '')) return `/${lang}/staff/users`;
  const sosdata = /^sosdata:([a-z0-9-]+)$/u.exec(entity ?? '');
  if (sosdata) return `/${lang}/staff/sosdata/notifications/${sosdata[1]}`;
  return undefined;
}
