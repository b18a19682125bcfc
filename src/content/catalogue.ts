import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { contentChanged } from './generation.ts';
import { loadContent, type LoadedContent } from './load.ts';
import { config } from '../domain/config.ts';

/** Where the server reads content from: CONTENT_DIR, else ./content under the working directory. */
export function contentDir(): string {
  return path.resolve(config().CONTENT_DIR);
}

let current: Promise<LoadedContent> | undefined;
let watcher: FSWatcher | undefined;
let pollUntil = 0;

/**
 * The validated content, held in memory. It is read once and again only after a file under content/ changes,
 * so requests cost no file reads; where the file system cannot be watched, it re-reads at most once a second.
 */
export function getCatalogue(): Promise<LoadedContent> {
  if (!watcher && Date.now() > pollUntil) forget();
  if (!current) {
    current = loadContent(contentDir());
    startWatching();
  }
  return current;
}

function forget(): void {
  if (!current) return;
  current = undefined;
  contentChanged();
}

function startWatching(): void {
  if (watcher) return;
  try {
    watcher = watch(contentDir(), { recursive: true, persistent: false }, forget);
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
    });
  } catch {
    watcher = undefined;
    pollUntil = Date.now() + 1000;
  }
}

/**
 * Drops the loaded content at once after this process wrote a working copy (a register created in the browser), so
 * the next page sees it without waiting for the file system's event, which may come late or, when polling, not at all.
 */
export function contentWritten(): void {
  forget();
}
