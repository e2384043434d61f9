import { ACCESS_KIND_LABELS, type AccessKind } from "@ita/domain/access";
import { toCsv } from "@ita/domain/csv";

/** A fiscal year's quarters with a count for each kind shown (an agency's figures, the site's searches). */
export interface QuarterlyFigures<K extends AccessKind = AccessKind> {
  fiscalYear: number;
  quarters: readonly ({ quarter: number } & Record<K, number>)[];
}

/**
 * The quarterly access figures as CSV, one line per quarter, column names from
 * `ACCESS_KIND_LABELS` (UTF-8 with a BOM through `toCsv`, so Excel reads it), as a
 * `data:` URL: the figures are already on the page, so no second request is made.
 */
export function quarterlyCsvHref<K extends AccessKind>(
  kinds: readonly K[],
  { fiscalYear, quarters }: QuarterlyFigures<K>,
): string {
  const csv = toCsv(
    ["fiscal_year", "quarter", ...kinds.map((k) => ACCESS_KIND_LABELS[k].csv)],
    quarters.map((q) => [fiscalYear, q.quarter, ...kinds.map((k) => q[k])]),
  );
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
