/**
 * Thai fiscal years (ปีงบประมาณ): 1 October – 30 September, named by the
 * Buddhist-Era year in which they end. FY 2568 = 2024-10-01 … 2025-09-30.
 * The calendar date *in Bangkok* decides which year a moment belongs to.
 */
import { DomainError } from "./errors.ts";

export const BE_OFFSET = 543;
export const DEFAULT_TIME_ZONE = "Asia/Bangkok";
export const MIN_FISCAL_YEAR = 2500;
export const MAX_FISCAL_YEAR = 2700;

export function ceToBe(year: number): number {
  return year + BE_OFFSET;
}

export function beToCe(year: number): number {
  return year - BE_OFFSET;
}

export function isValidFiscalYear(fy: unknown): fy is number {
  return (
    typeof fy === "number" && Number.isInteger(fy) && fy >= MIN_FISCAL_YEAR && fy <= MAX_FISCAL_YEAR
  );
}

function assertFiscalYear(fy: number): void {
  if (!isValidFiscalYear(fy)) {
    throw new DomainError("INVALID_INPUT", `Invalid fiscal year: ${String(fy)}`, {
      fiscalYear: fy,
    });
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The last answer per time zone, by UTC minute. Every time zone's offset has been a whole
 * number of minutes since 1972, so a calendar date changes only on a minute: the same
 * minute has the same date. What it saves is `formatToParts` (a few µs) on every call
 * asking about "now" — the access counter asks on every page served, cached or not.
 */
const lastDates = new Map<string, { minute: number; year: number; month: number; day: number }>();
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(2000, 0, 1);

/** Calendar date (CE) of an instant in a time zone. */
export function calendarDateIn(
  date: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): { year: number; month: number; day: number } {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new DomainError("INVALID_INPUT", "Invalid date");
  const minute = ms >= WHOLE_MINUTE_OFFSETS_SINCE ? Math.floor(ms / 60_000) : Number.NaN;
  const last = lastDates.get(timeZone);
  if (last && last.minute === minute) return { year: last.year, month: last.month, day: last.day };
  const found = formatCalendarDate(date, timeZone);
  if (!Number.isNaN(minute)) lastDates.set(timeZone, { minute, ...found });
  return found;
}

function formatCalendarDate(
  date: Date,
  timeZone: string,
): { year: number; month: number; day: number } {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    partsFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return { year: get("year"), month: get("month"), day: get("day") };
}

/** ISO yyyy-mm-dd (CE) of an instant as a calendar date in Bangkok (or `timeZone`). */
export function isoDateIn(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const { year, month, day } = calendarDateIn(date, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** BE fiscal year that contains `date`'s calendar day in `timeZone`. */
export function fiscalYearOf(date: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  const { year, month } = calendarDateIn(date, timeZone);
  return ceToBe(month >= 10 ? year + 1 : year);
}

/**
 * Fiscal year and quarter (1 = October–December … 4 = July–September) of `date`'s
 * calendar day in Bangkok: the unit of the executives' quarterly access report.
 */
export function fiscalQuarterOf(
  date: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): { fiscalYear: number; quarter: 1 | 2 | 3 | 4 } {
  const { year, month } = calendarDateIn(date, timeZone);
  const fiscalMonth = month >= 10 ? month - 9 : month + 3;
  return {
    fiscalYear: ceToBe(month >= 10 ? year + 1 : year),
    quarter: Math.ceil(fiscalMonth / 3) as 1 | 2 | 3 | 4,
  };
}

export function currentFiscalYear(now: Date = new Date()): number {
  return fiscalYearOf(now);
}

/** First and last calendar day (ISO, CE) of a fiscal year. */
export function fiscalYearRange(fy: number): { start: string; end: string } {
  assertFiscalYear(fy);
  const endYear = beToCe(fy);
  return { start: `${endYear - 1}-10-01`, end: `${endYear}-09-30` };
}

/**
 * The fiscal year as a half-open interval of instants, for database range queries
 * (`start <= t < endExclusive`). Bangkok has been UTC+7 without DST since 1920,
 * so a fixed offset is exact.
 */
export function fiscalYearRangeDates(fy: number): { start: Date; endExclusive: Date } {
  assertFiscalYear(fy);
  const endYear = beToCe(fy);
  return {
    start: new Date(`${endYear - 1}-10-01T00:00:00+07:00`),
    endExclusive: new Date(`${endYear}-10-01T00:00:00+07:00`),
  };
}

/** "ปีงบประมาณ พ.ศ. 2568" / "Fiscal year 2568 (2024–25)". */
export function fiscalYearLabel(fy: number, lang: "th" | "en" = "th"): string {
  if (lang === "th") return `ปีงบประมาณ พ.ศ. ${fy}`;
  const endYear = beToCe(fy);
  return `Fiscal year ${fy} (${endYear - 1}–${String(endYear % 100).padStart(2, "0")})`;
}

/** Thai month names in fiscal-year order, October first (the year runs 1 Oct – 30 Sep). */
export const FISCAL_MONTHS_TH = [
  "ตุลาคม",
  "พฤศจิกายน",
  "ธันวาคม",
  "มกราคม",
  "กุมภาพันธ์",
  "มีนาคม",
  "เมษายน",
  "พฤษภาคม",
  "มิถุนายน",
  "กรกฎาคม",
  "สิงหาคม",
  "กันยายน",
] as const;
