import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

// Signed out, the layout shows the sign-in form and re-runs this load afterwards.
export const load = (async () => {
  try {
    return { list: await api.notifications.list.query(), loadError: null };
  } catch (e) {
    return { list: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
