/** One page of a list: the page asked for, clamped to the pages there are (a bad or missing number gives page 1). */
export function paginate<T>(
  items: readonly T[],
  requested: string | undefined,
  size: number,
): { items: T[]; total: number; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(pages, Math.max(1, Number.parseInt(requested ?? '1', 10) || 1));
  return { items: items.slice((page - 1) * size, page * size), total: items.length, page, pages };
}
