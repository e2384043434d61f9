import { isAgencyType, type AgencyType } from "@ita/domain/agency-types";
import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** The filters, as the URL's query holds them (`?fy=&type=`). */
export interface FrameworkFilters {
  /** As typed: the API says beside the list when it is not a fiscal year. */
  fiscalYear: string;
  agencyType: AgencyType | "";
}

// Frameworks are for system administrators: anyone else's refusal is shown on the page.
export const load = (async ({ url }) => {
  const type = url.searchParams.get("type");
  const filters: FrameworkFilters = {
    fiscalYear: url.searchParams.get("fy") ?? "",
    agencyType: isAgencyType(type) ? type : "",
  };
  try {
    const rows = await api.framework.manage.query({
      ...(filters.fiscalYear ? { fiscalYear: Number(filters.fiscalYear) } : {}),
      ...(filters.agencyType ? { agencyType: filters.agencyType } : {}),
    });
    return { filters, rows, loadError: null };
  } catch (e) {
    return { filters, rows: [], loadError: readError(e).message };
  }
}) satisfies PageLoad;
