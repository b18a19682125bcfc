import type { TFunction } from 'i18next';
import type { Deadline, DeadlineStep } from '../domain/deadline.ts';

/** 31.1.2026: the numeric form Finnish authorities use in every language of a decision. */
export function day(iso: string): string {
  const [year, month, date] = iso.split('-').map(Number);
  return `${date}.${month}.${year}`;
}

function stepText(step: DeadlineStep, t: TFunction): string {
  switch (step.kind) {
    case 'received':
      return t('deadline.received', { date: day(step.date) });
    case 'period':
      return t(`deadline.period.${step.period}`, { date: day(step.end) });
    case 'stopped':
      return t('deadline.stopped', { count: step.days, date: day(step.end) });
    case 'moved':
      return t('deadline.moved', { reason: t(`deadline.reason.${step.reason}`), date: day(step.to) });
    case 'basis':
      return t(`deadline.basis.${step.basis}`);
    case 'set':
      return t('deadline.set.ombudsman', { date: day(step.date) });
  }
}

/**
 * Why a date is the date, in the reader's language: "received 31.1.2026; one month ends 28.2.2026, a Saturday;
 * next working day 2.3.2026".
 */
export function explainDeadline(deadline: Deadline, t: TFunction): string {
  const parts = deadline.steps.map((step) => stepText(step, t));
  const text = parts.reduce(
    (out, part, index) => (index === 0 ? part : deadline.steps[index]!.kind === 'moved' ? `${out}, ${part}` : `${out}; ${part}`),
    '',
  );
  return deadline.paused ? `${text} (${t('deadline.paused')})` : text;
}

/** Days to a due date as a person says it: "3 days left", "due today", "2 days overdue". */
export function daysLeftText(days: number, t: TFunction): string {
  if (days === 0) return t('staff.requests.dueToday');
  return days > 0 ? t('staff.requests.daysLeft', { count: days }) : t('staff.requests.daysOverdue', { count: -days });
}
