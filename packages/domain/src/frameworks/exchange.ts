/**
 * Frameworks as files (issue 8): a whole framework as JSON, its items as CSV (one row
 * per item), both checked with zod before anything is written. Problems name the line
 * (CSV: the file's line, header = 1; JSON: the item's number) and the column, in Thai
 * and in English — zod's own Thai and English messages, from one parse each.
 */
import * as z from "zod";
import { AGENCY_TYPES } from "../agency-types.ts";
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from "../fiscal-year.ts";
import { GRADING_SCHEME_KEYS } from "../grading.ts";
import { SLUG_PATTERN } from "../slug.ts";
import { EVIDENCE_KINDS, ITEM_CADENCES } from "./expectations.ts";
import { ITEM_CODE_PATTERN } from "./select.ts";
import { ITEM_TAGS } from "./tags.ts";

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const FrameworkItemRecord = z.object({
  code: z.string().trim().toUpperCase().regex(ITEM_CODE_PATTERN),
  titleTh: z.string().trim().min(1).max(500),
  titleEn: z.string().trim().min(1).max(500),
  guidanceTh: z.string().trim().max(4000).default(""),
  guidanceEn: z.string().trim().max(4000).default(""),
  categories: z.array(z.number().int().min(1).max(7)).min(1).max(7).refine(unique),
  indicator: z.number().int().min(1).max(10).nullable().default(null),
  cadence: z.enum(ITEM_CADENCES).default("once"),
  evidence: z.array(z.enum(EVIDENCE_KINDS)).min(1).max(3).refine(unique).default(["document"]),
  tag: z.enum(ITEM_TAGS).nullable().default(null),
  sortOrder: z.number().int().min(0).max(100_000),
});
export type FrameworkItemData = z.output<typeof FrameworkItemRecord>;

export const FrameworkHeaderRecord = z.object({
  key: z.string().trim().min(3).max(60).regex(SLUG_PATTERN),
  fiscalYear: z.number().int().min(MIN_FISCAL_YEAR).max(MAX_FISCAL_YEAR),
  agencyTypes: z.array(z.enum(AGENCY_TYPES)).min(1).refine(unique),
  titleTh: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
  gradingScheme: z.enum(GRADING_SCHEME_KEYS as [string, ...string[]]),
});
export type FrameworkHeaderData = z.output<typeof FrameworkHeaderRecord>;

/** One problem of an import, next to its line and column, in both languages. */
export interface ImportProblem {
  /** CSV: line of the file (header = 1). JSON: number of the item (1 = first), null for the header. */
  line: number | null;
  field: string | null;
  th: string;
  en: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: ImportProblem[] };

function problemsOf(
  schema: z.ZodType,
  data: unknown,
  line: number | null,
  prefix: (string | number)[] = [],
): ImportProblem[] {
  const th = schema.safeParse(data, { error: z.locales.th().localeError });
  if (th.success) return [];
  const en = schema.safeParse(data, { error: z.locales.en().localeError });
  return th.error.issues.map((issue, i) => {
    const path = [...prefix, ...issue.path].map(String).join(".");
    return {
      line,
      field: path || null,
      th: issue.message,
      en: en.success ? issue.message : (en.error.issues[i]?.message ?? issue.message),
    };
  });
}

/** Items that are each valid may still clash: the same code, tag or order twice. */
function crossItemProblems(items: FrameworkItemData[], lineOf: (i: number) => number) {
  const problems: ImportProblem[] = [];
  const seen = { code: new Map<string, number>(), tag: new Map<string, number>() };
  items.forEach((item, i) => {
    const line = lineOf(i);
    const first = seen.code.get(item.code);
    if (first !== undefined)
      problems.push({
        line,
        field: "code",
        th: `รหัสข้อ ${item.code} ซ้ำกับบรรทัด ${first}`,
        en: `Item code ${item.code} repeats line ${first}`,
      });
    else seen.code.set(item.code, line);
    if (item.tag) {
      const tagged = seen.tag.get(item.tag);
      if (tagged !== undefined)
        problems.push({
          line,
          field: "tag",
          th: `บทบาท ${item.tag} ให้ได้ข้อเดียว (ซ้ำกับบรรทัด ${tagged})`,
          en: `Tag ${item.tag} belongs to one item only (already on line ${tagged})`,
        });
      else seen.tag.set(item.tag, line);
    }
  });
  if (items.length === 0)
    problems.push({ line: null, field: null, th: "ไม่มีรายการข้อ", en: "There are no items" });
  return problems;
}

/** Checks item records (from JSON or converted CSV rows); `lineOf(i)` names where item i came from. */
export function parseItems(
  rows: readonly unknown[],
  lineOf: (i: number) => number = (i) => i + 1,
): Parsed<FrameworkItemData[]> {
  const problems: ImportProblem[] = [];
  const items: FrameworkItemData[] = [];
  rows.forEach((row, i) => {
    const found = problemsOf(FrameworkItemRecord, row, lineOf(i));
    if (found.length) problems.push(...found);
    else items.push(FrameworkItemRecord.parse(row));
  });
  if (problems.length) return { ok: false, problems };
  const clashes = crossItemProblems(items, lineOf);
  return clashes.length ? { ok: false, problems: clashes } : { ok: true, value: items };
}

export interface FrameworkFile extends FrameworkHeaderData {
  items: FrameworkItemData[];
}

/** A whole framework as exported by `frameworkToJson`; problems name the item's number. */
export function parseFrameworkJson(text: string): Parsed<FrameworkFile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problems: [
        {
          line: null,
          field: null,
          th: "ไฟล์ไม่ใช่ JSON ที่ถูกต้อง",
          en: "The file is not valid JSON",
        },
      ],
    };
  }
  const header = problemsOf(FrameworkHeaderRecord, data, null);
  const rawItems = (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(rawItems))
    return {
      ok: false,
      problems: [
        ...header,
        { line: null, field: "items", th: "ต้องมีรายการข้อ (items)", en: "items must be a list" },
      ],
    };
  const items = parseItems(rawItems);
  if (header.length || !items.ok)
    return { ok: false, problems: [...header, ...(items.ok ? [] : items.problems)] };
  return { ok: true, value: { ...FrameworkHeaderRecord.parse(data), items: items.value } };
}

/** Columns of the item CSV, in order. Lists inside a cell are separated by `|`. */
export const ITEM_CSV_COLUMNS = [
  "code",
  "titleTh",
  "titleEn",
  "guidanceTh",
  "guidanceEn",
  "categories",
  "indicator",
  "cadence",
  "evidence",
  "tag",
  "sortOrder",
] as const;

const list = (cell: string | undefined) =>
  (cell ?? "")
    .split(/[|;,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const numberOrNull = (cell: string | undefined) => {
  const s = (cell ?? "").trim();
  return s === "" ? null : Number(s);
};

/** A CSV row (column → cell text) as an item record, for `parseItems`. */
export function itemFromCsvRow(row: Readonly<Record<string, string | undefined>>): unknown {
  const tag = (row.tag ?? "").trim();
  const cadence = (row.cadence ?? "").trim();
  const evidence = list(row.evidence);
  return {
    code: row.code ?? "",
    titleTh: row.titleTh ?? "",
    titleEn: row.titleEn ?? "",
    guidanceTh: row.guidanceTh ?? "",
    guidanceEn: row.guidanceEn ?? "",
    categories: list(row.categories).map(Number),
    indicator: numberOrNull(row.indicator),
    cadence: cadence === "" ? undefined : cadence,
    evidence: evidence.length ? evidence : undefined,
    tag: tag === "" ? null : tag,
    sortOrder: numberOrNull(row.sortOrder),
  };
}

/** An item as a CSV row, in `ITEM_CSV_COLUMNS` order. */
export function itemToCsvRow(item: {
  code: string;
  titleTh: string;
  titleEn: string;
  guidanceTh: string;
  guidanceEn: string;
  categories: readonly number[];
  indicator: number | null;
  cadence: string;
  evidence: readonly string[];
  tag: string | null;
  sortOrder: number;
}): string[] {
  return [
    item.code,
    item.titleTh,
    item.titleEn,
    item.guidanceTh,
    item.guidanceEn,
    item.categories.join("|"),
    item.indicator === null ? "" : String(item.indicator),
    item.cadence,
    item.evidence.join("|"),
    item.tag ?? "",
    String(item.sortOrder),
  ];
}

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
const toThaiDigits = (s: string) => s.replace(/\d/g, (d) => THAI_DIGITS[Number(d)]!);

/**
 * Moves a year written in a title or key to the next framework's year, in Arabic and
 * in Thai digits (๒๕๖๖ → ๒๕๖๗), as "copy last year's" does: ita-2566 → ita-2567.
 */
export function shiftYear(text: string, from: number, to: number): string {
  const arabic = new RegExp(`(?<!\\d)${from}(?!\\d)`, "g");
  const thai = new RegExp(`(?<![๐-๙])${toThaiDigits(String(from))}(?![๐-๙])`, "g");
  return text.replace(arabic, String(to)).replace(thai, toThaiDigits(String(to)));
}
