import type { TFunction } from 'i18next';
import { isRealIsoDate } from '../domain/date.ts';
import { computeDeadlines, REQUEST_TYPES, type RequestType } from '../domain/deadline.ts';
import { explainDeadline } from '../render/deadline-text.ts';
import { parseOptions } from './options.ts';

/** `seloste deadline --received YYYY-MM-DD [--type TYPE] [--json]`: the due date and the extended due date, with why. */
export async function runDeadline(args: string[], t: TFunction): Promise<number> {
  const { values } = parseOptions(args, { received: { type: 'string' }, type: { type: 'string' }, json: { type: 'boolean' } });
  const received = values.received ?? '';
  if (!isRealIsoDate(received)) {
    console.error(t('cli.deadline.badDate', { value: received }));
    return 2;
  }
  const type = (values.type ?? 'access') as RequestType;
  if (!REQUEST_TYPES.includes(type)) {
    console.error(t('cli.deadline.badType', { value: type, types: REQUEST_TYPES.join(', ') }));
    return 2;
  }
  const { due, extendedDue } = computeDeadlines({ received, type });
  const explanation = { due: explainDeadline(due, t), extendedDue: explainDeadline(extendedDue, t) };
  if (values.json) console.log(JSON.stringify({ received, type, due: due.date, extendedDue: extendedDue.date, explanation }, null, 2));
  else console.log(`${t('cli.deadline.due')}: ${explanation.due}\n${t('cli.deadline.extendedDue')}: ${explanation.extendedDue}`);
  return 0;
}
