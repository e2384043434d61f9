import { toCsv } from "@ita/domain/csv";
import { isoDateIn } from "@ita/domain/fiscal-year";
import { formatThaiDate } from "@ita/domain/thai-date";
import { itemPath } from "@ita/domain/paths";
import { cellState, READINESS_LABELS, type ReviewVerdict } from "@ita/domain/readiness";
import { ExportRoundInput } from "@ita/domain/schemas";
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { ReviewRoundContext } from "../authz/procedures.ts";
import { linkOrigin } from "../notifications/mailer.ts";
import { readinessFacts } from "./readiness.ts";
import { provinceYearItems } from "./year-items.ts";

/** Thai column titles of the round's report (XLSX and CSV alike). */
export const ROUND_REPORT_COLUMNS = [
  "หน่วยงาน",
  "อำเภอ",
  "ข้อ",
  "หัวข้อ",
  "กำหนดส่ง",
  "สถานะ",
  "ความเห็นของจังหวัด",
  "ลิงก์ข้อมูลสาธารณะ",
] as const;

const json = <T>(v: T | string | null): T | null =>
  typeof v === "string" ? (JSON.parse(v) as T) : v;

/** One row per agency × item of the round, agencies by name: what the province used to collect in Excel. */
export async function roundReportRows(ctx: ReviewRoundContext, origin: string) {
  const { round } = ctx;
  const now = ctx.now();
  const today = isoDateIn(now);
  const { items, codesByType } = await provinceYearItems(ctx.db, ctx.province.id, round.fiscalYear);
  const titles = new Map(items.map((i) => [i.code, i.titleTh]));
  const facts = await readinessFacts(ctx.db, {
    provinceId: ctx.province.id,
    fiscalYear: round.fiscalYear,
    now,
  });
  // Read by people, in Thai: the Buddhist-Era date, as the admin shows it ("31 ม.ค. 2568").
  const deadline = formatThaiDate(round.deadline, { style: "short" });
  const rows: (string | number)[][] = [];
  for (const a of facts) {
    const published = new Map(json<[string, string[]][]>(a.published) ?? []);
    const reviews = new Map(
      (json<[string, ReviewVerdict, string | null, string[]][]>(a.reviews) ?? []).map((r) => [
        r[0],
        r,
      ]),
    );
    const own = new Set(codesByType.get(a.type) ?? []);
    for (const code of round.itemCodes) {
      if (!own.has(code)) continue;
      const review = reviews.get(code);
      const state = cellState(
        {
          publishedVersionIds: published.get(code) ?? [],
          review: review ? { verdict: review[1], versionIds: review[3] } : null,
          deadline: round.deadline,
        },
        today,
      );
      rows.push([
        a.name_th,
        a.district_th ?? "",
        code,
        titles.get(code) ?? "",
        deadline,
        READINESS_LABELS[state].th,
        state === "needs-fix" ? (review?.[2] ?? "") : "",
        `${origin}${itemPath(a.slug, round.fiscalYear, code)}`,
      ]);
    }
  }
  return rows;
}

/**
 * The round's report as a file: XLSX (Thai column titles, frozen header, auto filter)
 * or CSV (BOM, formula-injection guard, @ita/domain/csv). Sent as base64 over tRPC, so
 * the same authorisation as every other procedure applies.
 */
export async function exportRoundReport({
  ctx,
  input,
}: {
  ctx: ReviewRoundContext;
  input: z.input<typeof ExportRoundInput>;
}) {
  const { format } = ExportRoundInput.parse(input);
  const rows = await roundReportRows(ctx, linkOrigin());
  const base = `readiness-${ctx.province.slug}-${ctx.round.fiscalYear}-round-${ctx.round.number}`;
  if (format === "csv") {
    return {
      fileName: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      base64: Buffer.from(toCsv(ROUND_REPORT_COLUMNS, rows), "utf8").toString("base64"),
      rows: rows.length,
    };
  }
  const book = new ExcelJS.Workbook();
  book.creator = "ITA";
  const sheet = book.addWorksheet(`รอบที่ ${ctx.round.number}`, {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = ROUND_REPORT_COLUMNS.map((header, i) => ({
    header,
    width: [40, 18, 8, 50, 12, 22, 40, 60][i],
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows.length + 1, column: ROUND_REPORT_COLUMNS.length },
  };
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return {
    fileName: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    base64: buffer.toString("base64"),
    rows: rows.length,
  };
}
