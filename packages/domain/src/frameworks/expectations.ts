/**
 * What a framework item expects of an agency in a fiscal year: how many entries
 * (its cadence — once, or one per quarter or per month of the fiscal year, October
 * first) and which kinds of evidence show it (a document, a link, or text in the
 * entry itself). Frameworks hold both as data, per item (docs/domain.md §3).
 */
import { FISCAL_MONTHS_TH } from "../fiscal-year.ts";

export const ITEM_CADENCES = ["once", "quarterly", "monthly"] as const;
export type ItemCadence = (typeof ITEM_CADENCES)[number];

export const EVIDENCE_KINDS = ["document", "link", "text"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** How many entries a fiscal year needs: 1, 4 quarters or 12 months (October–September). */
export const CADENCE_EXPECTED_COUNT: Readonly<Record<ItemCadence, number>> = {
  once: 1,
  quarterly: 4,
  monthly: 12,
};

export const CADENCE_LABELS: Readonly<
  Record<ItemCadence, { th: string; en: string; unitTh: string; unitEn: string }>
> = {
  once: { th: "ปีละครั้ง", en: "once a year", unitTh: "รายการ", unitEn: "entry" },
  quarterly: { th: "รายไตรมาส", en: "quarterly", unitTh: "ไตรมาส", unitEn: "quarters" },
  monthly: { th: "รายเดือน", en: "monthly", unitTh: "เดือน", unitEn: "months" },
};

export const EVIDENCE_LABELS: Readonly<Record<EvidenceKind, { th: string; en: string }>> = {
  document: { th: "เอกสารแนบ", en: "document" },
  link: { th: "ลิงก์", en: "link" },
  text: { th: "ข้อความ", en: "text" },
};

export function isItemCadence(value: unknown): value is ItemCadence {
  return (ITEM_CADENCES as readonly unknown[]).includes(value);
}

export function isEvidenceKind(value: unknown): value is EvidenceKind {
  return (EVIDENCE_KINDS as readonly unknown[]).includes(value);
}

export function expectedCount(cadence: ItemCadence): number {
  return CADENCE_EXPECTED_COUNT[cadence];
}

/**
 * The periods of a fiscal year an item's entries stand for: 1–12 for a monthly item
 * (1 = October), 1–4 for a quarterly one (1 = October–December), 1 for an item asked
 * for once. Entries of a monthly item say which month they report (`period`).
 */
export function periodsOf(cadence: ItemCadence): number[] {
  return Array.from({ length: expectedCount(cadence) }, (_, i) => i + 1);
}

export function isValidPeriod(cadence: ItemCadence, period: unknown): period is number {
  return (
    typeof period === "number" &&
    Number.isInteger(period) &&
    period >= 1 &&
    period <= expectedCount(cadence)
  );
}

const FISCAL_MONTHS_EN = [
  "October",
  "November",
  "December",
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
] as const;

/** Calendar month (1–12) and BE year of fiscal month `n` (1 = October) of fiscal year `fy`. */
export function fiscalMonth(fy: number, n: number): { month: number; yearBe: number } {
  return { month: ((n + 8) % 12) + 1, yearBe: n <= 3 ? fy - 1 : fy };
}

/**
 * The first moment after a period, in Bangkok (UTC+7, no DST): a report on a period
 * can exist only from then on, and a period that has not ended is not yet missing.
 */
export function periodEndsAt(cadence: ItemCadence, period: number, fy: number): Date {
  const months = 12 / expectedCount(cadence);
  const next = fiscalMonth(fy, period * months);
  const ceYear = next.month === 12 ? next.yearBe - 543 + 1 : next.yearBe - 543;
  const month = (next.month % 12) + 1;
  return new Date(`${ceYear}-${String(month).padStart(2, "0")}-01T00:00:00+07:00`);
}

/** "เดือนตุลาคม พ.ศ. 2567", "ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2568", "ปีงบประมาณ พ.ศ. 2568". */
export function periodLabel(
  cadence: ItemCadence,
  period: number,
  fy: number,
  lang: "th" | "en" = "th",
): string {
  if (cadence === "monthly") {
    const { yearBe } = fiscalMonth(fy, period);
    return lang === "th"
      ? `เดือน${FISCAL_MONTHS_TH[period - 1]} พ.ศ. ${yearBe}`
      : `${FISCAL_MONTHS_EN[period - 1]} ${yearBe} BE`;
  }
  if (cadence === "quarterly")
    return lang === "th"
      ? `ไตรมาสที่ ${period} ปีงบประมาณ พ.ศ. ${fy}`
      : `Quarter ${period} of fiscal year ${fy}`;
  return lang === "th" ? `ปีงบประมาณ พ.ศ. ${fy}` : `Fiscal year ${fy}`;
}

/** Short name of a period for lists of what is missing: "ต.ค.", "ไตรมาส 2". */
export function periodShortLabel(cadence: ItemCadence, period: number, lang: "th" | "en" = "th") {
  if (cadence === "monthly")
    return lang === "th"
      ? FISCAL_MONTHS_TH_SHORT[period - 1]!
      : FISCAL_MONTHS_EN[period - 1]!.slice(0, 3);
  if (cadence === "quarterly") return lang === "th" ? `ไตรมาส ${period}` : `Q${period}`;
  return lang === "th" ? "ทั้งปี" : "the year";
}

const FISCAL_MONTHS_TH_SHORT = [
  "ต.ค.",
  "พ.ย.",
  "ธ.ค.",
  "ม.ค.",
  "ก.พ.",
  "มี.ค.",
  "เม.ย.",
  "พ.ค.",
  "มิ.ย.",
  "ก.ค.",
  "ส.ค.",
  "ก.ย.",
] as const;

/**
 * The evidence an entry lacks: the item's expected kinds when the entry has none of
 * them (any one will do), else []. Submitting and approving warn with this; they do not
 * refuse (docs/adr/0021).
 */
export function missingEvidence(
  expected: readonly EvidenceKind[],
  entry: { files: number; links: number; description: string },
): EvidenceKind[] {
  const has: Record<EvidenceKind, boolean> = {
    document: entry.files > 0,
    link: entry.links > 0,
    text: entry.description.trim() !== "",
  };
  return expected.some((kind) => has[kind]) ? [] : [...expected];
}
