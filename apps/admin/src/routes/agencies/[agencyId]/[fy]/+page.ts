import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** The query parameter of "show only what is left": `?left=1`, so the view survives reload. */
export const ONLY_LEFT_PARAM = "left";

export const load = (async ({ params, url }) => {
  const agencyId = params.agencyId;
  const fiscalYear = Number(params.fy);
  const onlyLeft = url.searchParams.get(ONLY_LEFT_PARAM) === "1";
  // The agency's name only titles the page: the checklist shows without it.
  const profile = api.agencyAdmin.profile.query({ agencyId }).catch(() => null);
  try {
    const checklist = await api.entries.checklist.query({ agencyId, fiscalYear, onlyLeft });
    return { onlyLeft, checklist, profile: await profile, loadError: null };
  } catch (e) {
    return { onlyLeft, checklist: null, profile: await profile, loadError: readError(e).message };
  }
}) satisfies PageLoad;
