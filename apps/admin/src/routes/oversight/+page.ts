import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/**
 * The readiness matrix of a province and year. Everything that narrows it is in the URL
 * (`?province=&fy=&round=&district=&type=&page=&size=`), so a filtered view, and the page
 * of it, can be bookmarked or sent.
 */
export const load = (async ({ url, depends }) => {
  depends("app:oversight");
  const p = url.searchParams;
  const fyParam = Number(p.get("fy"));
  const fiscalYear = Number.isInteger(fyParam) && fyParam > 2500 ? fyParam : currentFiscalYear();
  try {
    const provinces = await api.oversight.provinces.query();
    const provinceId = p.get("province") ?? provinces[0]?.id ?? null;
    if (!provinceId) return { provinces, fiscalYear, view: null, loadError: null };
    const view = await api.oversight.readiness.query({
      provinceId,
      fiscalYear,
      roundId: p.get("round") || undefined,
      districtId: p.get("district") || undefined,
      agencyType: (p.get("type") || undefined) as never,
      page: Number(p.get("page")) || undefined,
      pageSize: Number(p.get("size")) || undefined,
    });
    return { provinces, fiscalYear, view, loadError: null };
  } catch (e) {
    return { provinces: [], fiscalYear, view: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
