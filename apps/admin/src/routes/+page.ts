import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** Re-run by `invalidate(HOME_DATA)` once an invitation has been answered. */
export const HOME_DATA = "app:home";

// `?q=` finds agencies by name (system administrators), so a search survives reload and
// works as a link. Signed out, the layout shows the sign-in form and re-runs this load.
export const load = (async ({ url, depends }) => {
  depends(HOME_DATA);
  const q = url.searchParams.get("q")?.trim() ?? "";
  try {
    const [agencies, invitations] = await Promise.all([
      api.agencyAdmin.mine.query(q ? { q } : undefined),
      api.invitations.mine.query(),
    ]);
    return { q, agencies, invitations, loadError: null };
  } catch (e) {
    return { q, agencies: null, invitations: [], loadError: readError(e).message };
  }
}) satisfies PageLoad;
