import { agencies } from "@ita/db/schema";
import { eq } from "drizzle-orm";
import { ACCESS_KIND_LABELS, ACCESS_KINDS, type AccessKind } from "@ita/domain/access";
import ExcelJS from "exceljs";
import type { AgencyContext } from "../authz/procedures.ts";
import { getAccessStats } from "./get-access-stats.ts";

/** Thai column titles of the quarterly access report (the executives' report, docs/domain.md §6). */
export const ACCESS_REPORT_COLUMNS = [
  "ปีงบประมาณ",
  "ไตรมาส",
  ...ACCESS_KINDS.map((kind) => ACCESS_KIND_LABELS[kind].th),
] as const;

/**
 * One agency's quarterly access statistics of a fiscal year as an XLSX workbook, as the
 * round's report is made (exceljs): Thai column titles, a frozen header, a filter over the
 * quarters and a total row for the year. Counts are numbers, so Excel can sum and chart
 * them. Sent as base64 over tRPC under the same authorisation as the statistics.
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
  const rows = stats.quarters.map((q) => [
    stats.fiscalYear,
    `ไตรมาส ${q.quarter}`,
    ...ACCESS_KINDS.map((kind) => q[kind]),
  ]);
  const total = (k: AccessKind) => stats.quarters.reduce((sum, q) => sum + q[k], 0);

  const book = new ExcelJS.Workbook();
  book.creator = "ITA";
  book.title = `สถิติการเข้าใช้งาน ${agency?.nameTh ?? ""} ปีงบประมาณ ${stats.fiscalYear}`;
  const sheet = book.addWorksheet(`ปีงบประมาณ ${stats.fiscalYear}`, {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = ACCESS_REPORT_COLUMNS.map((header, i) => ({
    header,
    width: [12, 12, 16, 18, 12][i],
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  const totalRow = sheet.addRow([stats.fiscalYear, "รวมทั้งปี", ...ACCESS_KINDS.map(total)]);
  totalRow.font = { bold: true };
  for (let i = 0; i < ACCESS_KINDS.length; i++) sheet.getColumn(3 + i).numFmt = "#,##0";
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows.length + 1, column: ACCESS_REPORT_COLUMNS.length },
  };
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return {
    fileName: `access-statistics-${ctx.agency.slug}-${stats.fiscalYear}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    base64: buffer.toString("base64"),
  };
}
