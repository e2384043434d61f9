import { provinceReviewRounds, reviewReminders } from "@ita/db/schema";
import { isoDateIn } from "@ita/domain/fiscal-year";
import { adminChecklistPath } from "@ita/domain/paths";
import { REVIEW_REMINDER_ROLES } from "@ita/domain/roles";
import type { ReminderKind } from "@ita/db/schema";
import { formatThaiDate } from "@ita/domain/thai-date";
import { addWorkingDays } from "@ita/domain/working-days";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import { readMailEnv } from "../notifications/env.ts";
import {
  reminderRun,
  type ReminderTaskInput,
  type ReminderTotals,
} from "../notifications/remind.ts";
import { loadHolidays } from "../holidays/load-holidays.ts";
import { readinessFacts } from "./readiness.ts";

/** A reminder goes out this many working days before a round's deadline. */
export const DUE_SOON_WORKING_DAYS = 5;
/** Overdue reminders stop this many days after the deadline (an old year is not news). */
const OVERDUE_WINDOW_DAYS = 30;

const json = <T>(v: T | string | null): T | null =>
  typeof v === "string" ? (JSON.parse(v) as T) : v;

/**
 * The mail of one reminder: the round's deadline as a Buddhist-Era date (Thai, then
 * English), the items still missing, and whether the deadline is near or has passed.
 */
export function reviewReminderMail(
  kind: ReminderKind,
  round: { agencyNameTh: string; roundTitleTh: string; deadline: string },
  missing: readonly string[],
  link: string,
): { subject: string; text: string } {
  const th = formatThaiDate(round.deadline, { style: "long", lang: "th" });
  const en = formatThaiDate(round.deadline, { style: "long", lang: "en" });
  const late = kind === "overdue";
  const items = missing.join(", ");
  const subject = late
    ? `เลยกำหนดส่งข้อมูล ${round.roundTitleTh} (ยังไม่เผยแพร่ ${missing.length} ข้อ)`
    : `ใกล้ถึงกำหนดส่งข้อมูล ${round.roundTitleTh} วันที่ ${th}`;
  const text = [
    round.agencyNameTh,
    late
      ? `เลยกำหนดส่งข้อมูล ${round.roundTitleTh} ของจังหวัดแล้ว (กำหนดวันที่ ${th}) ยังไม่เผยแพร่ ${missing.length} ข้อ: ${items}`
      : `จังหวัดกำหนดให้เผยแพร่ข้อมูล ${round.roundTitleTh} ภายในวันที่ ${th} ยังไม่เผยแพร่ ${missing.length} ข้อ: ${items}`,
    late
      ? `The province's ${round.roundTitleTh} deadline (${en}) has passed; ${missing.length} items are not published yet: ${items}`
      : `The province's ${round.roundTitleTh} is due by ${en}; ${missing.length} items are not published yet: ${items}`,
    link,
  ].join("\n\n");
  return { subject, text };
}

/**
 * The reminder task (pg-boss cron, @ita/api/jobs): for every round due within
 * `DUE_SOON_WORKING_DAYS` working days, or overdue for less than a month, each agency of
 * the province that has not published all the round's items gets one in-app reminder
 * (shown among its editors' and administrators' notifications) and, when SMTP_URL is
 * set, an e-mail to them. Idempotent: one row per agency, round and kind (a unique
 * key), so a rerun, a retry or a second worker never reminds twice.
 */
export async function sendReviewReminders({
  db,
  now,
  mailEnv = readMailEnv(),
}: ReminderTaskInput): Promise<ReminderTotals> {
  const today = isoDateIn(now);
  const soon = addWorkingDays(today, DUE_SOON_WORKING_DAYS, await loadHolidays(db));
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - OVERDUE_WINDOW_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const rounds = await db
    .select()
    .from(provinceReviewRounds)
    .where(
      and(gte(provinceReviewRounds.deadline, since), lte(provinceReviewRounds.deadline, soon)),
    );
  const run = reminderRun({ db, mailEnv });
  for (const round of rounds) {
    const kind: ReminderKind = round.deadline < today ? "overdue" : "due-soon";
    const facts = await readinessFacts(db, {
      provinceId: round.provinceId,
      fiscalYear: round.fiscalYear,
      now,
    });
    for (const agency of facts) {
      const published = new Set(
        (json<[string, string[]][]>(agency.published) ?? []).map((p) => p[0]),
      );
      const missing = round.itemCodes.filter((c) => !published.has(c));
      if (missing.length === 0) continue;
      await run.remind({
        record: async () =>
          (
            await db
              .insert(reviewReminders)
              .values({
                roundId: round.id,
                agencyId: agency.id,
                kind,
                missingCount: missing.length,
                at: now,
              })
              .onConflictDoNothing()
              .returning({ id: reviewReminders.id })
          )[0]?.id,
        agencyId: agency.id,
        roles: REVIEW_REMINDER_ROLES,
        mail: (origin) =>
          reviewReminderMail(
            kind,
            { agencyNameTh: agency.name_th, roundTitleTh: round.titleTh, deadline: round.deadline },
            missing,
            `${origin}${adminChecklistPath(agency.id, round.fiscalYear)}`,
          ),
        countEmailed: (id, sent) =>
          db
            .update(reviewReminders)
            .set({ emailed: sql`${reviewReminders.emailed} + ${sent}` })
            .where(eq(reviewReminders.id, id)),
      });
    }
  }
  return run.totals();
}
