import type { APIRoute } from 'astro';
import { getCatalogue } from '../services/catalogue.ts';
import { LANGS } from '../domain/language.ts';
import { alternatesFor, urls } from '../i18n/routes.ts';

/** Open data: every published register, with links to its notice in each language and to its JSON. */
export const GET: APIRoute = async ({ url }) => {
  const catalogue = await getCatalogue();
  const registers = [...catalogue.registers.values()]
    .filter(({ register }) => register.status === 'published')
    .map(({ register, languages }) => ({
      id: register.id,
      title: register.title,
      organisation: register.organisation,
      format: register.format,
      version: register.version,
      published: register.published,
      updated: register.updated,
      languages: languages.complete,
      json: new URL(urls.registerJson(register.id), url).href,
      html: alternatesFor((lang) => new URL(urls.register(lang, register.id), url).href),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return Response.json({ $schema: new URL(urls.schema('register'), url).href, languages: LANGS, count: registers.length, registers });
};
