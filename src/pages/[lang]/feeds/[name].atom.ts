import type { APIRoute } from 'astro';
import { ID_PATTERN } from '../../../domain/contact.ts';
import { isLang } from '../../../domain/language.ts';
import { tFor } from '../../../i18n/index.ts';
import { urls } from '../../../i18n/routes.ts';
import { publicOrigin } from '../../../services/public-origin.ts';
import { versionFeed } from '../../../services/versions.ts';

const escape = (text: string) => text.replace(/[<>&"']/gu, (char) => `&#${char.charCodeAt(0)};`);

/** An Atom feed of new register versions: /fi/feeds/all.atom for the catalogue, /fi/feeds/<organisation>.atom for one. */
export const GET: APIRoute = async ({ params, rewrite }) => {
  const { lang, name = '' } = params;
  if (!isLang(lang) || (name !== 'all' && !ID_PATTERN.test(name))) return rewrite('/404');
  const feed = await versionFeed(lang, name === 'all' ? undefined : name);
  if (!feed) return rewrite('/404');
  const t = tFor(lang);
  const self = new URL(urls.versionFeed(lang, name), publicOrigin()).href;
  const title = feed.title ? t('workspace.feed.organisation', { organisation: feed.title }) : t('workspace.feed.all');
  const updated = feed.entries[0]?.updated ?? new Date(0).toISOString();
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `<id>${escape(self)}</id>`,
    `<title>${escape(title)}</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="self" href="${escape(self)}"/>`,
    `<link rel="alternate" href="${escape(new URL(urls.home(lang), publicOrigin()).href)}"/>`,
    ...feed.entries.map((entry) =>
      [
        '<entry>',
        `<id>${escape(entry.url)}</id>`,
        `<title>${escape(entry.title)}</title>`,
        `<updated>${entry.updated}</updated>`,
        `<link rel="alternate" href="${escape(entry.url)}"/>`,
        `<summary xml:lang="${entry.summary.lang}">${escape(entry.summary.value)}</summary>`,
        `<author><name>${escape(title)}</name></author>`,
        '</entry>',
      ].join(''),
    ),
    '</feed>',
  ].join('\n');
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
