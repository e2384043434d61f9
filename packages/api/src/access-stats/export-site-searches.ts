import type { ProvinceContext } from "../authz/procedures.ts";
import { getSiteSearches } from "./get-site-searches.ts";
import { quarterlyWorkbook } from "./quarterly-workbook.ts";

/**
 * The site-wide searches of a fiscal year as an XLSX workbook, in the layout of an
 * agency's access report (one column, searches), under the same authorisation as the
 * figures (a province's coordinators, system administrators).
 */
export async function exportSiteSearches({
  ctx,
  input,
}: {
  ctx: ProvinceContext;
  input: { fiscalYear: number };
}) {
  const figures = await getSiteSearches({ ctx, input });
  return quarterlyWorkbook({
    title: `สถิติการค้นหาทั้งเว็บไซต์ ปีงบประมาณ ${figures.fiscalYear}`,
    fileName: `site-searches-${figures.fiscalYear}.xlsx`,
    kinds: ["search"],
    figures,
  });
}
