/**
 * Building blocks for use-case input schemas. Messages are Thai, written for a
 * clerk filling in a form. Parsed from JSON (tRPC) and from URL/form strings
 * (Astro, SvelteKit), hence the coercions and the "" → undefined preprocessing.
 */
import * as z from "zod";
import { ITEM_CODE_PATTERN } from "../frameworks/select.ts";
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from "../fiscal-year.ts";
import { SLUG_MAX_LENGTH, SLUG_MIN_LENGTH, SLUG_PATTERN } from "../slug.ts";

/** Error option: "กรุณากรอก<label>" when the value is missing, `invalid` otherwise. */
export function thaiRequired(label: string, invalid = `${label}ไม่ถูกต้อง`) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined || issue.input === null ? `กรุณากรอก${label}` : invalid,
  };
}

/** Treats "" (an empty form field or `?q=`) as absent, then applies `schema.optional()`. */
export function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
}

export const SlugInput = z
  .string(thaiRequired("รหัสหน้า (slug)"))
  .trim()
  .min(SLUG_MIN_LENGTH, { error: `slug ต้องยาวอย่างน้อย ${SLUG_MIN_LENGTH} ตัวอักษร` })
  .max(SLUG_MAX_LENGTH, { error: `slug ต้องยาวไม่เกิน ${SLUG_MAX_LENGTH} ตัวอักษร` })
  .regex(SLUG_PATTERN, {
    error: "slug ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษพิมพ์เล็ก ตัวเลข และขีด (-) เช่น lamphun-pao",
  });

export const FiscalYearInput = z.coerce
  .number(thaiRequired("ปีงบประมาณ", "ปีงบประมาณต้องเป็นตัวเลข พ.ศ. เช่น 2568"))
  .int({ error: "ปีงบประมาณต้องเป็นจำนวนเต็ม เช่น 2568" })
  .min(MIN_FISCAL_YEAR, { error: `ปีงบประมาณต้องเป็นปี พ.ศ. ตั้งแต่ ${MIN_FISCAL_YEAR} (ไม่ใช่ ค.ศ.)` })
  .max(MAX_FISCAL_YEAR, { error: `ปีงบประมาณต้องไม่เกิน พ.ศ. ${MAX_FISCAL_YEAR}` });

/** Upper-cases so "o28" in a URL finds O28. */
export const ItemCodeInput = z
  .string(thaiRequired("รหัสข้อ"))
  .trim()
  .toUpperCase()
  .regex(ITEM_CODE_PATTERN, { error: "รหัสข้อไม่ถูกต้อง ต้องเป็นรูปแบบเช่น O28 หรือ MOIT22" });

export const AgencyIdInput = z.uuid(thaiRequired("หน่วยงาน", "รหัสหน่วยงานไม่ถูกต้อง"));

export const CategoryInput = z.coerce
  .number(thaiRequired("หมวดข้อมูล", "หมวดข้อมูลต้องเป็นตัวเลข 1–7"))
  .int({ error: "หมวดข้อมูลต้องเป็นตัวเลข 1–7" })
  .min(1, { error: "หมวดข้อมูลต้องเป็นตัวเลข 1–7" })
  .max(7, { error: "หมวดข้อมูลต้องเป็นตัวเลข 1–7" });

/** True when `x` has at most two decimals (tolerating binary noise such as 84.99 * 100). */
export function hasAtMostTwoDecimals(x: number): boolean {
  const scaled = x * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

export const ScoreInput = z
  .number(thaiRequired("คะแนน", "คะแนนต้องเป็นตัวเลข"))
  .min(0, { error: "คะแนนต้องไม่ต่ำกว่า 0" })
  .max(100, { error: "คะแนนต้องไม่เกิน 100" })
  .refine(hasAtMostTwoDecimals, { error: "คะแนนมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง" });

/**
 * A public phone number as agencies write it: digits (Arabic or Thai), spaces and
 * - + ( ) . , / between them, several numbers, an extension "ต่อ 123"; a hotline
 * (1567) counts. Words ("โทร 053 abc") are refused: the profile shows the number only.
 */
export const PHONE_PATTERN = /^[0-9๐-๙+(]([0-9๐-๙+\-\s().,/]|\s*(ต่อ|ext\.?)\s*(?=[0-9๐-๙]))*$/iu;

/** Optional phone field of a profile; "" clears it. */
export const PhoneInput = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z
    .string()
    .trim()
    .max(100, { error: "เบอร์โทรศัพท์ยาวเกิน 100 ตัวอักษร" })
    .refine((v) => PHONE_PATTERN.test(v) && (v.match(/[0-9๐-๙]/gu)?.length ?? 0) >= 3, {
      error: "เบอร์โทรศัพท์ใส่ได้เฉพาะตัวเลข ขีด วงเล็บ และคำว่า “ต่อ” เช่น 053 511 000 ต่อ 123",
      params: {
        en: "A phone number may hold digits, dashes, brackets and an extension only, e.g. 053 511 000 ext. 123.",
      },
    })
    .nullish(),
);
