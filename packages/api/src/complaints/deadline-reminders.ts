import { agencies, complaintReminders, complaints } from "@ita/db/schema";
import {
  DECIDE_REMINDER_WORKING_DAYS,
  dueComplaintReminders,
  endOfBangkokDay,
  OVERDUE_REMINDER_WINDOW_DAYS,
  type ComplaintReminderKind,
} from "@ita/domain/complaints";
import { isoDateIn } from "@ita/domain/fiscal-year";
import { adminComplaintInboxPath } from "@ita/domain/paths";
import { COMPLAINT_ROLES } from "@ita/domain/roles";
import { formatThaiDate } from "@ita/domain/thai-date";
import { addWorkingDays } from "@ita/domain/working-days";
import { loadHolidays } from "../holidays/load-holidays.ts";
import { and, eq, gte, isNull, lte, ne, or, sql } from "drizzle-orm";
import { readMailEnv } from "../notifications/env.ts";
import {
  reminderRun,
  type ReminderTaskInput,
  type ReminderTotals,
} from "../notifications/remind.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The mail about one reminder. Deliberately says nothing of the case but that the
 * agency has one due (no reference number, subject, text, complainant or file): a
 * mailbox is not a place complaint facts may leak into (ADR 0012/0028).
 */
export function complaintReminderMail(
  kind: ComplaintReminderKind,
  agencyNameTh: string,
  dueAt: Date,
  link: string,
): { subject: string; text: string } {
  const th = formatThaiDate(dueAt, { style: "long", lang: "th" });
  const en = formatThaiDate(dueAt, { style: "long", lang: "en" });
  const what =
    kind === "acknowledge-soon" || kind === "acknowledge-overdue"
      ? { th: "ตอบรับ", en: "acknowledged" }
      : { th: "พิจารณาให้แล้วเสร็จ", en: "decided" };
  const late = kind.endsWith("overdue");
  const subject = late
    ? `เรื่องร้องเรียนเกินกำหนด${what.th} (${agencyNameTh})`
    : `เรื่องร้องเรียนใกล้ถึงกำหนด${what.th} (${agencyNameTh})`;
  const text = [
    late
      ? `${agencyNameTh} มีเรื่องร้องเรียนที่เกินกำหนด${what.th}แล้ว (กำหนดวันที่ ${th})`
      : `${agencyNameTh} มีเรื่องร้องเรียนที่ต้อง${what.th}ภายในวันที่ ${th}`,
    late
      ? `A complaint at ${agencyNameTh} was due to be ${what.en} by ${en}.`
      : `A complaint at ${agencyNameTh} is due to be ${what.en} by ${en}.`,
    `${link}`,
  ].join("\n\n");
  return { subject, text };
}

/**
 * The complaint reminder task (pg-boss cron, @ita/api/jobs), as the review reminders
 * are built: for every open case whose acknowledgement or decision is due soon or has
 * just passed (domain `dueComplaintReminders`), the agency's complaint officers get one
 * in-app reminder (their notifications) and, when SMTP_URL is set, an e-mail. Idempotent:
 * one row per complaint and kind (a unique key), so a rerun, a retry or a second worker
 * never reminds twice. Reads clear columns only — nothing is decrypted.
 */
export async function sendComplaintReminders({
  db,
  now,
  mailEnv = readMailEnv(),
}: ReminderTaskInput): Promise<ReminderTotals> {
  // Candidates: open cases with a deadline inside the widest window (the decision's).
  const holidays = await loadHolidays(db);
  const latest = endOfBangkokDay(
    addWorkingDays(isoDateIn(now), DECIDE_REMINDER_WORKING_DAYS, holidays),
  );
  const oldest = new Date(now.getTime() - OVERDUE_REMINDER_WINDOW_DAYS * DAY_MS);
  const inWindow = (column: typeof complaints.acknowledgeBy | typeof complaints.decideBy) =>
    and(gte(column, oldest), lte(column, latest))!;
  const open = await db
    .select({
      id: complaints.id,
      agencyId: complaints.agencyId,
      agencyNameTh: agencies.nameTh,
      state: complaints.state,
      acknowledgedAt: complaints.acknowledgedAt,
      acknowledgeBy: complaints.acknowledgeBy,
      decideBy: complaints.decideBy,
    })
    .from(complaints)
    .innerJoin(agencies, eq(agencies.id, complaints.agencyId))
    .where(
      and(
        ne(complaints.state, "closed"),
        or(
          and(isNull(complaints.acknowledgedAt), inWindow(complaints.acknowledgeBy)),
          inWindow(complaints.decideBy),
        ),
      ),
    );
  const run = reminderRun({ db, mailEnv });
  for (const c of open) {
    for (const kind of dueComplaintReminders(c, now, holidays)) {
      const dueAt = kind.startsWith("acknowledge") ? c.acknowledgeBy : c.decideBy;
      await run.remind({
        record: async () =>
          (
            await db
              .insert(complaintReminders)
              .values({ complaintId: c.id, agencyId: c.agencyId, kind, dueAt, at: now })
              .onConflictDoNothing()
              .returning({ id: complaintReminders.id })
          )[0]?.id,
        agencyId: c.agencyId,
        roles: COMPLAINT_ROLES,
        mail: (origin) =>
          complaintReminderMail(
            kind,
            c.agencyNameTh,
            dueAt,
            `${origin}${adminComplaintInboxPath(c.agencyId)}`,
          ),
        countEmailed: (id, sent) =>
          db
            .update(complaintReminders)
            .set({ emailed: sql`${complaintReminders.emailed} + ${sent}` })
            .where(eq(complaintReminders.id, id)),
      });
    }
  }
  return run.totals();
}
