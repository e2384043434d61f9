import { attachments, disclosureEntries } from "@ita/db/schema";
import { refreshSearchDocument } from "@ita/db/search";
import { and, eq } from "drizzle-orm";
import type { TaskContext } from "../jobs/tasks.ts";
import { readFullText } from "./extract-text.ts";

/** Files a sweep queues at once; the next sweep takes the rest. */
const SWEEP_BATCH = 2000;

/**
 * The `document-text` task: reads all the text of a file waiting in state `reading`
 * (OCR included), stores it, and refreshes the search row when the file belongs to
 * what the public sees. Idempotent: a file no longer `reading` is left alone.
 */
export async function readAttachmentText(ctx: TaskContext, attachmentId: string): Promise<void> {
  const [file] = await ctx.db
    .select({
      contentType: attachments.contentType,
      storageKey: attachments.storageKey,
      textState: attachments.textState,
    })
    .from(attachments)
    .where(eq(attachments.id, attachmentId));
  if (!file || file.textState !== "reading") return;
  const bytes = await ctx.files.read(file.storageKey);
  const { text, state } = bytes
    ? await readFullText(file.contentType, bytes)
    : { text: null, state: "none" as const };
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(attachments)
      .set({ extractedText: text, textState: state })
      .where(and(eq(attachments.id, attachmentId), eq(attachments.textState, "reading")))
      .returning({ entryId: attachments.entryId, versionId: attachments.versionId });
    if (!updated?.entryId || !updated.versionId) return;
    const [published] = await tx
      .select({ id: disclosureEntries.id })
      .from(disclosureEntries)
      .where(
        and(
          eq(disclosureEntries.id, updated.entryId),
          eq(disclosureEntries.publishedVersionId, updated.versionId),
        ),
      );
    if (published) await refreshSearchDocument(tx, published.id);
  });
}

/** The `document-text-sweep` task: queues every file still waiting for its text. */
export async function sweepUnreadAttachments(ctx: TaskContext): Promise<number> {
  const waiting = await ctx.db
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.textState, "reading"))
    .limit(SWEEP_BATCH);
  for (const { id } of waiting)
    await ctx.send("document-text", { attachmentId: id }, { singletonKey: id });
  return waiting.length;
}
