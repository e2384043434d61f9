import { attachments } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { AttachmentRefInput } from "@ita/domain/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { authorizeEntry } from "../authz/authorize.ts";
import type { StaffContext } from "../authz/procedures.ts";

/**
 * A file of any version of an entry, for staff to open before it is public (the approver
 * reads what they approve). Same readers as the entry and its files' text: the agency's
 * staff and the province's coordinators; checked against the stored entry of the file.
 */
export async function getAttachmentFile({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof AttachmentRefInput>;
}) {
  const { attachmentId } = AttachmentRefInput.parse(input);
  const [file] = await ctx.db
    .select({
      id: attachments.id,
      entryId: attachments.entryId,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sha256: attachments.sha256,
      storageKey: attachments.storageKey,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.id, attachmentId));
  if (!file?.entryId)
    throw new DomainError(
      ctx.user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN",
      `attachment ${attachmentId}`,
    );
  await authorizeEntry(ctx, ctx.user, file.entryId, { read: "disclosures" });
  const { entryId: _entryId, ...meta } = file;
  return meta;
}

export type AttachmentFile = Awaited<ReturnType<typeof getAttachmentFile>>;
