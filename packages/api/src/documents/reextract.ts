import { attachments } from "@ita/db/schema";
import { and, asc, count, eq, gt } from "drizzle-orm";
import type { TaskContext } from "../jobs/tasks.ts";
import { readAttachmentText } from "./read-attachment-text.ts";

export interface TextProgress {
  waiting: number;
  total: number;
}

export async function textProgress(db: TaskContext["db"]): Promise<TextProgress> {
  const [all] = await db.select({ n: count() }).from(attachments);
  const [waiting] = await db
    .select({ n: count() })
    .from(attachments)
    .where(eq(attachments.textState, "reading"));
  return { waiting: waiting!.n, total: all!.n };
}

/**
 * Marks every stored file to have its text read again (after better extraction or
 * OCR arrives). The mark is the progress record: work stopped half-way resumes with
 * the files still marked.
 */
export async function markAllForReading(db: TaskContext["db"]): Promise<void> {
  await db.update(attachments).set({ textState: "reading" });
}

/**
 * Reads the text of every file marked `reading`, oldest id first, reporting progress
 * after each file. `maxFiles` stops early (the rest stays marked for the next run).
 */
export async function readWaitingFiles(
  ctx: TaskContext,
  {
    maxFiles = Infinity,
    onProgress,
  }: { maxFiles?: number; onProgress?: (p: TextProgress & { done: number }) => void } = {},
): Promise<number> {
  let done = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  const { total } = await textProgress(ctx.db);
  while (done < maxFiles) {
    const batch = await ctx.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.textState, "reading"), gt(attachments.id, after)))
      .orderBy(asc(attachments.id))
      .limit(50);
    if (batch.length === 0) break;
    for (const { id } of batch) {
      if (done >= maxFiles) break;
      await readAttachmentText(ctx, id);
      after = id;
      done += 1;
      if (onProgress) onProgress({ ...(await textProgress(ctx.db)), total, done });
    }
  }
  return done;
}
