import type { RouterOutputs } from "@ita/api";
import { currentFiscalYear } from "@ita/domain/fiscal-year";
import type { APIContext } from "astro";
import { toCsv } from "./csv.ts";
import { isNotFound } from "./page-errors.ts";

export type ComplaintStatistics = RouterOutputs["complaints"]["statistics"];

/** `/open-data/agencies/<slug>/complaints.*?fy=` (current fiscal year by default), or the 404 page. */
export async function loadComplaintStatistics(
  context: APIContext,
): Promise<ComplaintStatistics | Response> {
  const { locals, url, params, rewrite } = context;
  try {
    return await locals.api.complaints.statistics({
      slug: params.slug ?? "",
      fiscalYear: Number(url.searchParams.get("fy") ?? currentFiscalYear()),
    });
  } catch (error) {
    if (isNotFound(error)) return rewrite("/404");
    throw error;
  }
}

const NOTE =
  "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ค่าที่เป็น null คือจำนวน 1–4 ที่ไม่เผยแพร่เพื่อป้องกันการระบุตัวผู้ร้อง (docs/open-data.md)";

export function complaintStatisticsJson(s: ComplaintStatistics) {
  return { description: NOTE, ...s };
}

/** Long format: one row per (breakdown, key); an empty count is a suppressed cell. */
export function complaintStatisticsCsv(s: ComplaintStatistics): string {
  const rows: (string | number | null)[][] = [[s.fiscalYear, "total", "", s.total]];
  for (const [breakdown, data] of [
    ["subject", s.bySubject],
    ["state", s.byState],
    ["outcome", s.byOutcome],
  ] as const)
    for (const [key, count] of Object.entries(data.cells))
      rows.push([s.fiscalYear, breakdown, key, count]);
  rows.push([s.fiscalYear, "median_days_to_acknowledge", "", s.medianDaysToAcknowledge]);
  rows.push([s.fiscalYear, "median_days_to_close", "", s.medianDaysToClose]);
  return toCsv(["fiscal_year", "breakdown", "key", "count"], rows);
}
