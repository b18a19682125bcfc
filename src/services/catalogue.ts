import { can, type Permission } from '../domain/access.ts';
import { getCatalogue } from '../content/catalogue.ts';
import type { Lang } from '../domain/language.ts';
import { pickLanguage } from '../domain/localized-text.ts';
import type { Actor } from '../domain/user.ts';

export { getCatalogue } from '../content/catalogue.ts';
export type { LoadedContent } from '../content/load.ts';

/** Every register of the catalogue, by id, with the organisation it belongs to. */
export async function registerOrganisations(): Promise<Map<string, string>> {
  const catalogue = await getCatalogue();
  return new Map([...catalogue.registers].map(([id, entry]) => [id, entry.register.organisation]));
}

/** The organisations of the catalogue, by id, with their names in a language (falling back as names do). */
export async function organisationNames(lang: Lang): Promise<Map<string, string>> {
  const catalogue = await getCatalogue();
  return new Map(
    [...catalogue.organisations.values()]
      .map((organisation) => [organisation.id, pickLanguage(organisation.name, lang).value] as const)
      .sort((a, b) => a[1].localeCompare(b[1], lang)),
  );
}

/** The registers of the organisations where the actor has a permission, with their titles in a language, by title. */
export async function registersFor(actor: Actor, permission: Permission, lang: Lang) {
  const catalogue = await getCatalogue();
  return [...catalogue.registers.values()]
    .filter(({ register }) => can(actor, permission, register.organisation))
    .map(({ register }) => ({
      id: register.id,
      organisation: register.organisation,
      title: pickLanguage(register.title, lang),
      status: register.status,
    }))
    .sort((a, b) => a.title.value.localeCompare(b.title.value, lang));
}
