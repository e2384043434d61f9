import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** The governor's one-page summary of a round (`?round=`). */
export const load = (async ({ url }) => {
  const roundId = url.searchParams.get("round") ?? "";
  try {
    return { summary: await api.oversight.summary.query({ roundId }), loadError: null };
  } catch (e) {
    return { summary: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
