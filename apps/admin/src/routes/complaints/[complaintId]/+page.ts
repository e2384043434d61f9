import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

export type Case = Awaited<ReturnType<typeof api.complaints.get.query>>;

/** Re-run by `invalidate(COMPLAINT_DATA)` after each change (message, state, assignment, reveal). */
export const COMPLAINT_DATA = "app:complaint";

// A refusal (not this agency's complaint officer, no such case, signed out) is shown on
// the page itself; the layout re-runs this load once the user has signed in.
export const load = (async ({ params, depends }) => {
  depends(COMPLAINT_DATA);
  try {
    return {
      complaint: await api.complaints.get.query({ complaintId: params.complaintId }),
      loadError: null,
    };
  } catch (e) {
    return { complaint: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
