/**
 * Periods named in free text (titles, file names): "ประจำเดือนตุลาคม พ.ศ. 2567",
 * "สขร.1 ต.ค. 67", "ไตรมาสที่ ๒". Entries made before they said their period, and
 * files uploaded in bulk, get it from their wording; and a copy of last year's entry
 * moves the years it names on by one fiscal year.
 */
import { fromThaiDigits, toThaiDigits } from "../thai-date.ts";
import type { ItemCadence } from "./expectations.ts";

/** Calendar months 1–12, full and abbreviated Thai names. */
const MONTHS: { month: number; full: string; short: string }[] = [
  ["มกราคม", "ม.ค."],
  ["กุมภาพันธ์", "ก.พ."],
  ["มีนาคม", "มี.ค."],
  ["เมษายน", "เม.ย."],
  ["พฤษภาคม", "พ.ค."],
  ["มิถุนายน", "มิ.ย."],
  ["กรกฎาคม", "ก.ค."],
  ["สิงหาคม", "ส.ค."],
  ["กันยายน", "ก.ย."],
  ["ตุลาคม", "ต.ค."],
  ["พฤศจิกายน", "พ.ย."],
  ["ธันวาคม", "ธ.ค."],
].map(([full, short], i) => ({ month: i + 1, full: full!, short: short! }));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const YEAR = String.raw`(?:\s*(?:พ\.\s?ศ\.)?\s*([0-9๐-๙]{4}|[0-9๐-๙]{2})(?![0-9๐-๙]))`;
// A full name may stand alone; an abbreviation ("ก.พ." is also the Civil Service
// Commission) only counts with a year after it.
const MONTH_PATTERN = new RegExp(
  MONTHS.flatMap((m) => [`(${escape(m.full)})${YEAR}?`, `(${escape(m.short)})${YEAR}`]).join("|"),
  "gu",
);

/** Calendar month and BE year (when written) of every month the text names. */
export function monthsNamedIn(text: string): { month: number; yearBe: number | null }[] {
  const found: { month: number; yearBe: number | null }[] = [];
  for (const match of text.matchAll(MONTH_PATTERN)) {
    const groups = match.slice(1);
    const at = groups.findIndex((g) => g !== undefined);
    // Four groups a month: (full name)(year)? | (abbreviation)(year).
    const month = MONTHS[Math.floor(at / 4)]!.month;
    const yearText = groups[at + 1];
    let yearBe: number | null = null;
    if (yearText) {
      const n = Number(fromThaiDigits(yearText));
      yearBe = yearText.length === 2 ? 2500 + n : n;
    }
    found.push({ month, yearBe });
  }
  return found;
}

/**
 * The period of fiscal year `fy` a text names, or null when it names none, several, or
 * one of another year: fiscal month 1–12 for a monthly item, quarter 1–4 for a
 * quarterly one ("ไตรมาสที่ 2", or the quarter of the one month named).
 */
export function periodNamedIn(text: string, cadence: ItemCadence, fy: number): number | null {
  if (cadence === "once") return null;
  if (cadence === "quarterly") {
    const q = [...fromThaiDigits(text).matchAll(/ไตรมาส(?:ที่)?\s*([1-4])/gu)].map((m) =>
      Number(m[1]),
    );
    if (new Set(q).size === 1) return q[0]!;
  }
  const periods = new Set<number>();
  for (const { month, yearBe } of monthsNamedIn(text)) {
    const fiscalMonth = month >= 10 ? month - 9 : month + 3;
    if (yearBe !== null && (month >= 10 ? yearBe + 1 : yearBe) !== fy) return null;
    periods.add(cadence === "monthly" ? fiscalMonth : Math.ceil(fiscalMonth / 3));
  }
  return periods.size === 1 ? [...periods][0]! : null;
}

/**
 * Text of fiscal year `fy - 1` moved on to `fy`: the BE years that year's months fall
 * in (fy - 2 for October–December, fy - 1 for the rest) each go up by one, written as
 * they were (Arabic or Thai digits, four or two digits after a month: "ต.ค. 67").
 * Other years (a law of 2540) stay. Each year moves once, never twice.
 */
export function shiftFiscalYearText(text: string, fy: number): string {
  const moved = new Map<string, string>();
  for (const y of [fy - 2, fy - 1]) {
    moved.set(String(y), String(y + 1));
    moved.set(toThaiDigits(String(y)), toThaiDigits(String(y + 1)));
  }
  let out = text.replace(/(?<![0-9๐-๙])([0-9๐-๙]{4})(?![0-9๐-๙])/gu, (y) => moved.get(y) ?? y);
  // Two-digit years only right after a month abbreviation or name: "ก.ย. 69", "ต.ค.๖๘".
  const twoDigit = new Map<string, string>();
  for (const y of [fy - 2, fy - 1]) {
    const [a, b] = [String(y % 100).padStart(2, "0"), String((y + 1) % 100).padStart(2, "0")];
    twoDigit.set(a, b);
    twoDigit.set(toThaiDigits(a), toThaiDigits(b));
  }
  const names = MONTHS.flatMap((m) => [escape(m.full), escape(m.short)]).join("|");
  out = out.replace(
    new RegExp(`(${names})(\\s*)([0-9๐-๙]{2})(?![0-9๐-๙])`, "gu"),
    (all, name: string, space: string, y: string) =>
      twoDigit.has(y) ? `${name}${space}${twoDigit.get(y)}` : all,
  );
  return out;
}
