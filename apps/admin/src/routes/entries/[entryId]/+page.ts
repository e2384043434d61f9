import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

export type Entry = Awaited<ReturnType<typeof api.entries.get.query>>;

/** Re-run by `invalidate(ENTRY_DATA)` after each change (save, upload, workflow action). */
export const ENTRY_DATA = "app:entry";

// A failure (no such entry, no right to it, signed out) is shown on the page itself; the
// layout re-runs this load once the user has signed in.
export const load = (async ({ params, depends }) => {
  depends(ENTRY_DATA);
  try {
    return { entry: await api.entries.get.query({ entryId: params.entryId }), loadError: null };
  } catch (e) {
    return { entry: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
