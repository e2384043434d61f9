import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** Re-run by `invalidate(MEASURES_DATA)` after each change (weak point, measure, progress, draft). */
export const MEASURES_DATA = "app:measures";

export type MeasuresYear = Awaited<ReturnType<typeof api.measures.year.query>>;
export type MeasureView = MeasuresYear["measures"][number];

/** One agency's integrity measures of a fiscal year (docs/domain.md §9). */
export const load = (async ({ params, depends }) => {
  depends(MEASURES_DATA);
  const fiscalYear = Number(params.fy);
  try {
    const year = await api.measures.year.query({ agencyId: params.agencyId, fiscalYear });
    return { year, fiscalYear, loadError: null };
  } catch (e) {
    return { year: null, fiscalYear, loadError: readError(e).message };
  }
}) satisfies PageLoad;
