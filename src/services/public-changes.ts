import { contentGeneration } from '../content/generation.ts';

/**
 * Something that tells when public content may have changed: a counter that only grows. `generation()` is read on
 * every cached response, so it must return a value already at hand (the database's change counter as last polled),
 * never run a query.
 */
export interface ChangeSource {
  generation(): number;
}

const KEY = Symbol.for('seloste.public-changes');
interface State {
  /** Changes made in this process (a publication), known at once. */
  local: number;
  sources: ChangeSource[];
}

/** Shared through globalThis: the front server and the Astro bundle each load their own copy of this module. */
function state(): State {
  const holder = globalThis as { [KEY]?: State };
  return (holder[KEY] ??= { local: 0, sources: [] });
}

/**
 * A number that changes whenever anything public may have changed: the working copies on disk, a publication in this
 * process, or any added source (another instance's publication, through the shared database). Caches of public pages
 * keep the number they were filled under and drop what was filled under another.
 */
export function publicGeneration(): number {
  const { local, sources } = state();
  return sources.reduce((sum, source) => sum + source.generation(), local + contentGeneration());
}

/** Tells this process's caches that public content changed here (for example, a version was published). */
export function publicContentChanged(): void {
  state().local += 1;
}

/** Adds a source of changes made elsewhere; returns a function that removes it. */
export function addChangeSource(source: ChangeSource): () => void {
  const { sources } = state();
  sources.push(source);
  return () => {
    const index = sources.indexOf(source);
    if (index >= 0) sources.splice(index, 1);
  };
}
