/**
 * Calendar dates counted in working days, as ISO yyyy-mm-dd (CE): Monday–Friday that
 * are not public holidays. The holidays are data (the `public_holidays` table, kept by
 * system administrators from the Cabinet's yearly announcement, ADR 0030): the caller
 * passes them in as a set of ISO dates, so these functions stay pure. Without a set,
 * only weekends are skipped — a date counted that way may fall on a holiday and errs
 * towards being early, never late.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** True for a real calendar date written yyyy-mm-dd (rejects 2023-02-30). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function toUtc(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  return Date.parse(`${iso}T00:00:00Z`);
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Public holidays as ISO dates (substitution days included: they are days off too). */
export type HolidaySet = ReadonlySet<string>;
export const NO_HOLIDAYS: HolidaySet = new Set();

export function isWorkingDay(date: string, holidays: HolidaySet = NO_HOLIDAYS): boolean {
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** `date` if it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(date: string, holidays: HolidaySet = NO_HOLIDAYS): string {
  return isWorkingDay(date, holidays) ? date : addWorkingDays(date, 1, holidays);
}

/**
 * The `days`-th working day after `from` ("within 10 working days of 2 January"):
 * `from` itself never counts; 0 days is `from`. Negative counts go backwards (for
 * "remind 3 working days before").
 */
export function addWorkingDays(
  from: string,
  days: number,
  holidays: HolidaySet = NO_HOLIDAYS,
): string {
  if (!Number.isInteger(days)) throw new RangeError(`working days must be whole: ${days}`);
  let cursor = toUtc(from);
  const step = days < 0 ? -DAY_MS : DAY_MS;
  let left = Math.abs(days);
  while (left > 0) {
    cursor += step;
    if (isWorkingDay(iso(cursor), holidays)) left--;
  }
  return iso(cursor);
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(
  from: string,
  to: string,
  holidays: HolidaySet = NO_HOLIDAYS,
): number {
  let cursor = toUtc(from);
  const end = toUtc(to);
  let n = 0;
  while (cursor < end) {
    cursor += DAY_MS;
    if (isWorkingDay(iso(cursor), holidays)) n++;
  }
  return n;
}
