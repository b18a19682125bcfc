import type { APIRoute } from 'astro';
import { getPublishedCatalogue } from '../services/published.ts';
import { LANGS } from '../domain/language.ts';
import { alternatesFor, urls } from '../i18n/routes.ts';
import { publicOrigin } from '../services/public-origin.ts';

/** Open data: every published register, with links to its notice in each language and to its JSON, on the public origin. */
export const GET: APIRoute = async () => {
  const catalogue = await getPublishedCatalogue();
  // Links come from configuration: a request's Host header is anyone's to set.
  const origin = publicOrigin();
  const registers = [...catalogue.registers.values()]
    .map(({ register, languages, version }) => ({
      id: register.id,
      title: register.title,
      organisation: register.organisation,
      format: register.format,
      version: version.number,
      effective: version.effective,
      published: register.published,
      updated: register.updated,
      languages: languages.complete,
      json: new URL(urls.registerJson(register.id), origin).href,
      html: alternatesFor((lang) => new URL(urls.register(lang, register.id), origin).href),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return Response.json({ $schema: new URL(urls.schema('register'), origin).href, languages: LANGS, count: registers.length, registers });
};
