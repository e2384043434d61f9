import { agencies } from "@ita/db/schema";
import {
  RESULTS_CSV_COLUMN_HELP,
  RESULTS_CSV_COLUMNS,
  RESULTS_CSV_MAX_LINES,
  ResultsCsvLine,
  type ResultsCsvLine as Line,
} from "@ita/domain/schemas";
import { parse } from "csv-parse/sync";
import { and, eq, inArray } from "drizzle-orm";
import { ZodRealError, type z } from "zod";
import { authorizeProvince } from "../authz/authorize.ts";
import type { StaffContext } from "../authz/procedures.ts";
import { upsertResult } from "./record-result.ts";

export interface LineError {
  /** Line of the file, the header being line 1. */
  line: number;
  field: string;
  th: string;
  en: string;
}

export interface ImportOutcome {
  imported: number;
}

/**
 * The file's errors as one validation error on the `csv` field: one message per line
 * error, Thai in the message and English in `params.en` (fieldErrors / fieldErrorsEn).
 */
export function lineErrors(errors: LineError[]): z.ZodError {
  return new ZodRealError(
    errors.map((e) => ({
      code: "custom" as const,
      path: ["csv"],
      input: undefined,
      message: `แถวที่ ${e.line}${e.field ? ` (${e.field})` : ""}: ${e.th}`,
      params: { en: `Line ${e.line}${e.field ? ` (${e.field})` : ""}: ${e.en}` },
    })),
  );
}

function fail(errors: LineError[]): never {
  throw lineErrors(errors);
}

const REQUIRED = ["agency", "fiscal_year", "total", "grade"] as const;

function issueToError(line: number, issue: z.core.$ZodIssue): LineError {
  const field = String(issue.path[0] ?? "");
  const en = (issue as { params?: { en?: unknown } }).params?.en;
  const help = RESULTS_CSV_COLUMN_HELP[field];
  return {
    line,
    field,
    th: help ? `${help.th}: ${issue.message}` : issue.message,
    en: typeof en === "string" ? en : help ? `Expected ${help.en}` : issue.message,
  };
}

/**
 * Reads a results CSV (header RESULTS_CSV_COLUMNS, UTF-8, BOM allowed) for one province:
 * every line is checked first — its columns (zod), its agency (in that province), no
 * agency and year twice — and only a file without an error is written, in one
 * transaction (all or nothing). Errors name the line and column, in Thai and English,
 * and are thrown together as a validation error of the `csv` field.
 */
export async function importResults({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: { provinceId: string; csv: string };
}): Promise<ImportOutcome> {
  const province = await authorizeProvince(ctx, ctx.user, input.provinceId);

  let records: string[][];
  try {
    records = parse(input.csv, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    fail([
      {
        line,
        field: "",
        th: "อ่านไฟล์ CSV ไม่ได้ ตรวจสอบเครื่องหมายคำพูดและจุลภาค",
        en: "The CSV file cannot be read: check its quotes and commas.",
      },
    ]);
  }
  const [header, ...rows] = records;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    fail([
      {
        line: 1,
        field: missing.join(","),
        th: `แถวหัวตารางต้องมีคอลัมน์ ${missing.join(", ")} (รูปแบบ: ${RESULTS_CSV_COLUMNS.join(",")})`,
        en: `The header must name the columns ${missing.join(", ")} (format: ${RESULTS_CSV_COLUMNS.join(",")})`,
      },
    ]);
  const unknown = columns.filter((c) => !(RESULTS_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0)
    fail([
      {
        line: 1,
        field: unknown.join(","),
        th: `ไม่รู้จักคอลัมน์ ${unknown.join(", ")}`,
        en: `Unknown columns: ${unknown.join(", ")}`,
      },
    ]);
  if (rows.length === 0)
    fail([{ line: 2, field: "", th: "ไม่มีข้อมูลในไฟล์", en: "The file has no data lines." }]);
  if (rows.length > RESULTS_CSV_MAX_LINES)
    fail([
      {
        line: RESULTS_CSV_MAX_LINES + 2,
        field: "",
        th: `นำเข้าได้ครั้งละไม่เกิน ${RESULTS_CSV_MAX_LINES} แถว`,
        en: `At most ${RESULTS_CSV_MAX_LINES} lines per import.`,
      },
    ]);

  const errors: LineError[] = [];
  const parsed: { line: number; value: Line }[] = [];
  rows.forEach((cells, i) => {
    const line = i + 2;
    const record = Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ""]));
    const result = ResultsCsvLine.safeParse(record);
    if (result.success) parsed.push({ line, value: result.data });
    else errors.push(...result.error.issues.map((issue) => issueToError(line, issue)));
  });

  // Agencies are looked up by slug among the province's stored agencies only.
  const slugs = [...new Set(parsed.map((p) => p.value.agency))];
  const known = slugs.length
    ? await ctx.db
        .select({ id: agencies.id, slug: agencies.slug })
        .from(agencies)
        .where(and(eq(agencies.provinceId, province.id), inArray(agencies.slug, slugs)))
    : [];
  const idOf = new Map(known.map((a) => [a.slug, a.id]));
  const seen = new Map<string, number>();
  for (const { line, value } of parsed) {
    if (!idOf.has(value.agency))
      errors.push({
        line,
        field: "agency",
        th: `ไม่พบหน่วยงาน “${value.agency}” ในจังหวัด${province.nameTh}`,
        en: `No agency “${value.agency}” in ${province.nameEn}`,
      });
    const key = `${value.agency}:${value.fiscalYear}`;
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({
        line,
        field: "agency",
        th: `หน่วยงานและปีนี้ซ้ำกับแถวที่ ${first}`,
        en: `Same agency and year as line ${first}`,
      });
    else seen.set(key, line);
  }
  if (errors.length > 0) fail(errors.sort((a, b) => a.line - b.line));

  await ctx.db.transaction(async (tx) => {
    for (const { value } of parsed) await upsertResult(tx, ctx, idOf.get(value.agency)!, value);
  });
  return { imported: parsed.length };
}
