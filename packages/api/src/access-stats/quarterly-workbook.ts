import { ACCESS_KIND_LABELS, type AccessKind } from "@ita/domain/access";
import ExcelJS from "exceljs";

/** A fiscal year's quarters with a count for each kind the report shows. */
export interface QuarterlyFigures<K extends AccessKind> {
  fiscalYear: number;
  quarters: readonly ({ quarter: number } & Record<K, number>)[];
}

/** Thai column titles of a quarterly access report: the year, the quarter, then one per kind. */
export const quarterlyReportColumns = (kinds: readonly AccessKind[]) =>
  ["ปีงบประมาณ", "ไตรมาส", ...kinds.map((kind) => ACCESS_KIND_LABELS[kind].th)] as const;

/**
 * The executives' quarterly report as an XLSX workbook (exceljs), the one layout of every
 * access report (an agency's figures, the site-wide searches): Thai column titles, a
 * frozen header, a filter over the quarters and a total row for the year. Counts are
 * numbers, so Excel can sum and chart them. Returned as base64, as tRPC answers are JSON.
 */
export async function quarterlyWorkbook<K extends AccessKind>({
  title,
  fileName,
  kinds,
  figures,
}: {
  title: string;
  fileName: string;
  kinds: readonly K[];
  figures: QuarterlyFigures<K>;
}) {
  const { fiscalYear, quarters } = figures;
  const columns = quarterlyReportColumns(kinds);
  const rows = quarters.map((q) => [fiscalYear, `ไตรมาส ${q.quarter}`, ...kinds.map((k) => q[k])]);
  const total = (k: K) => quarters.reduce((sum, q) => sum + q[k], 0);

  const book = new ExcelJS.Workbook();
  book.creator = "ITA";
  book.title = title;
  const sheet = book.addWorksheet(`ปีงบประมาณ ${fiscalYear}`, {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = columns.map((header, i) => ({
    header,
    width: i < 2 ? 12 : Math.max(12, header.length + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  const totalRow = sheet.addRow([fiscalYear, "รวมทั้งปี", ...kinds.map(total)]);
  totalRow.font = { bold: true };
  for (let i = 0; i < kinds.length; i++) sheet.getColumn(3 + i).numFmt = "#,##0";
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows.length + 1, column: columns.length },
  };
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return {
    fileName,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    base64: buffer.toString("base64"),
  };
}
