import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/**
 * The portal's site-wide searches per quarter of a fiscal year (`?fy=`, the current one
 * by default). The figure is the whole site's; the API authorises it through a province
 * the reader oversees (coordinators, system administrators), so the first one is passed —
 * with none, the reader is told they coordinate no province (ADR 0031).
 */
export const load = (async ({ url }) => {
  const fy = Number(url.searchParams.get("fy"));
  const fiscalYear = Number.isInteger(fy) && fy > 2500 ? fy : currentFiscalYear();
  try {
    const [province] = await api.oversight.provinces.query();
    if (!province) return { searches: null, provinceId: null, fiscalYear, loadError: null };
    const searches = await api.accessStats.siteSearches.query({
      provinceId: province.id,
      fiscalYear,
    });
    return { searches, provinceId: province.id, fiscalYear, loadError: null };
  } catch (e) {
    return { searches: null, provinceId: null, fiscalYear, loadError: readError(e).message };
  }
}) satisfies PageLoad;
