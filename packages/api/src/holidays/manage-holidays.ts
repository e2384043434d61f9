import type { Executor } from "@ita/db";
import { publicHolidays } from "@ita/db/schema";
import { DomainError, englishOf } from "@ita/domain/errors";
import {
  HOLIDAY_CSV_COLUMNS,
  HolidayInput,
  HolidayYearInput,
  ImportHolidaysInput,
  RemoveHolidayInput,
  type Holiday,
} from "@ita/domain/holidays";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { StaffContext } from "../authz/procedures.ts";
import { readCsvRecords } from "../csv/read-records.ts";
import { forgetHolidays } from "./load-holidays.ts";

/** One calendar year's holidays (CE), in date order. */
export async function listHolidays({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof HolidayYearInput>;
}) {
  const { year } = HolidayYearInput.parse(input);
  return ctx.db
    .select({
      date: publicHolidays.date,
      nameTh: publicHolidays.nameTh,
      nameEn: publicHolidays.nameEn,
    })
    .from(publicHolidays)
    .where(
      and(gte(publicHolidays.date, `${year}-01-01`), lte(publicHolidays.date, `${year}-12-31`)),
    )
    .orderBy(asc(publicHolidays.date));
}

async function upsert(tx: Executor, ctx: StaffContext, h: Holiday) {
  const [before] = await tx.select().from(publicHolidays).where(eq(publicHolidays.date, h.date));
  await tx
    .insert(publicHolidays)
    .values({ ...h, createdBy: ctx.user.id })
    .onConflictDoUpdate({
      target: publicHolidays.date,
      set: { nameTh: h.nameTh, nameEn: h.nameEn },
    });
  await recordAudit(tx, {
    action: "holiday.saved",
    actor: ctx.user,
    targetType: "public_holiday",
    targetId: h.date,
    before: before ? { nameTh: before.nameTh, nameEn: before.nameEn } : null,
    after: { nameTh: h.nameTh, nameEn: h.nameEn },
    request: ctx.request,
  });
}

/** Adds a holiday, or renames the one on that date (audited). */
export async function saveHoliday({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof HolidayInput>;
}) {
  const holiday = HolidayInput.parse(input);
  await ctx.db.transaction((tx) => upsert(tx, ctx, holiday));
  forgetHolidays();
  return holiday;
}

export async function removeHoliday({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof RemoveHolidayInput>;
}) {
  const { date } = RemoveHolidayInput.parse(input);
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(publicHolidays)
      .where(eq(publicHolidays.date, date))
      .returning();
    if (!removed) throw new DomainError("NOT_FOUND", "no holiday on this date");
    await recordAudit(tx, {
      action: "holiday.removed",
      actor: ctx.user,
      targetType: "public_holiday",
      targetId: date,
      before: { nameTh: removed.nameTh, nameEn: removed.nameEn },
      request: ctx.request,
    });
  });
  forgetHolidays();
  return { date };
}

export interface HolidayImportProblem {
  line: number | null;
  th: string;
  en: string;
}

/**
 * Reads a CSV of `date,nameTh,nameEn` (the Cabinet's announcement typed up; BE or CE
 * years) and saves every row, or nothing when any row is wrong: problems per line in
 * Thai and English. Dates already present are renamed, none is removed.
 */
export async function importHolidays({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof ImportHolidaysInput>;
}): Promise<{ ok: true; saved: number } | { ok: false; problems: HolidayImportProblem[] }> {
  const { csv } = ImportHolidaysInput.parse(input);
  const read = readCsvRecords(csv);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const { records } = read;
  const header = Object.keys(records[0]?.record ?? {});
  const missing = HOLIDAY_CSV_COLUMNS.filter((c) => c !== "nameEn" && !header.includes(c));
  if (!records.length || missing.length)
    return {
      ok: false,
      problems: [
        {
          line: 1,
          th: `ไฟล์ต้องมีแถวหัวตาราง ${HOLIDAY_CSV_COLUMNS.join(",")} และอย่างน้อยหนึ่งแถว`,
          en: `The file needs the header row ${HOLIDAY_CSV_COLUMNS.join(",")} and at least one row.`,
        },
      ],
    };
  const problems: HolidayImportProblem[] = [];
  const holidays: Holiday[] = [];
  for (const { record, line } of records) {
    const parsed = HolidayInput.safeParse(record);
    if (parsed.success) holidays.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push({
          line,
          th: issue.message,
          en: englishOf(issue.message) ?? issue.message,
        });
  }
  if (problems.length) return { ok: false, problems };
  await ctx.db.transaction(async (tx) => {
    for (const h of holidays) await upsert(tx, ctx, h);
  });
  forgetHolidays();
  return { ok: true, saved: holidays.length };
}
