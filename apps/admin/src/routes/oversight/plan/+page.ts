import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** The province's review plan of a year (`?province=&fy=`). */
export const load = (async ({ url, depends }) => {
  depends("app:plan");
  const fyParam = Number(url.searchParams.get("fy"));
  const fiscalYear = Number.isInteger(fyParam) && fyParam > 2500 ? fyParam : currentFiscalYear();
  try {
    const provinces = await api.oversight.provinces.query();
    const provinceId = url.searchParams.get("province") ?? provinces[0]?.id ?? null;
    if (!provinceId) return { fiscalYear, plan: null, loadError: null };
    const plan = await api.oversight.plan.query({ provinceId, fiscalYear });
    return { fiscalYear, plan, loadError: null };
  } catch (e) {
    return { fiscalYear, plan: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
