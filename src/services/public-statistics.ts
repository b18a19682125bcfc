import { getCatalogue } from '../content/catalogue.ts';
import { todayInFinland } from '../domain/calendar.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage, type Localized } from '../domain/localized-text.ts';
import { yearStatistics, type RequestFacts, type YearStatistics } from '../domain/statistics.ts';
import { appStore } from './runtime.ts';

export interface StatisticsView {
  organisations: { id: string; name: Localized }[];
  organisation: string;
  year: number;
  years: number[];
  statistics: YearStatistics;
}

/**
 * The public statistics of one organisation (one that publishes registers) and year, chosen by the reader; an
 * unknown organisation or year falls back to the first organisation and the current year. Counts only, suppressed.
 */
export async function publicStatistics(lang: Lang, query: { organisation?: string | null; year?: string | null }): Promise<StatisticsView> {
  const catalogue = await getCatalogue();
  const publishing = new Set(
    [...catalogue.registers.values()]
      .filter(({ register }) => register.status === 'published')
      .map(({ register }) => register.organisation),
  );
  const organisations = [...catalogue.organisations.values()]
    .filter((organisation) => publishing.has(organisation.id))
    .map((organisation) => ({ id: organisation.id, name: pickLanguage(organisation.name, lang) }))
    .sort((a, b) => a.name.value.localeCompare(b.name.value, lang));
  const organisation = organisations.find((candidate) => candidate.id === query.organisation)?.id ?? organisations[0]?.id ?? '';
  const current = Number(todayInFinland().slice(0, 4));
  const years = Array.from({ length: 5 }, (_, index) => current - index);
  const year = years.find((candidate) => String(candidate) === query.year) ?? current;
  const facts: RequestFacts[] = [];
  if (organisation)
    for await (const request of (await appStore()).requests.all({ every: false, ids: [organisation] }))
      facts.push({
        type: request.type,
        received: request.received,
        ...(request.decidedOn ? { decidedOn: request.decidedOn } : {}),
        due: request.extension?.due.date ?? request.due.date,
        extended: Boolean(request.extension),
      });
  return { organisations, organisation, year, years, statistics: yearStatistics(organisation, year, facts) };
}
