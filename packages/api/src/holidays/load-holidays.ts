import type { Executor } from "@ita/db";
import { publicHolidays } from "@ita/db/schema";
import type { HolidaySet } from "@ita/domain/working-days";
import { cachedPerDatabase } from "../public/db-cache.ts";

/** How long a process keeps the holidays before reading them again (ADR 0030). */
export const HOLIDAY_CACHE_MS = 60_000;

const cached = cachedPerDatabase(
  HOLIDAY_CACHE_MS,
  async (db: Executor): Promise<HolidaySet> =>
    new Set(
      (await db.select({ date: publicHolidays.date }).from(publicHolidays)).map((r) => r.date),
    ),
);

/**
 * Every public holiday as a set of ISO dates, for the working-day functions of
 * `@ita/domain/working-days`. The table is small (about 20 rows a year): the whole of it
 * is kept per process for a minute, so a change made in another process is seen within
 * that time; the process that changes it forgets at once (`forgetHolidays`).
 */
export function loadHolidays(db: Executor): Promise<HolidaySet> {
  return cached(db);
}

/**
 * After a change of the table: this process reads it again on the next deadline. Only
 * the holidays are forgotten: nothing else cached reads them (a case's deadlines are
 * computed when it is filed or forwarded and stored with it), so the portal's figures,
 * province list and frameworks stay cached.
 */
export function forgetHolidays(): void {
  cached.forget();
}
