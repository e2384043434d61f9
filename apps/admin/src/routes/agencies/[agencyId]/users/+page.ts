import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** Re-run by `invalidate(USERS_DATA)` after each change (invitation, roles, grant, 2FA reset). */
export const USERS_DATA = "app:users";

export const load = (async ({ params, depends }) => {
  depends(USERS_DATA);
  try {
    return { users: await api.users.list.query({ agencyId: params.agencyId }), loadError: null };
  } catch (e) {
    return { users: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
