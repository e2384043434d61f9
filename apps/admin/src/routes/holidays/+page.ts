import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** Re-run by `invalidate(HOLIDAYS_DATA)` after each change. */
export const HOLIDAYS_DATA = "app:holidays";

/** The calendar year (CE) of `?year=`, else this year. */
const yearOf = (url: URL) => {
  const y = Number(url.searchParams.get("year"));
  return Number.isInteger(y) && y >= 2000 && y <= 2200 ? y : new Date().getFullYear();
};

// For system administrators: anyone else's refusal is shown on the page itself.
export const load = (async ({ depends, url }) => {
  depends(HOLIDAYS_DATA);
  const year = yearOf(url);
  try {
    return { year, holidays: await api.holidays.list.query({ year }), loadError: null };
  } catch (e) {
    return { year, holidays: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
