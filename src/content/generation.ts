/**
 * How many times the working copies in CONTENT_DIR have been found changed since the process started. Kept on
 * globalThis, because the front server and the Astro bundle each load their own copy of this module and must agree.
 */
const KEY = Symbol.for('seloste.content.generation');
type Holder = { [KEY]?: number };

export function contentGeneration(): number {
  return (globalThis as Holder)[KEY] ?? 0;
}

/** Called in the same step that drops the loaded content, so no page rendered from old content can look current. */
export function contentChanged(): void {
  const holder = globalThis as Holder;
  holder[KEY] = (holder[KEY] ?? 0) + 1;
}
