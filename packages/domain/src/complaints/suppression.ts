/**
 * Small-cell suppression for published complaint statistics. In a small district,
 * "1 complaint about procurement at the sub-district office this year" can point at
 * one person, so counts from 1 to MIN_PUBLISHED_COUNT − 1 are never published.
 *
 * Rule (documented in docs/open-data.md):
 * 1. a count of 0 is shown; a count of 1…4 is suppressed (published as null, shown "< 5");
 * 2. within one breakdown whose total is published, if exactly one cell is suppressed
 *    it could be recovered by subtraction, so the smallest other non-zero cell is
 *    suppressed too;
 * 3. the total itself is suppressed when it is 1…4.
 */
export const MIN_PUBLISHED_COUNT = 5;

export function isSmallCell(n: number): boolean {
  return n > 0 && n < MIN_PUBLISHED_COUNT;
}

/** A breakdown (e.g. counts by subject type) with its total, suppressed by the rule above. */
export function suppressBreakdown<K extends string>(
  counts: Readonly<Record<K, number>>,
): { cells: Record<K, number | null>; total: number | null } {
  const keys = Object.keys(counts) as K[];
  const total = keys.reduce((sum, k) => sum + counts[k], 0);
  const hidden = new Set(keys.filter((k) => isSmallCell(counts[k])));
  if (hidden.size === 1 && !isSmallCell(total)) {
    const next = keys
      .filter((k) => !hidden.has(k) && counts[k] > 0)
      .sort((a, b) => counts[a] - counts[b])[0];
    if (next) hidden.add(next);
  }
  const cells = {} as Record<K, number | null>;
  for (const k of keys) cells[k] = hidden.has(k) ? null : counts[k];
  return { cells, total: isSmallCell(total) ? null : total };
}
