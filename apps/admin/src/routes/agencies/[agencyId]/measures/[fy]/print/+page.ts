import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** The year's measures document to print (`?part=implementation` adds the progress). */
export const load = (async ({ params, url }) => {
  const fiscalYear = Number(params.fy);
  const part = url.searchParams.get("part") === "implementation" ? "implementation" : "measures";
  try {
    const year = await api.measures.year.query({ agencyId: params.agencyId, fiscalYear });
    return { year, part, fiscalYear, loadError: null } as const;
  } catch (e) {
    return { year: null, part, fiscalYear, loadError: readError(e).message } as const;
  }
}) satisfies PageLoad;
