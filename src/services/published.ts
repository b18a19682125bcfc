import { getCatalogue } from '../content/catalogue.ts';
import type { LoadedContent, RegisterEntry } from '../content/load.ts';
import { todayInFinland } from '../domain/calendar.ts';
import { languageReport } from '../domain/catalogue-rules.ts';
import type { RegisterVersion, VersionInfo } from '../domain/register-version.ts';
import type { Store } from '../store/index.ts';
import { publicGeneration } from './public-changes.ts';
import { appStore } from './runtime.ts';

/** A register as the public sees it: the version in force, with its number and dates. */
export interface PublishedEntry extends RegisterEntry {
  version: VersionInfo;
}

/**
 * What citizens are shown: the organisations of the working copies, and of the registers only the version in force
 * of each (never a working copy, so a broken or unapproved file cannot reach the public). Shaped as the loaded
 * content, so the catalogue, notices, PDFs and JSON read it as they read the files.
 */
export interface PublishedCatalogue extends LoadedContent {
  registers: Map<string, PublishedEntry>;
}

const KEY = Symbol.for('seloste.published-store');
type Holder = { [KEY]?: Store };

/**
 * Makes the public side read versions from this store rather than the server's (a command-line run, which opens and
 * closes its own); `undefined` goes back to the server's.
 */
export function usePublishedStore(store: Store | undefined): void {
  (globalThis as Holder)[KEY] = store;
}

/** The store versions are read from: the one a command-line run set, else the server's. */
export function publishedStore(): Promise<Store> {
  const own = (globalThis as Holder)[KEY];
  return own ? Promise.resolve(own) : appStore();
}

/** A published register in the form the public side reads: the edition number is the database's. */
export function publishedEntry(version: RegisterVersion, content: Pick<LoadedContent, 'organisations'>, file = ''): PublishedEntry {
  const { register: stored, ...info } = version;
  const register = { ...stored, status: 'published' as const, version: info.number };
  return { register, file, languages: languageReport(register, content.organisations.get(register.organisation)), version: info };
}

let cached: { key: string; content: LoadedContent; value: Promise<PublishedCatalogue> } | undefined;
let lastGood: PublishedCatalogue | undefined;

/**
 * The published catalogue, built once per change: a publication anywhere (through the change counters), an edited
 * organisation file, or a new day (a scheduled version comes into force). When the database cannot be read for a
 * moment, the last catalogue read keeps being served.
 */
export async function getPublishedCatalogue(): Promise<PublishedCatalogue> {
  const content = await getCatalogue();
  const today = todayInFinland();
  const key = `${publicGeneration()}:${today}`;
  if (cached?.key === key && cached.content === content) return cached.value;
  const value = (async () => {
    const store = await publishedStore();
    const versions = await store.registerVersions.inForce(today);
    const registers = new Map(
      versions.map((version) => [version.registerId, publishedEntry(version, content, content.registers.get(version.registerId)?.file)]),
    );
    const published: PublishedCatalogue = { ...content, registers, invalidRegisterFiles: [], issues: [] };
    lastGood = published;
    return published;
  })();
  cached = { key, content, value };
  try {
    return await value;
  } catch (error) {
    if (cached?.value === value) cached = undefined;
    if (lastGood) return lastGood;
    throw error;
  }
}
