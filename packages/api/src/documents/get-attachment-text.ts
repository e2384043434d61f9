import { attachments } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { AttachmentRefInput } from "@ita/domain/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { authorizeEntry } from "../authz/authorize.ts";
import type { StaffContext } from "../authz/procedures.ts";

/**
 * The text read from a file, for staff to check what search will find (and what OCR
 * got wrong). Same readers as the entry: its agency's staff and the province's
 * coordinators.
 */
export async function getAttachmentText({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof AttachmentRefInput>;
}) {
  const { attachmentId } = AttachmentRefInput.parse(input);
  const [file] = await ctx.db
    .select({
      entryId: attachments.entryId,
      fileName: attachments.fileName,
      textState: attachments.textState,
      text: attachments.extractedText,
    })
    .from(attachments)
    .where(eq(attachments.id, attachmentId));
  if (!file?.entryId)
    throw new DomainError(
      ctx.user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN",
      `attachment ${attachmentId}`,
    );
  await authorizeEntry(ctx, ctx.user, file.entryId, { read: "disclosures" });
  return { fileName: file.fileName, textState: file.textState, text: file.text };
}
