import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** The coordinator's review sheet of one agency (`?fy=`). */
export const load = (async ({ params, url, depends }) => {
  depends("app:agency-review");
  const fyParam = Number(url.searchParams.get("fy"));
  const fiscalYear = Number.isInteger(fyParam) && fyParam > 2500 ? fyParam : currentFiscalYear();
  try {
    const sheet = await api.oversight.agencyReview.query({ agencyId: params.agencyId, fiscalYear });
    return { sheet, loadError: null };
  } catch (e) {
    return { sheet: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
