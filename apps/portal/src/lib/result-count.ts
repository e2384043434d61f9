/**
 * The result count shown first on the search page. Search is bounded (no COUNT over the
 * whole match set), so the count is exact only on the last page; otherwise "more than".
 */
export interface ResultCount {
  first: number;
  last: number;
  /** Known only when no further result exists. */
  total: number | null;
}

export function resultCount(page: {
  page: number;
  pageSize: number;
  shown: number;
  hasMore: boolean;
}): ResultCount {
  const first = page.shown === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = (page.page - 1) * page.pageSize + page.shown;
  return { first, last, total: page.hasMore ? null : last };
}
