import { agencies } from "@ita/db/schema";
import { eq } from "drizzle-orm";
import { ACCESS_KINDS } from "@ita/domain/access";
import type { AgencyContext } from "../authz/procedures.ts";
import { getAccessStats } from "./get-access-stats.ts";
import { quarterlyWorkbook } from "./quarterly-workbook.ts";

/**
 * One agency's quarterly access statistics of a fiscal year as an XLSX workbook (the
 * executives' report, docs/domain.md §6), under the same authorisation as the statistics.
 */
export async function exportAccessStats({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: { fiscalYear: number };
}) {
  const stats = await getAccessStats({ ctx, input });
  const [agency] = await ctx.db
    .select({ nameTh: agencies.nameTh })
    .from(agencies)
    .where(eq(agencies.id, ctx.agency.id));
  return quarterlyWorkbook({
    title: `สถิติการเข้าใช้งาน ${agency?.nameTh ?? ""} ปีงบประมาณ ${stats.fiscalYear}`,
    fileName: `access-statistics-${ctx.agency.slug}-${stats.fiscalYear}.xlsx`,
    kinds: ACCESS_KINDS,
    figures: stats,
  });
}
