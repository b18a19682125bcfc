/** Where one page of a list lies: the page asked for, clamped to the pages there are (a bad or missing number gives page 1). */
export function pageWindow(
  requested: string | undefined,
  total: number,
  size: number,
): { page: number; pages: number; offset: number; limit: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(pages, Math.max(1, Number.parseInt(requested ?? '1', 10) || 1));
  return { page, pages, offset: (page - 1) * size, limit: size };
}
