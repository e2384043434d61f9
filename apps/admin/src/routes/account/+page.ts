import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** Re-run by `invalidate(SESSIONS_DATA)` after a device is signed out or the password changes. */
export const SESSIONS_DATA = "app:sessions";

export const load = (async ({ depends }) => {
  depends(SESSIONS_DATA);
  try {
    return { sessions: await api.auth.sessions.query(), loadError: null };
  } catch (e) {
    return { sessions: [], loadError: readError(e).message };
  }
}) satisfies PageLoad;
