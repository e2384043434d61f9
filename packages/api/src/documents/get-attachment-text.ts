import { attachments } from "@ita/db/schema";
import { AttachmentRefInput } from "@ita/domain/schemas";
import type { z } from "zod";
import type { StaffContext } from "../authz/procedures.ts";
import { readEntryFile } from "./entry-file.ts";

/**
 * The text read from a file, for staff to check what search will find (and what OCR
 * got wrong). Same readers as the entry and the file itself (readEntryFile).
 */
export async function getAttachmentText({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof AttachmentRefInput>;
}) {
  const { attachmentId } = AttachmentRefInput.parse(input);
  return readEntryFile(ctx, attachmentId, {
    fileName: attachments.fileName,
    textState: attachments.textState,
    text: attachments.extractedText,
  });
}
