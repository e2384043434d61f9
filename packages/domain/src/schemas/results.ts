/** Inputs of the admin's ITA results: one agency's year, a CSV import, a province's target. */
import * as z from "zod";
import { GRADING_SCHEMES } from "../grading.ts";
import { findGradeBand, gradingSchemeForYear, INDICATOR_COUNT } from "../results.ts";
import { fromThaiDigits } from "../thai-date.ts";
import { SLUG_PATTERN } from "../slug.ts";
import { AgencyIdInput, FiscalYearInput, ScoreInput, thaiRequired } from "./common.ts";

const GradeText = z
  .string(thaiRequired("ระดับผลการประเมิน"))
  .trim()
  .min(1, { error: "กรุณากรอกระดับผลการประเมิน" })
  .max(40, { error: "ระดับผลการประเมินยาวเกิน 40 ตัวอักษร" });

/** The published grade must be a band of the year's scheme (AA–F up to 2566, five levels from 2567). */
function gradeOfYear(
  value: { fiscalYear: number; grade: string },
  ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void },
) {
  const scheme = gradingSchemeForYear(value.fiscalYear);
  if (findGradeBand(scheme, value.grade)) return;
  const bands = GRADING_SCHEMES[scheme].bands;
  ctx.addIssue({
    code: "custom",
    path: ["grade"],
    input: value.grade,
    message: `ระดับ “${value.grade}” ไม่มีในเกณฑ์ปี ${value.fiscalYear} ใช้ได้: ${bands.map((b) => b.labelTh).join(", ")}`,
    params: {
      en: `Grade “${value.grade}” is not in the ${value.fiscalYear} scheme; use one of: ${bands.map((b) => b.code).join(", ")}`,
    },
  });
}

const ResultFields = z.object({
  fiscalYear: FiscalYearInput,
  iit: ScoreInput.nullish(),
  eit: ScoreInput.nullish(),
  oit: ScoreInput.nullish(),
  indicators: z
    .array(ScoreInput.nullable(), { error: "คะแนนตัวชี้วัดไม่ถูกต้อง" })
    .length(INDICATOR_COUNT, { error: `คะแนนตัวชี้วัดต้องมี ${INDICATOR_COUNT} ช่อง` })
    .nullish(),
  total: ScoreInput,
  grade: GradeText,
});

/** NACC's published result of one agency and year, as a coordinator records it. */
export const RecordResultInput = ResultFields.extend({ agencyId: AgencyIdInput }).superRefine(
  gradeOfYear,
);
export type RecordResultInput = z.infer<typeof RecordResultInput>;

export const ProvinceIdInput = z.uuid(thaiRequired("จังหวัด", "รหัสจังหวัดไม่ถูกต้อง"));

export const ProvinceYearInput = z.object({
  provinceId: ProvinceIdInput,
  fiscalYear: FiscalYearInput,
});

export const SetProvinceTargetInput = ProvinceYearInput.extend({
  passTarget: z.coerce
    .number(thaiRequired("เป้าหมาย", "เป้าหมายต้องเป็นตัวเลข"))
    .int({ error: "เป้าหมายต้องเป็นจำนวนเต็ม" })
    .min(0, { error: "เป้าหมายต้องไม่ต่ำกว่า 0" })
    .max(100_000, { error: "เป้าหมายมากเกินไป" }),
});

export const RESULTS_CSV_MAX_CHARS = 500_000;
export const RESULTS_CSV_MAX_LINES = 5_000;

export const ImportResultsInput = z.object({
  provinceId: ProvinceIdInput,
  csv: z
    .string(thaiRequired("ไฟล์ CSV"))
    .min(1, { error: "กรุณาเลือกไฟล์ CSV" })
    .max(RESULTS_CSV_MAX_CHARS, { error: "ไฟล์ CSV ใหญ่เกิน 500,000 ตัวอักษร" }),
});

/** Columns of the results CSV, in the order of the template. */
export const RESULTS_CSV_COLUMNS = [
  "agency",
  "fiscal_year",
  "total",
  "grade",
  "iit",
  "eit",
  "oit",
  ...Array.from({ length: INDICATOR_COUNT }, (_, i) => `indicator_${i + 1}`),
] as const;

/** What each column holds, in Thai and English: the English half of a line's error. */
export const RESULTS_CSV_COLUMN_HELP: Record<string, { th: string; en: string }> = {
  agency: { th: "รหัสหน่วยงาน (slug)", en: "agency slug, e.g. lao-yao-sao" },
  fiscal_year: { th: "ปีงบประมาณ พ.ศ.", en: "fiscal year (Buddhist Era), e.g. 2567" },
  total: { th: "คะแนนรวมที่ประกาศ", en: "published total, 0–100, two decimals at most" },
  grade: { th: "ระดับที่ประกาศ", en: "published grade of the year's scheme (AA–F or five levels)" },
  iit: { th: "คะแนน IIT", en: "IIT score, 0–100, or empty" },
  eit: { th: "คะแนน EIT", en: "EIT score, 0–100, or empty" },
  oit: { th: "คะแนน OIT", en: "OIT score, 0–100, or empty" },
  ...Object.fromEntries(
    Array.from({ length: INDICATOR_COUNT }, (_, i) => [
      `indicator_${i + 1}`,
      { th: `คะแนนตัวชี้วัดที่ ${i + 1}`, en: `indicator ${i + 1} score, 0–100, or empty` },
    ]),
  ),
};

/** A cell as written: Thai digits allowed, "" means unknown. */
const cell = (v: unknown) =>
  typeof v === "string" ? (fromThaiDigits(v).trim() === "" ? null : fromThaiDigits(v).trim()) : v;
const csvScore = z.preprocess((v) => {
  const c = cell(v);
  return c === null || c === undefined ? c : Number(c);
}, ScoreInput.nullable().optional());

/** One line of the results CSV (header names as in RESULTS_CSV_COLUMNS). */
export const ResultsCsvLine = z
  .object({
    agency: z.preprocess(
      cell,
      z
        .string(thaiRequired("รหัสหน่วยงาน"))
        .regex(SLUG_PATTERN, { error: "รหัสหน่วยงาน (slug) ไม่ถูกต้อง เช่น lao-yao-sao" }),
    ),
    fiscal_year: z.preprocess(cell, FiscalYearInput),
    total: z.preprocess((v) => (cell(v) === null ? undefined : Number(cell(v))), ScoreInput),
    grade: z.preprocess(cell, GradeText),
    iit: csvScore,
    eit: csvScore,
    oit: csvScore,
    ...Object.fromEntries(
      Array.from({ length: INDICATOR_COUNT }, (_, i) => [`indicator_${i + 1}`, csvScore]),
    ),
  })
  .transform((l) => {
    const line = l as Record<string, unknown> & {
      agency: string;
      fiscal_year: number;
      total: number;
      grade: string;
      iit?: number | null;
      eit?: number | null;
      oit?: number | null;
    };
    const indicators = Array.from(
      { length: INDICATOR_COUNT },
      (_, i) => (line[`indicator_${i + 1}`] as number | null | undefined) ?? null,
    );
    return {
      agency: line.agency,
      fiscalYear: line.fiscal_year,
      total: line.total,
      grade: line.grade,
      iit: line.iit ?? null,
      eit: line.eit ?? null,
      oit: line.oit ?? null,
      indicators: indicators.some((x) => x !== null) ? indicators : null,
    };
  })
  .superRefine((v, ctx) => gradeOfYear(v, ctx));
export type ResultsCsvLine = z.infer<typeof ResultsCsvLine>;
