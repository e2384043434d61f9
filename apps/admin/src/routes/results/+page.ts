import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** The province's results of a year (`?province=<id>&fy=<year>`); the first kept province by default. */
export const load = (async ({ url, depends }) => {
  depends("app:results");
  try {
    const provinces = await api.results.provinces.query();
    const provinceId = url.searchParams.get("province") ?? provinces[0]?.id ?? null;
    const fyParam = Number(url.searchParams.get("fy"));
    if (!provinceId) return { provinces, view: null, loadError: null };
    let fiscalYear = Number.isInteger(fyParam) && fyParam > 2500 ? fyParam : null;
    if (fiscalYear === null) {
      // The latest year with results; the province's years come with any year's view.
      const probe = await api.results.province.query({ provinceId, fiscalYear: 2566 });
      fiscalYear = probe.years[0] ?? 2566;
      if (fiscalYear === 2566) return { provinces, view: probe, loadError: null };
    }
    const view = await api.results.province.query({ provinceId, fiscalYear });
    return { provinces, view, loadError: null };
  } catch (e) {
    return { provinces: [], view: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
