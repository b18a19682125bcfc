import type { Store } from '../store/index.ts';
import { addChangeSource, publicContentChanged } from './public-changes.ts';

/** Scopes of cached things another instance can change. */
export type ChangeScope = 'content' | 'registers';

const listeners = new Map<ChangeScope, Set<() => void>>();

/** Runs `listener` whenever the scope changes, here or on another instance. Returns a function that stops it. */
export function onChange(scope: ChangeScope, listener: () => void): () => void {
  let set = listeners.get(scope);
  if (!set) listeners.set(scope, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function emit(scope: string): void {
  for (const listener of listeners.get(scope as ChangeScope) ?? []) listener();
}

/**
 * Records a change other instances must see (they drop their caches when they next poll), and tells this one now:
 * its listeners and its cache of public pages.
 */
export async function noteChange(store: Store, scope: ChangeScope): Promise<void> {
  await store.changes.bump(scope);
  publicContentChanged();
  emit(scope);
}

/**
 * Polls the change counters every `intervalMs` and tells the listeners of each scope that moved since the last look;
 * the sum of the counters, as last polled, is a change source of the public page cache, so a publication on another
 * instance empties this one's cache within one interval. A failed poll is tried again next time; it never stops the
 * server.
 */
export function watchChanges(store: Store, intervalMs: number): () => void {
  let seen: Map<string, number> | undefined;
  let total = 0;
  let running = false;
  const removeSource = addChangeSource({ generation: () => total });
  const poll = async () => {
    if (running) return;
    running = true;
    try {
      const now = await store.changes.current();
      if (seen) for (const [scope, counter] of now) if (seen.get(scope) !== counter) emit(scope);
      seen = now;
      total = [...now.values()].reduce((sum, counter) => sum + counter, 0);
    } catch {
      // The database is unavailable for a moment; health reports it, and the next poll tries again.
    } finally {
      running = false;
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    removeSource();
  };
}
