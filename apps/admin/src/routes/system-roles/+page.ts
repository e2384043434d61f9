import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** Re-run by `invalidate(SYSTEM_ROLES_DATA)` after each grant or revoke. */
export const SYSTEM_ROLES_DATA = "app:system-roles";

// For system administrators: anyone else's refusal is shown on the page itself.
export const load = (async ({ depends }) => {
  depends(SYSTEM_ROLES_DATA);
  try {
    return { roles: await api.systemRoles.list.query(), loadError: null };
  } catch (e) {
    return { roles: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
