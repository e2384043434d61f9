import type { Executor } from "@ita/db";
import { provinceReviewRounds, reviewReminders } from "@ita/db/schema";
import { isoDateIn } from "@ita/domain/fiscal-year";
import type { ReminderKind } from "@ita/db/schema";
import { addWorkingDays } from "@ita/domain/working-days";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import { readMailEnv, type MailEnv } from "../notifications/env.ts";
import { linkOrigin, sendMail } from "../notifications/mailer.ts";
import { agencyRoleHolders } from "../users/role-holders.ts";
import { loadHolidays } from "../holidays/load-holidays.ts";
import { readinessFacts } from "./readiness.ts";

/** A reminder goes out this many working days before a round's deadline. */
export const DUE_SOON_WORKING_DAYS = 5;
/** Overdue reminders stop this many days after the deadline (an old year is not news). */
const OVERDUE_WINDOW_DAYS = 30;

const json = <T>(v: T | string | null): T | null =>
  typeof v === "string" ? (JSON.parse(v) as T) : v;

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
}: {
  db: Executor;
  now: Date;
  mailEnv?: MailEnv;
}): Promise<{ created: number; emailed: number }> {
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
  let created = 0;
  let emailed = 0;
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
      const [row] = await db
        .insert(reviewReminders)
        .values({
          roundId: round.id,
          agencyId: agency.id,
          kind,
          missingCount: missing.length,
          at: now,
        })
        .onConflictDoNothing()
        .returning({ id: reviewReminders.id });
      if (!row) continue; // already reminded
      created++;
      if (!mailEnv.SMTP_URL) continue;
      const people = await agencyRoleHolders(db, agency.id, ["editor", "agency-admin"]);
      const subject =
        kind === "overdue"
          ? `เลยกำหนดส่งข้อมูล ${round.titleTh} (${missing.length} ข้อ)`
          : `ใกล้ถึงกำหนดส่งข้อมูล ${round.titleTh} วันที่ ${round.deadline}`;
      const text = [
        `${agency.name_th}`,
        kind === "overdue"
          ? `จังหวัดกำหนดให้เผยแพร่ข้อมูล ${round.titleTh} ภายในวันที่ ${round.deadline} ยังไม่เผยแพร่ ${missing.length} ข้อ: ${missing.join(", ")}`
          : `จังหวัดกำหนดให้เผยแพร่ข้อมูล ${round.titleTh} ภายในวันที่ ${round.deadline} ยังไม่เผยแพร่ ${missing.length} ข้อ: ${missing.join(", ")}`,
        `${linkOrigin(mailEnv)}/admin/agencies/${agency.id}/${round.fiscalYear}`,
      ].join("\n\n");
      let sent = 0;
      for (const to of people) if (await sendMail({ to, subject, text }, mailEnv)) sent++;
      await db
        .update(reviewReminders)
        .set({ emailed: sql`${reviewReminders.emailed} + ${sent}` })
        .where(eq(reviewReminders.id, row.id));
      emailed += sent;
    }
  }
  return { created, emailed };
}
