import { COMPLAINT_STATES, type ComplaintState } from "@ita/domain/complaints";
import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** The filters, as the URL's query holds them (`?state=&overdue=1`). */
export interface InboxFilters {
  state: ComplaintState | "";
  overdueOnly: boolean;
}

const isComplaintState = (value: string | null): value is ComplaintState =>
  value !== null && Object.hasOwn(COMPLAINT_STATES, value);

// A refusal (not this agency's complaint officer, signed out) is shown on the page itself.
export const load = (async ({ params, url }) => {
  const state = url.searchParams.get("state");
  const filters: InboxFilters = {
    state: isComplaintState(state) ? state : "",
    overdueOnly: url.searchParams.get("overdue") === "1",
  };
  try {
    const inbox = await api.complaints.inbox.query({
      agencyId: params.agencyId,
      ...(filters.state ? { state: filters.state } : {}),
      overdueOnly: filters.overdueOnly,
    });
    return { filters, inbox, loadError: null };
  } catch (e) {
    return { filters, inbox: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
