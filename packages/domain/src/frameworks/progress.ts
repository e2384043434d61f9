/**
 * How far an agency has come with one item in a fiscal year, measured against what the
 * item expects (its cadence): "2/12 เดือน · 1 ส่งกลับ", which months are missing, and
 * an item status that says "published" only when every expected entry is public.
 */
import type { EntryState, ItemStatus } from "../workflow.ts";
import {
  CADENCE_LABELS,
  expectedCount,
  periodEndsAt,
  periodsOf,
  type ItemCadence,
} from "./expectations.ts";

export interface ProgressEntry {
  /** The period the entry reports (1–12 monthly, 1–4 quarterly), when known. */
  period: number | null;
  /** The public can see a version of it now. */
  isPublic: boolean;
  /**
   * Its newest version's state; an approved version waiting for its publication date
   * counts as `submitted` (someone is still waiting for it).
   */
  state: EntryState;
}

export interface ItemProgress {
  cadence: ItemCadence;
  expected: number;
  /** Periods the public can see (capped at `expected`; entries without a period count too). */
  published: number;
  /** Entries in each stage of the workflow (not periods: two returned entries are 2). */
  returned: number;
  waiting: number;
  drafts: number;
  /** Periods that have ended with nothing public for them, in fiscal order. */
  missingPeriods: number[];
  /** Entries of a monthly or quarterly item that do not say which period they report. */
  withoutPeriod: number;
  complete: boolean;
  status: ItemStatus;
}

export function itemProgress(
  cadence: ItemCadence,
  entries: readonly ProgressEntry[],
  fiscalYear: number,
  now: Date,
): ItemProgress {
  const expected = expectedCount(cadence);
  const live = entries.filter((e) => e.isPublic || e.state !== "withdrawn");
  const publicPeriods = new Set<number>();
  let publicWithoutPeriod = 0;
  for (const e of live) {
    if (!e.isPublic) continue;
    if (cadence === "once") publicPeriods.add(1);
    else if (e.period === null) publicWithoutPeriod++;
    else publicPeriods.add(e.period);
  }
  const published = Math.min(expected, publicPeriods.size + publicWithoutPeriod);
  const count = (state: EntryState) => live.filter((e) => e.state === state).length;
  const returned = count("returned");
  const waiting = count("submitted");
  const drafts = count("draft");
  const missingPeriods =
    cadence === "once"
      ? []
      : periodsOf(cadence).filter(
          (p) => !publicPeriods.has(p) && periodEndsAt(cadence, p, fiscalYear) <= now,
        );
  const complete = published >= expected;
  // Complete > the clerk must act > the approver must act > partly public > draft > nothing.
  const status: ItemStatus = complete
    ? "published"
    : returned > 0
      ? "returned"
      : waiting > 0
        ? "waiting"
        : published > 0
          ? "partial"
          : drafts > 0
            ? "draft"
            : "missing";
  return {
    cadence,
    expected,
    published,
    returned,
    waiting,
    drafts,
    missingPeriods,
    withoutPeriod: cadence === "once" ? 0 : live.filter((e) => e.period === null).length,
    complete,
    status,
  };
}

/**
 * One line for a checklist row: "2/12 เดือน · 1 ส่งกลับ · 1 รออนุมัติ". An item asked for
 * once shows its count only when a revision is under way beside the public entry.
 */
export function progressSummary(p: ItemProgress, lang: "th" | "en" = "th"): string {
  const parts: string[] = [];
  const label = CADENCE_LABELS[p.cadence];
  if (p.cadence !== "once")
    parts.push(`${p.published}/${p.expected} ${lang === "th" ? label.unitTh : label.unitEn}`);
  const stages: [number, string, string][] = [
    [p.returned, "ส่งกลับแก้ไข", "returned"],
    [p.waiting, "รออนุมัติ", "awaiting approval"],
    [p.drafts, "ฉบับร่าง", "draft"],
  ];
  if (p.cadence !== "once" || p.published > 0)
    for (const [n, th, en] of stages) if (n > 0) parts.push(`${n} ${lang === "th" ? th : en}`);
  return parts.join(" · ");
}
