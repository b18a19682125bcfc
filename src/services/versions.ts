import { diffWords } from 'diff';
import { getCatalogue } from '../content/catalogue.ts';
import { todayInFinland } from '../domain/calendar.ts';
import type { Lang } from '../domain/language.ts';
import type { RegisterVersion, VersionInfo } from '../domain/register-version.ts';
import { pickLanguage, type Localized } from '../domain/localized-text.ts';
import type { Block, NoticeView } from '../render/notice-view.ts';
import { urls } from '../i18n/routes.ts';
import { noticeViewOf, type Notice } from './notice.ts';
import { renderPdf } from './notice-pdf.ts';
import { publicOrigin } from './public-origin.ts';
import { publishedEntry, publishedStore } from './published.ts';
import { publicRegister } from './register-index.ts';

/**
 * Past versions for citizens: every version that has come into force stays readable at its own address (page, PDF
 * and JSON), so anyone can see what a notice said on a given day. Versions scheduled for a later day are not shown
 * until then.
 */
async function publicVersion(id: string, number: number): Promise<RegisterVersion | undefined> {
  const version = await (await publishedStore()).registerVersions.get(id, number);
  return version && version.effective <= todayInFinland() ? version : undefined;
}

/** The versions of a register that have come into force, newest first; undefined when none has. */
export async function versionHistory(id: string, lang: Lang): Promise<{ title: Localized; versions: VersionInfo[] } | undefined> {
  const store = await publishedStore();
  const today = todayInFinland();
  const versions = (await store.registerVersions.history(id)).filter((version) => version.effective <= today);
  if (versions.length === 0) return undefined;
  const newest = await store.registerVersions.get(id, versions[0]!.number);
  return newest ? { title: pickLanguage(newest.register.title, lang), versions } : undefined;
}

/** One past version's notice in a language, as its page and PDF show it. */
export async function versionNotice(id: string, number: number, lang: Lang): Promise<Notice | undefined> {
  const version = await publicVersion(id, number);
  if (!version) return undefined;
  const content = await getCatalogue();
  const entry = publishedEntry(version, content);
  return { entry, view: await noticeViewOf(entry.register, content.organisations, lang) };
}

export async function versionPdf(id: string, number: number, lang: Lang): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const notice = await versionNotice(id, number, lang);
  return notice ? renderPdf(notice, lang, { origin: publicOrigin() }) : undefined;
}

/** The public part of one past version, with its number and dates; never the internal Art 30 record. */
export async function versionJson(id: string, number: number) {
  const version = await publicVersion(id, number);
  if (!version) return undefined;
  const { register, ...info } = version;
  return { version: info, register: publicRegister({ ...register, version: number }) };
}

/** A piece of a section's text: unchanged, added in the newer version or removed from the older. */
export interface ChangePart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface SectionChange {
  key: string;
  heading: string;
  /** Whether the section differs; unchanged sections are listed too, so the reader sees what was compared. */
  changed: boolean;
  parts: ChangePart[];
}

/**
 * What changed between two versions, section by section, in the reader's language: each section of either version
 * as text, compared word by word with the `diff` library.
 */
export async function compareVersions(
  id: string,
  from: number,
  to: number,
  lang: Lang,
): Promise<{ title: string; from: VersionInfo; to: VersionInfo; sections: SectionChange[] } | undefined> {
  const [older, newer] = await Promise.all([versionNotice(id, from, lang), versionNotice(id, to, lang)]);
  if (!older || !newer) return undefined;
  const before = sectionTexts(older.view);
  const after = sectionTexts(newer.view);
  const keys = [...new Set([...newer.view.sections.map((section) => section.key), ...older.view.sections.map((section) => section.key)])];
  const headings = new Map([...older.view.sections, ...newer.view.sections].map((section) => [section.key, section.heading]));
  const sections = keys.map((key) => {
    const parts = diffWords(before.get(key) ?? '', after.get(key) ?? '').map((change) => ({
      value: change.value,
      added: change.added,
      removed: change.removed,
    }));
    return { key, heading: headings.get(key) ?? key, changed: parts.some((part) => part.added || part.removed), parts };
  });
  return { title: newer.view.title.value, from: older.entry.version, to: newer.entry.version, sections };
}

function sectionTexts(view: NoticeView): Map<string, string> {
  return new Map(view.sections.map((section) => [section.key, blocksText(section.blocks).join('\n')]));
}

/** A section's blocks as lines of plain text (markdown as written), the way a reader would compare them. */
function blocksText(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'markdown':
        return [block.text.value];
      case 'list':
        return block.items.map((item) => `- ${item.value}`);
      case 'fields':
        return block.rows.map((row) => `${row.label}: ${row.value.value}`);
      case 'statutes':
        return [block.label, ...block.items.map((item) => [item.citation, item.title?.value].filter(Boolean).join(' '))];
      case 'table':
        return [block.caption, block.head.join(' | '), ...block.rows.map((row) => row.map((cell) => cell.value).join(' | '))];
      case 'group':
        return [...(block.heading ? [block.heading.value] : []), ...blocksText(block.blocks)];
    }
  });
}

/** One entry of an Atom feed of new versions. */
export interface FeedEntry {
  id: string;
  title: string;
  summary: Localized;
  updated: string;
  url: string;
}

/**
 * The newest versions that have come into force, of one organisation or of the whole catalogue, for an Atom feed in
 * the reader's language; undefined for an organisation that has published nothing.
 */
export async function versionFeed(lang: Lang, organisation?: string): Promise<{ title: string; entries: FeedEntry[] } | undefined> {
  const store = await publishedStore();
  const today = todayInFinland();
  const recent = (await store.registerVersions.recent(50, organisation)).filter((version) => version.effective <= today);
  const content = await getCatalogue();
  const owner = organisation ? content.organisations.get(organisation) : undefined;
  if (organisation && (!owner || recent.length === 0)) return undefined;
  const entries = await Promise.all(
    recent.map(async (info) => {
      const version = await store.registerVersions.get(info.registerId, info.number);
      const title = version ? pickLanguage(version.register.title, lang).value : info.registerId;
      return {
        id: `${info.registerId}/${info.number}`,
        title: `${title} (${info.number})`,
        summary: pickLanguage(info.summary, lang),
        updated: info.publishedAt,
        url: new URL(urls.registerVersion(lang, info.registerId, info.number), publicOrigin()).href,
      };
    }),
  );
  return { title: owner ? pickLanguage(owner.name, lang).value : '', entries };
}
