/**
 * Thai date and number formatting. Month names, era and calendar come from ICU
 * via Intl (calendar "buddhist", zone Asia/Bangkok); we only pick the parts and
 * join them ourselves, so the output does not depend on ICU's pattern for the
 * locale (some ICU versions add "พ.ศ." or change separators).
 */
import { DomainError } from "./errors.ts";
import { BE_OFFSET, DEFAULT_TIME_ZONE, FISCAL_MONTHS_TH } from "./fiscal-year.ts";

export type ThaiDateStyle = "long" | "short" | "numeric";

export interface FormatThaiDateOptions {
  /** long "27 กุมภาพันธ์ 2566" (default), short "27 ก.พ. 2566", numeric "27/02/2566". */
  style?: ThaiDateStyle;
  /** Thai digits as in official documents: "๒๗ กุมภาพันธ์ ๒๕๖๖". */
  thaiDigits?: boolean;
  /** Append the Bangkok time: "… เวลา 14:05 น." / "…, 14:05". */
  withTime?: boolean;
  /** English UI still shows the BE year: "27 February 2566 BE". */
  lang?: "th" | "en";
  timeZone?: string;
}

const THAI_ZERO = 0x0e50;

export function toThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

export function fromThaiDigits(s: string): string {
  return s.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: "th" | "en", style: ThaiDateStyle, timeZone: string): Intl.DateTimeFormat {
  const cacheKey = `${lang}|${style}|${timeZone}`;
  let f = formatters.get(cacheKey);
  if (!f) {
    // nu-latn: we convert digits ourselves so `thaiDigits` is the only switch.
    const locale = lang === "th" ? "th-TH-u-ca-buddhist-nu-latn" : "en-GB-u-ca-buddhist-nu-latn";
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: style === "numeric" ? "2-digit" : "numeric",
      month: style === "numeric" ? "2-digit" : style,
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(cacheKey, f);
  }
  return f;
}

/** Date-only ISO strings are calendar dates in Bangkok, not UTC midnight. */
function toDate(input: Date | string): Date {
  const d =
    typeof input === "string"
      ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(input) ? `${input}T00:00:00+07:00` : input)
      : input;
  if (Number.isNaN(d.getTime())) {
    throw new DomainError("INVALID_INPUT", `Invalid date: ${String(input)}`);
  }
  return d;
}

/** Bangkok has kept UTC+7 all year since 1920: wall time is a fixed shift. */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

/**
 * Formatted dates in Bangkok time by day (or by minute, with the time): a page shows
 * a hundred dates and Intl's formatToParts is slow. Bangkok's day and minute are plain
 * arithmetic on the timestamp; other zones are not cached. Bounded: emptied when full.
 */
const MAX_CACHED_DATES = 4096;
const formattedDates = new Map<string, string>();

export function formatThaiDate(date: Date | string, opts: FormatThaiDateOptions = {}): string {
  const {
    style = "long",
    thaiDigits = false,
    withTime = false,
    lang = "th",
    timeZone = DEFAULT_TIME_ZONE,
  } = opts;
  const d = toDate(date);
  if (timeZone !== DEFAULT_TIME_ZONE) return format(d, style, thaiDigits, withTime, lang, timeZone);
  const unit = withTime ? 60_000 : 86_400_000;
  const key = `${Math.floor((d.getTime() + BANGKOK_OFFSET_MS) / unit)}|${style}|${lang}|${thaiDigits}|${withTime}`;
  let out = formattedDates.get(key);
  if (out === undefined) {
    out = format(d, style, thaiDigits, withTime, lang, timeZone);
    if (formattedDates.size >= MAX_CACHED_DATES) formattedDates.clear();
    formattedDates.set(key, out);
  }
  return out;
}

function format(
  d: Date,
  style: ThaiDateStyle,
  thaiDigits: boolean,
  withTime: boolean,
  lang: "th" | "en",
  timeZone: string,
): string {
  const parts = formatter(lang, style, timeZone).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "";
  const [day, month, year] = [part("day"), part("month"), part("year")];

  let out = style === "numeric" ? `${day}/${month}/${year}` : `${day} ${month} ${year}`;
  if (lang === "en") out += " BE";
  if (withTime) {
    const time = `${part("hour")}:${part("minute")}`;
    out += lang === "th" ? ` เวลา ${time} น.` : `, ${time}`;
  }
  return thaiDigits ? toThaiDigits(out) : out;
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/** Thai-grouped number ("1,234.5"); `thaiDigits` gives "๑,๒๓๔.๕". */
export function formatNumberTh(
  n: number,
  opts: {
    thaiDigits?: boolean;
    minimumFractionDigits?: number;
    maximumFractionDigits?: number;
  } = {},
): string {
  const { thaiDigits = false, minimumFractionDigits, maximumFractionDigits } = opts;
  const key = `${minimumFractionDigits ?? ""}|${maximumFractionDigits ?? ""}`;
  let f = numberFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("th-TH-u-nu-latn", {
      minimumFractionDigits,
      maximumFractionDigits: maximumFractionDigits ?? Math.max(3, minimumFractionDigits ?? 0),
    });
    numberFormatters.set(key, f);
  }
  const s = f.format(n);
  return thaiDigits ? toThaiDigits(s) : s;
}

/** Thai month names January first ("มกราคม" … "ธันวาคม"), from the one list in fiscal-year. */
export const THAI_MONTHS: readonly string[] = Array.from(
  { length: 12 },
  (_, i) => FISCAL_MONTHS_TH[(i + 3) % 12]!,
);

/** A moment as a Thai date-time field shows it: Bangkok wall time, Buddhist-Era year, month 1–12. */
export interface ThaiDateTimeParts {
  yearBE: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function toThaiDateTimeParts(date: Date): ThaiDateTimeParts {
  const wall = new Date(date.getTime() + BANGKOK_OFFSET_MS);
  return {
    yearBE: wall.getUTCFullYear() + BE_OFFSET,
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/** The moment of a Bangkok wall time with a BE year; null for a day the month lacks (31 เมษายน). */
export function fromThaiDateTimeParts(p: ThaiDateTimeParts): Date | null {
  const ce = p.yearBE - BE_OFFSET;
  const wall = new Date(Date.UTC(ce, p.month - 1, p.day, p.hour, p.minute));
  if (
    wall.getUTCFullYear() !== ce ||
    wall.getUTCMonth() !== p.month - 1 ||
    wall.getUTCDate() !== p.day ||
    p.hour < 0 ||
    p.hour > 23 ||
    p.minute < 0 ||
    p.minute > 59
  )
    return null;
  return new Date(wall.getTime() - BANGKOK_OFFSET_MS);
}

/** Days in a month of a BE year (29 กุมภาพันธ์ only in leap years). */
export function daysInThaiMonth(yearBE: number, month: number): number {
  return new Date(Date.UTC(yearBE - BE_OFFSET, month, 0)).getUTCDate();
}
