/** Counters per request, so ids made during one page's render are unique on the page and the same on every render. */
const counters = new WeakMap<Request, number>();

/** The next id with this prefix in the page that `request` renders: `table-1`, `table-2`, … */
export function nextId(request: Request, prefix: string): string {
  const next = (counters.get(request) ?? 0) + 1;
  counters.set(request, next);
  return `${prefix}-${next}`;
}
