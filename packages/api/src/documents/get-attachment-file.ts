import { attachments } from "@ita/db/schema";
import { AttachmentRefInput } from "@ita/domain/schemas";
import type { z } from "zod";
import type { StaffContext } from "../authz/procedures.ts";
import { readEntryFile } from "./entry-file.ts";

/**
 * A file of any version of an entry, for staff to open before it is public (the approver
 * reads what they approve). Same readers as the entry and its files' text (readEntryFile).
 */
export async function getAttachmentFile({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof AttachmentRefInput>;
}) {
  const { attachmentId } = AttachmentRefInput.parse(input);
  return readEntryFile(ctx, attachmentId, {
    id: attachments.id,
    fileName: attachments.fileName,
    contentType: attachments.contentType,
    sha256: attachments.sha256,
    storageKey: attachments.storageKey,
    createdAt: attachments.createdAt,
  });
}

export type AttachmentFile = Awaited<ReturnType<typeof getAttachmentFile>>;
