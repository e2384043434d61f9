import type { Database } from "@ita/db";
import type { FileStore } from "@ita/db/files";
import type { Queue } from "pg-boss";
import { readAttachmentText, sweepUnreadAttachments } from "../documents/read-attachment-text.ts";
import { sendComplaintReminders } from "../complaints/deadline-reminders.ts";
import { readComplaintEnv } from "../complaints/env.ts";
import { forgetSpentChallenges } from "../complaints/proof-of-work.ts";
import { purgeClosedComplaints } from "../complaints/purge-closed-complaints.ts";
import {
  ORPHAN_GRACE_MS,
  purgeComplaintDrafts,
  sweepOrphanComplaintFiles,
} from "../complaints/purge-complaint-files.ts";
import { markAllForReading } from "../documents/reextract.ts";
import { publishDueVersions } from "../entries/publish-due.ts";
import { sendReviewReminders } from "../oversight/reminders.ts";

/** What a task gets: the database, the file store, and the queue to send follow-ups. */
export interface TaskContext {
  db: Database;
  files: FileStore;
  send(name: TaskName, data: object, options?: { singletonKey?: string }): Promise<void>;
}

export interface Task<Data> {
  run(ctx: TaskContext, data: Data): Promise<void>;
  queue?: Omit<Queue, "name">;
  /** Cron schedule (minute precision) for recurring tasks. */
  cron?: string;
}

/**
 * Every task of the product, by queue name. The functions live in their own areas;
 * this table is the one place that says which exist and how they are queued.
 */
const DEFINITIONS = {
  /** Reads a stored file's text (text layer, Office, OCR) and refreshes search. */
  "document-text": {
    run: (ctx, data: { attachmentId: string }) => readAttachmentText(ctx, data.attachmentId),
    // One queued job per file at a time; a scanned page that crashes tesseract is not retried forever.
    queue: { policy: "stately", retryLimit: 2, retryDelay: 30, expireInSeconds: 30 * 60 },
  } satisfies Task<{ attachmentId: string }>,
  /** Queues files whose text is still to be read (after a restart, or a web process without a queue). */
  "document-text-sweep": {
    run: async (ctx) => {
      await sweepUnreadAttachments(ctx);
    },
    queue: { policy: "singleton" },
    cron: "* * * * *",
  } satisfies Task<object>,
  /**
   * Retention: destroys the content of complaints closed longer ago than configured,
   * and forgets proof-of-work challenges that can no longer be replayed.
   */
  "complaint-purge": {
    run: async (ctx) => {
      const clock = { db: ctx.db, now: () => new Date() };
      await purgeClosedComplaints({
        ctx: clock,
        retentionDays: readComplaintEnv().COMPLAINT_RETENTION_DAYS,
      });
      await forgetSpentChallenges(clock);
    },
    queue: { policy: "singleton" },
    cron: "17 3 * * *",
  } satisfies Task<object>,
  /**
   * Evidence attached to a filing form never sent (after a day), and stored complaint
   * files no row refers to (a crash between writing a file and its row).
   */
  "complaint-drafts-purge": {
    run: async (ctx) => {
      const now = new Date();
      await purgeComplaintDrafts({ ctx: { db: ctx.db, now: () => now } });
      await sweepOrphanComplaintFiles({
        db: ctx.db,
        before: new Date(now.getTime() - ORPHAN_GRACE_MS),
      });
    },
    queue: { policy: "singleton" },
    cron: "*/15 * * * *",
  } satisfies Task<object>,
  /** Scheduled revisions replace the public version when their time comes (ADR 0009). */
  "publish-due": {
    run: async (ctx) => {
      await publishDueVersions({ db: ctx.db, now: new Date() });
    },
    queue: { policy: "singleton" },
    cron: "* * * * *",
  } satisfies Task<object>,
  /** Reminds agencies of a province's review-round deadlines, once per agency, round and kind. */
  "review-reminders": {
    run: async (ctx) => {
      await sendReviewReminders({ db: ctx.db, now: new Date() });
    },
    queue: { policy: "singleton" },
    // 08:00 in Bangkok.
    cron: "0 1 * * *",
  } satisfies Task<object>,
  /**
   * Reminds an agency's complaint officers of cases due to be acknowledged or decided,
   * and of missed deadlines, once per complaint and kind (ADR 0028).
   */
  "complaint-reminders": {
    run: async (ctx) => {
      await sendComplaintReminders({ db: ctx.db, now: new Date() });
    },
    queue: { policy: "singleton" },
    // 08:00 in Bangkok.
    cron: "0 1 * * *",
  } satisfies Task<object>,
  /** Reads every stored file's text again: marks them all, then the sweeps queue them. */
  "document-text-all": {
    run: async (ctx) => {
      await markAllForReading(ctx.db);
      await sweepUnreadAttachments(ctx);
    },
    queue: { policy: "singleton" },
  } satisfies Task<object>,
};

export type TaskName = keyof typeof DEFINITIONS;
export const TASKS: Record<TaskName, Task<never>> = DEFINITIONS;
