import type { TFunction } from 'i18next';
import { formatDate } from '../domain/date.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage, type LocalizedText } from '../domain/localized-text.ts';
import type { Person } from '../domain/contact.ts';
import type { Register } from '../domain/register.ts';
import { formatPeriod } from '../render/notice-view.ts';
import type { Repositories } from '../store/index.ts';

/** A register as published on a day, with the number of that published version. */
export interface RegisterInForce {
  register: Register;
  version: { number: number; effective?: string };
}

/** The published version of a register in force on a day (Finnish time), named with the database's number. */
export async function registerInForce(
  repositories: Pick<Repositories, 'registerVersions'>,
  registerId: string,
  date: string,
): Promise<RegisterInForce | undefined> {
  const [version] = await repositories.registerVersions.inForce(date, [registerId]);
  if (!version) return undefined;
  const { register, number, effective } = version;
  return { register, version: { number, effective } };
}

/**
 * What a reply to an access request tells of one register (GDPR Art 15(1)(a)–(h)), read from the register model in
 * one place, so that a renamed field is one edit here. Each value is markdown in the letter's language, or undefined
 * when the register says nothing of it.
 */
export interface RegisterFacts {
  purposes?: string;
  dataCategories?: string;
  recipients?: string;
  retention?: string;
  sources?: string;
  rights?: string;
  automatedDecisions?: string;
}

export const FACT_KEYS = ['purposes', 'dataCategories', 'recipients', 'retention', 'sources', 'rights', 'automatedDecisions'] as const;

export function registerFacts(register: Register, lang: Lang, t: TFunction): RegisterFacts {
  const text = (value: LocalizedText | undefined) => (value ? pickLanguage(value, lang).value : undefined);
  const lines = (values: (string | undefined)[]) => {
    const present = values.filter((value): value is string => Boolean(value?.trim()));
    return present.length ? present.join('\n\n') : undefined;
  };
  const bullets = (values: (string | undefined)[]) => {
    const present = values.filter((value): value is string => Boolean(value?.trim()));
    return present.length ? present.map((value) => `- ${value.replace(/\n+/gu, ' ')}`).join('\n') : undefined;
  };
  const groups = register.dataContent?.groups ?? [];
  return {
    purposes: lines([text(register.purposes?.description), bullets((register.purposes?.items ?? []).map(text))]),
    dataCategories: lines([
      bullets((register.dataSubjectGroups ?? []).flatMap((group) => (group.dataCategories ?? []).map(text))),
      text(register.dataContent?.description),
      bullets(groups.flatMap((group) => [...(group.items ?? []), ...(group.groups ?? []).flatMap((inner) => inner.items ?? [])]).map(text)),
    ]),
    recipients: lines([
      text(register.disclosures?.description),
      bullets((register.disclosures?.items ?? []).map((item) => text(item.recipient))),
    ]),
    retention: lines([
      text(register.retention?.description),
      bullets(
        (register.retention?.rules ?? []).map((rule) =>
          [text(rule.data), rule.period ? formatPeriod(rule.period, t) : undefined, text(rule.trigger)].filter(Boolean).join(': '),
        ),
      ),
    ]),
    sources: lines([
      text(register.sources?.description),
      bullets((register.sources?.items ?? []).map((item) => [text(item.source), text(item.description)].filter(Boolean).join(': '))),
    ]),
    rights: lines([
      text(register.rights?.description),
      bullets((register.rights?.exceptions ?? []).map((exception) => `${t(`notice.right.${exception.right}`)}: ${text(exception.reason)}`)),
    ]),
    automatedDecisions: register.automatedDecisions
      ? register.automatedDecisions.present
        ? (text(register.automatedDecisions.description) ?? t('letter.reply.automatedYes'))
        : t('letter.reply.automatedNo')
      : undefined,
  };
}

/** The register's section of a reply, as markdown: its title, the version named with its number, and each fact. */
export function registerReplySection(inForce: RegisterInForce, lang: Lang, t: TFunction): string {
  const { register, version } = inForce;
  const facts = registerFacts(register, lang, t);
  const heading = `**${pickLanguage(register.title, lang).value}** (${t('letter.reply.version', {
    version: version.number,
    date: version.effective ? formatDate(version.effective, lang) : '–',
  })})`;
  const parts = FACT_KEYS.map((key) => `*${t(`letter.reply.${key}`)}*\n\n${facts[key] ?? t('letter.reply.notStated')}`);
  return [heading, ...parts].join('\n\n');
}

/** Whom to ask for a register's data: its responsible person, then its contact persons, each with a name or a title. */
export function registerContacts(register: Register, lang: Lang): { name: string; email?: string }[] {
  const people: Person[] = [...(register.responsible?.person ? [register.responsible.person] : []), ...(register.contactPersons ?? [])];
  return people.map((person) => ({
    name: [
      person.name,
      person.title ? pickLanguage(person.title, lang).value : undefined,
      person.unit ? pickLanguage(person.unit, lang).value : undefined,
    ]
      .filter(Boolean)
      .join(', '),
    ...(person.email ? { email: person.email } : {}),
  }));
}
