import { ITEM_CSV_COLUMNS, itemToCsvRow, type FrameworkFile } from "@ita/domain/frameworks";
import { ExportFrameworkInput } from "@ita/domain/schemas";
import { stringify } from "csv-stringify/sync";
import type { z } from "zod";
import type { StaffContext } from "../authz/procedures.ts";
import { loadFramework } from "./edit-framework.ts";

/**
 * A framework as a file: the whole framework as JSON (what `importFramework` reads back),
 * or its items as CSV with a UTF-8 byte-order mark so spreadsheets show Thai.
 */
export async function exportFramework({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof ExportFrameworkInput>;
}) {
  const { frameworkId, format } = ExportFrameworkInput.parse(input);
  const { framework: f, items } = await loadFramework(ctx.db, frameworkId);
  const base = `${f.key}-v${f.version}`;
  if (format === "csv")
    return {
      fileName: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      text: stringify([[...ITEM_CSV_COLUMNS], ...items.map(itemToCsvRow)], {
        bom: true,
        record_delimiter: "\r\n",
      }),
    };
  const file: FrameworkFile = {
    key: f.key,
    fiscalYear: f.fiscalYear,
    agencyTypes: f.agencyTypes as FrameworkFile["agencyTypes"],
    titleTh: f.titleTh,
    titleEn: f.titleEn,
    gradingScheme: f.gradingScheme,
    items: items.map((i) => ({
      code: i.code,
      titleTh: i.titleTh,
      titleEn: i.titleEn,
      guidanceTh: i.guidanceTh,
      guidanceEn: i.guidanceEn,
      categories: i.categories,
      indicator: i.indicator,
      cadence: i.cadence,
      evidence: i.evidence,
      tag: i.tag,
      sortOrder: i.sortOrder,
    })),
  };
  return {
    fileName: `${base}.json`,
    contentType: "application/json",
    text: `${JSON.stringify(file, null, 2)}\n`,
  };
}
