/**
 * Public holidays as data (ADR 0030): what a system administrator enters or imports.
 * Dates are ISO yyyy-mm-dd; a year written in the Buddhist Era (2569-04-13) is read as
 * the same day CE, as Thai lists write it.
 */
import * as z from "zod";
import { bilingual } from "./errors.ts";
import { isIsoDate } from "./working-days.ts";

const BE_OFFSET = 543;

/** `2569-04-13` → `2026-04-13`; CE dates unchanged; null when not a real date. */
export function holidayDateOf(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]) >= 2400 ? Number(m[1]) - BE_OFFSET : Number(m[1]);
  const iso = `${String(year).padStart(4, "0")}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}

export const HolidayDateInput = z
  .string({ error: bilingual("กรุณาระบุวันที่", "Enter the date.") })
  .transform((s, ctx) => {
    const iso = holidayDateOf(s);
    if (!iso)
      ctx.addIssue({
        code: "custom",
        message: bilingual(
          "วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว เช่น 2569-04-13",
          "Write the date as yyyy-mm-dd, e.g. 2026-04-13.",
        ),
      });
    return iso ?? "";
  });

export const HolidayInput = z.object({
  date: HolidayDateInput,
  nameTh: z
    .string()
    .trim()
    .min(1, { error: bilingual("กรุณาระบุชื่อวันหยุด", "Enter the holiday's Thai name.") })
    .max(300, { error: bilingual("ชื่อวันหยุดยาวเกินไป", "The name is too long.") }),
  nameEn: z
    .string()
    .trim()
    .max(300, { error: bilingual("ชื่อภาษาอังกฤษยาวเกินไป", "The English name is too long.") })
    .nullish()
    .transform((s) => s || null),
});
export type Holiday = z.output<typeof HolidayInput>;

export const HolidayYearInput = z.object({
  /** Calendar year CE (the admin shows it in BE). */
  year: z.coerce.number().int().min(2000).max(2200),
});
export const RemoveHolidayInput = z.object({ date: HolidayDateInput });
export const ImportHolidaysInput = z.object({
  csv: z.string().max(200_000, { error: bilingual("ไฟล์ใหญ่เกินไป", "The file is too large.") }),
});

/** CSV columns of the import and export, in order. */
export const HOLIDAY_CSV_COLUMNS = ["date", "nameTh", "nameEn"] as const;
