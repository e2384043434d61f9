/**
 * Deadlines for complaint handling, counted in working days in Bangkok.
 *
 * Defaults (an agency may set its own): acknowledge within 3 working days, decide
 * within 30 working days of receipt. Working days are Monday–Friday; public holidays
 * are not known to the software yet, so a deadline may fall on one — it then errs
 * towards being early, never late.
 */
import { calendarDateIn } from "../fiscal-year.ts";

export const DEFAULT_ACKNOWLEDGE_WORKING_DAYS = 3;
export const DEFAULT_DECIDE_WORKING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The end (23:59:59.999 Bangkok time) of the `days`-th working day after the day of
 * `from`. Bangkok has no daylight saving, so a fixed +07:00 offset is exact.
 */
export function addWorkingDays(from: Date, days: number): Date {
  const { year, month, day } = calendarDateIn(from);
  let cursor = Date.UTC(year, month - 1, day);
  let left = days;
  while (left > 0) {
    cursor += DAY_MS;
    const weekday = new Date(cursor).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(cursor + DAY_MS - 1 - BANGKOK_OFFSET_MS);
}

export interface ComplaintDeadlines {
  acknowledgeBy: Date;
  decideBy: Date;
}

export function complaintDeadlines(
  receivedAt: Date,
  acknowledgeDays = DEFAULT_ACKNOWLEDGE_WORKING_DAYS,
  decideDays = DEFAULT_DECIDE_WORKING_DAYS,
): ComplaintDeadlines {
  return {
    acknowledgeBy: addWorkingDays(receivedAt, acknowledgeDays),
    decideBy: addWorkingDays(receivedAt, decideDays),
  };
}
