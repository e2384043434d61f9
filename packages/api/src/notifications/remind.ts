import type { Executor } from "@ita/db";
import type { AgencyRole } from "@ita/domain/roles";
import { agencyRoleHolders } from "../users/role-holders.ts";
import type { MailEnv } from "./env.ts";
import { linkOrigin, sendMail } from "./mailer.ts";

/** What a reminder task (a pg-boss cron task) is given: mail settings default to the environment's. */
export interface ReminderTaskInput {
  db: Executor;
  now: Date;
  mailEnv?: MailEnv;
}

/** What a reminder task answers: reminders recorded, e-mails sent. */
export interface ReminderTotals {
  created: number;
  emailed: number;
}

/** One reminder a reminder task has found due. */
export interface Reminder {
  /**
   * Records it (that row is the in-app reminder the agency's people see among their
   * notifications) once by its unique key: the new row's id, or undefined when a rerun, a
   * retry or a second worker already recorded it.
   */
  record: () => Promise<string | undefined>;
  /** Whom it is for: the holders of these roles in this agency (`agencyRoleHolders`). */
  agencyId: string;
  roles: readonly AgencyRole[];
  /** Its e-mail, given the origin links start with. */
  mail: (origin: string) => { subject: string; text: string };
  /** Adds the e-mails sent to the recorded row's count. */
  countEmailed: (id: string, sent: number) => Promise<unknown>;
}

/**
 * The one way the reminder tasks (review deadlines, complaint deadlines) remind: record the
 * reminder once, then, when SMTP_URL is set, e-mail the agency's role holders (read once
 * per agency and roles in a run) and count what went out. `totals()` is the task's answer.
 * The two tasks differ only in what is due, their table and their mail.
 */
export function reminderRun({ db, mailEnv }: { db: Executor; mailEnv: MailEnv }) {
  const holders = new Map<string, Promise<string[]>>();
  let created = 0;
  let emailed = 0;
  return {
    async remind(reminder: Reminder): Promise<void> {
      const id = await reminder.record();
      if (id === undefined) return; // already reminded
      created++;
      if (!mailEnv.SMTP_URL) return;
      const key = `${reminder.agencyId} ${[...reminder.roles].sort().join(" ")}`;
      let people = holders.get(key);
      if (!people) {
        people = agencyRoleHolders(db, reminder.agencyId, reminder.roles);
        holders.set(key, people);
      }
      const mail = reminder.mail(linkOrigin(mailEnv));
      let sent = 0;
      for (const to of await people) if (await sendMail({ to, ...mail }, mailEnv)) sent++;
      await reminder.countEmailed(id, sent);
      emailed += sent;
    },
    totals: (): ReminderTotals => ({ created, emailed }),
  };
}
