import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** Re-run by `invalidate(ITEM_ENTRIES)` after a bulk upload created drafts. */
export const ITEM_ENTRIES = "app:item-entries";

export const load = (async ({ params, depends }) => {
  depends(ITEM_ENTRIES);
  const agencyId = params.agencyId;
  const fiscalYear = Number(params.fy);
  const itemCode = params.item;
  // The checklist only names the item and its due date: the entries show without it.
  const checklist = api.entries.checklist.query({ agencyId, fiscalYear }).catch(() => null);
  try {
    const entries = await api.entries.list.query({ agencyId, fiscalYear, itemCode });
    return { entries, checklist: await checklist, loadError: null };
  } catch (e) {
    return { entries: null, checklist: await checklist, loadError: readError(e).message };
  }
}) satisfies PageLoad;
