/**
 * Deadlines for complaint handling, counted in working days in Bangkok with the one
 * working-day rule of the product (@ita/domain/working-days, as the province's review
 * rounds count theirs).
 *
 * Each agency sets its own in its profile; the defaults are: acknowledge within 3
 * working days, decide within 30 working days of receipt. A complaint keeps the
 * deadlines it was filed under — changing the setting moves only later complaints.
 */
import * as z from "zod";
import { bilingual } from "../errors.ts";
import { isoDateIn } from "../fiscal-year.ts";
import { addWorkingDays, NO_HOLIDAYS, type HolidaySet } from "../working-days.ts";

export const DEFAULT_ACKNOWLEDGE_WORKING_DAYS = 3;
export const DEFAULT_DECIDE_WORKING_DAYS = 30;
export const MAX_ACKNOWLEDGE_WORKING_DAYS = 30;
/** About a year of working days. */
export const MAX_DECIDE_WORKING_DAYS = 250;

/** Reminders go out this many working days before a deadline (and once when it has passed). */
export const ACKNOWLEDGE_REMINDER_WORKING_DAYS = 1;
export const DECIDE_REMINDER_WORKING_DAYS = 5;
/** An overdue reminder is not sent for a deadline missed longer ago than this (an old case is not news). */
export const OVERDUE_REMINDER_WINDOW_DAYS = 30;

export interface ComplaintDeadlineSettings {
  acknowledgeWorkingDays: number;
  decideWorkingDays: number;
}

export const DEFAULT_COMPLAINT_DEADLINES: ComplaintDeadlineSettings = {
  acknowledgeWorkingDays: DEFAULT_ACKNOWLEDGE_WORKING_DAYS,
  decideWorkingDays: DEFAULT_DECIDE_WORKING_DAYS,
};

const DAY_MS = 24 * 60 * 60 * 1000;
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The last instant (23:59:59.999) of an ISO calendar date in Bangkok (no daylight saving: +07:00 is exact). */
export function endOfBangkokDay(isoDate: string): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS - 1 - BANGKOK_OFFSET_MS);
}

/** The end of the `days`-th working day after the Bangkok date of `from` (holidays skipped). */
export function workingDayDeadline(
  from: Date,
  days: number,
  holidays: HolidaySet = NO_HOLIDAYS,
): Date {
  return endOfBangkokDay(addWorkingDays(isoDateIn(from), days, holidays));
}

export interface ComplaintDeadlines {
  acknowledgeBy: Date;
  decideBy: Date;
}

export function complaintDeadlines(
  receivedAt: Date,
  settings: ComplaintDeadlineSettings = DEFAULT_COMPLAINT_DEADLINES,
  holidays: HolidaySet = NO_HOLIDAYS,
): ComplaintDeadlines {
  return {
    acknowledgeBy: workingDayDeadline(receivedAt, settings.acknowledgeWorkingDays, holidays),
    decideBy: workingDayDeadline(receivedAt, settings.decideWorkingDays, holidays),
  };
}

const workingDays = (max: number, th: string, en: string) =>
  z.coerce
    .number({
      error: bilingual(`กรุณาระบุ${th}เป็นจำนวนวันทำการ`, `Enter ${en} as a number of working days.`),
    })
    .int({ error: bilingual(`${th}ต้องเป็นจำนวนวันเต็ม`, `${en} must be a whole number of days.`) })
    .min(1, {
      error: bilingual(`${th}ต้องอย่างน้อย 1 วันทำการ`, `${en} must be at least 1 working day.`),
    })
    .max(max, {
      error: bilingual(
        `${th}ต้องไม่เกิน ${max} วันทำการ`,
        `${en} must be at most ${max} working days.`,
      ),
    });

/**
 * What an agency administrator sets, under the names its profile form and the agencies
 * table use (errors in Thai, English remembered for the API).
 */
export const ComplaintDeadlineSettingsInput = z
  .object({
    complaintAcknowledgeWorkingDays: workingDays(
      MAX_ACKNOWLEDGE_WORKING_DAYS,
      "กำหนดตอบรับเรื่อง",
      "The time to acknowledge",
    ),
    complaintDecideWorkingDays: workingDays(
      MAX_DECIDE_WORKING_DAYS,
      "กำหนดพิจารณาให้แล้วเสร็จ",
      "The time to decide",
    ),
  })
  .refine((s) => s.complaintDecideWorkingDays >= s.complaintAcknowledgeWorkingDays, {
    path: ["complaintDecideWorkingDays"],
    error: bilingual(
      "กำหนดพิจารณาให้แล้วเสร็จต้องไม่น้อยกว่ากำหนดตอบรับเรื่อง",
      "The time to decide cannot be shorter than the time to acknowledge.",
    ),
  });

/** The agency row's columns, as the deadline settings. */
export function deadlineSettingsOf(a: {
  complaintAcknowledgeWorkingDays: number;
  complaintDecideWorkingDays: number;
}): ComplaintDeadlineSettings {
  return {
    acknowledgeWorkingDays: a.complaintAcknowledgeWorkingDays,
    decideWorkingDays: a.complaintDecideWorkingDays,
  };
}

export const COMPLAINT_REMINDER_KINDS = [
  "acknowledge-soon",
  "acknowledge-overdue",
  "decide-soon",
  "decide-overdue",
] as const;
export type ComplaintReminderKind = (typeof COMPLAINT_REMINDER_KINDS)[number];

export interface DeadlineFacts {
  state: string;
  acknowledgedAt: Date | null;
  acknowledgeBy: Date;
  decideBy: Date;
}

/**
 * Which reminders a case is due at `now`: an acknowledgement not yet given whose date is
 * within `ACKNOWLEDGE_REMINDER_WORKING_DAYS` working days (or has passed, for less than
 * `OVERDUE_REMINDER_WINDOW_DAYS`), and likewise a decision of a case still open. Closed
 * cases get none. At most one kind per deadline: overdue replaces soon.
 */
export function dueComplaintReminders(
  c: DeadlineFacts,
  now: Date,
  holidays: HolidaySet = NO_HOLIDAYS,
): ComplaintReminderKind[] {
  if (c.state === "closed") return [];
  const today = isoDateIn(now);
  const oldest = now.getTime() - OVERDUE_REMINDER_WINDOW_DAYS * DAY_MS;
  const kinds: ComplaintReminderKind[] = [];
  const check = (
    by: Date,
    soonDays: number,
    soon: ComplaintReminderKind,
    late: ComplaintReminderKind,
  ) => {
    if (by < now) {
      if (by.getTime() >= oldest) kinds.push(late);
    } else if (isoDateIn(by) <= addWorkingDays(today, soonDays, holidays)) kinds.push(soon);
  };
  if (!c.acknowledgedAt)
    check(
      c.acknowledgeBy,
      ACKNOWLEDGE_REMINDER_WORKING_DAYS,
      "acknowledge-soon",
      "acknowledge-overdue",
    );
  check(c.decideBy, DECIDE_REMINDER_WORKING_DAYS, "decide-soon", "decide-overdue");
  return kinds;
}

/** Acknowledgement late (still unacknowledged past its date) or decision late (still open). */
export function overdueDeadline(c: DeadlineFacts, now: Date): "acknowledge" | "decide" | null {
  if (c.state === "closed") return null;
  if (!c.acknowledgedAt && c.acknowledgeBy < now) return "acknowledge";
  if (c.decideBy < now) return "decide";
  return null;
}

/** The deadline an officer has to meet next: the acknowledgement until given, then the decision (null when closed). */
export function nextDeadline(
  c: DeadlineFacts,
): { kind: "acknowledge" | "decide"; by: Date } | null {
  if (c.state === "closed") return null;
  return c.acknowledgedAt
    ? { kind: "decide", by: c.decideBy }
    : { kind: "acknowledge", by: c.acknowledgeBy };
}

export const COMPLAINT_DEADLINE_LABELS = {
  complaintAcknowledgeWorkingDays: {
    th: "ตอบรับเรื่องภายใน (วันทำการ)",
    en: "Acknowledge within (working days)",
  },
  complaintDecideWorkingDays: {
    th: "พิจารณาให้แล้วเสร็จภายใน (วันทำการ)",
    en: "Decide within (working days)",
  },
} as const;

export const COMPLAINT_REMINDER_LABELS = {
  "acknowledge-soon": { th: "ใกล้ถึงกำหนดตอบรับเรื่อง", en: "acknowledgement due soon" },
  "acknowledge-overdue": { th: "เกินกำหนดตอบรับเรื่องแล้ว", en: "acknowledgement overdue" },
  "decide-soon": { th: "ใกล้ถึงกำหนดพิจารณา", en: "decision due soon" },
  "decide-overdue": { th: "เกินกำหนดพิจารณาแล้ว", en: "decision overdue" },
} as const satisfies Record<ComplaintReminderKind, { th: string; en: string }>;
