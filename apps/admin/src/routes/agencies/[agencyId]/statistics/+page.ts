import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** One agency's quarterly access statistics of a fiscal year (`?fy=`, the current one by default). */
export const load = (async ({ params, url }) => {
  const fy = Number(url.searchParams.get("fy"));
  const fiscalYear = Number.isInteger(fy) && fy > 2500 ? fy : currentFiscalYear();
  try {
    const stats = await api.accessStats.quarterly.query({ agencyId: params.agencyId, fiscalYear });
    return { stats, fiscalYear, loadError: null };
  } catch (e) {
    return { stats: null, fiscalYear, loadError: readError(e).message };
  }
}) satisfies PageLoad;
