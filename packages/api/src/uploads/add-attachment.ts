import { attachments, disclosureEntries } from "@ita/db/schema";
import type { FileStore } from "@ita/db/files";
import { DomainError } from "@ita/domain/errors";
import { FiscalYearInput, ItemCodeInput } from "@ita/domain/schemas";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { AgencyContext, EntryContext } from "../authz/procedures.ts";
import { entryPeriod, insertDraft, requireFrameworkItem } from "../entries/create-entry.ts";
import { contentFromInput } from "../entries/version-content.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import {
  isApprovedVersion,
  lockEntry,
  recordEntryEvent,
  startNewVersion,
} from "../entries/workflow.ts";
import { inspectFile, type InspectedFile } from "./inspect-file.ts";

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

function requireEditor(ctx: AgencyContext) {
  if (ctx.agency.readOnly || !ctx.agency.roles.has("editor"))
    throw new DomainError("FORBIDDEN", "editors only");
}

/**
 * Adds a file to the entry's current version. A published entry gets a new version
 * first (the public keeps the approved files); a submitted one cannot change.
 */
export async function addAttachment({
  ctx,
  input,
  files,
}: {
  ctx: EntryContext;
  input: UploadedFile;
  files: FileStore;
}) {
  requireEditor(ctx);
  const inspected = await inspectFile(input.fileName, input.bytes);
  const stored = await files.put(input.bytes);
  const result = await ctx.db.transaction(async (tx) => {
    const entry = await lockEntry(tx, ctx.entry.id);
    if (entry.state === "submitted")
      throw new DomainError("INVALID_TRANSITION", "entry waits for approval");
    const now = ctx.now();
    const versionId =
      entry.state === "published" ||
      entry.state === "withdrawn" ||
      isApprovedVersion(entry, entry.currentVersionId)
        ? await startNewVersion(tx, entry, ctx.user.id, now)
        : entry.currentVersionId!;
    const row = await insertAttachment(tx, ctx, entry.id, versionId, inspected, stored, now);
    await tx
      .update(disclosureEntries)
      .set({ updatedAt: now })
      .where(eq(disclosureEntries.id, entry.id));
    return { entryId: entry.id, attachment: row };
  });
  await queueTextReading(inspected, result.attachment.id);
  return result;
}

export const BulkUploadInput = z.object({ fiscalYear: FiscalYearInput, itemCode: ItemCodeInput });

/**
 * Bulk upload for recurring items (twelve monthly procurement summaries at once):
 * each file becomes its own draft entry, titled after the file name.
 */
export async function createEntryFromFile({
  ctx,
  input,
  files,
}: {
  ctx: AgencyContext;
  input: UploadedFile & z.input<typeof BulkUploadInput>;
  files: FileStore;
}) {
  requireEditor(ctx);
  const { fiscalYear, itemCode } = BulkUploadInput.parse(input);
  const item = await requireFrameworkItem(ctx.db, ctx.agency, fiscalYear, itemCode);
  const inspected = await inspectFile(input.fileName, input.bytes);
  const stored = await files.put(input.bytes);
  const title =
    inspected.fileName
      .replace(/\.[a-z0-9]{1,5}$/i, "")
      .replace(/[_]+/g, " ")
      .trim() || inspected.fileName;
  const result = await ctx.db.transaction(async (tx) => {
    const entryId = await insertDraft(tx, ctx, {
      fiscalYear,
      itemCode,
      // "สขร.1 ต.ค. 67.pdf" reports October.
      period: entryPeriod(item, fiscalYear, null, title),
      content: contentFromInput({ title }),
      event: "bulk_created",
    });
    const [entry] = await tx
      .select({ versionId: disclosureEntries.currentVersionId })
      .from(disclosureEntries)
      .where(eq(disclosureEntries.id, entryId));
    const row = await insertAttachment(
      tx,
      ctx,
      entryId,
      entry!.versionId!,
      inspected,
      stored,
      ctx.now(),
    );
    return { entryId, attachment: row };
  });
  await queueTextReading(inspected, result.attachment.id);
  return result;
}

/** OCR takes seconds a page: the upload answers now, the queue reads the file after. */
export async function queueTextReading(file: InspectedFile, attachmentId: string) {
  if (file.textState === "reading")
    await enqueueJob("document-text", { attachmentId }, { singletonKey: attachmentId });
}

export async function insertAttachment(
  tx: Parameters<Parameters<AgencyContext["db"]["transaction"]>[0]>[0],
  ctx: AgencyContext,
  entryId: string,
  versionId: string,
  file: InspectedFile,
  stored: { key: string; sha256: string; size: number },
  now: Date,
) {
  const [row] = await tx
    .insert(attachments)
    .values({
      entryId,
      versionId,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      extractedText: file.extractedText,
      textState: file.textState,
      uploadedBy: ctx.user.id,
      createdAt: now,
    })
    .returning({
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
    });
  await recordEntryEvent(tx, {
    entryId,
    versionId,
    action: "attachment_added",
    actorId: ctx.user.id,
    comment: file.fileName,
    at: now,
  });
  await recordAudit(tx, {
    action: "attachment.upload",
    actor: ctx.user,
    targetType: "attachment",
    targetId: row!.id,
    agencyId: ctx.agency.id,
    after: {
      entryId,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: stored.size,
      sha256: stored.sha256,
      textExtracted: file.extractedText !== null,
    },
    request: ctx.request,
  });
  return { ...row!, hasText: file.extractedText !== null, textState: file.textState };
}
