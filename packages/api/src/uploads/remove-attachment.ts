import { attachments, disclosureEntries } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { AttachmentRefInput } from "@ita/domain/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { authorizeEntry } from "../authz/authorize.ts";
import type { StaffContext } from "../authz/procedures.ts";
import { isApprovedVersion, lockEntry, recordEntryEvent } from "../entries/workflow.ts";

/**
 * Removes a file from a version that was never public (a draft or a returned
 * revision). Files of a published version stay: revise the entry instead.
 */
export async function removeAttachment({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof AttachmentRefInput>;
}) {
  const { attachmentId } = AttachmentRefInput.parse(input);
  const [file] = await ctx.db.select().from(attachments).where(eq(attachments.id, attachmentId));
  if (!file?.entryId)
    throw new DomainError(
      ctx.user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN",
      `attachment ${attachmentId}`,
    );
  const { agency } = await authorizeEntry(ctx, ctx.user, file.entryId, { roles: ["editor"] });
  if (!agency.roles.has("editor")) throw new DomainError("FORBIDDEN", "editors only");
  return ctx.db.transaction(async (tx) => {
    const entry = await lockEntry(tx, file.entryId!);
    if (entry.state === "submitted")
      throw new DomainError("INVALID_TRANSITION", "entry waits for approval");
    if (file.versionId !== entry.currentVersionId || isApprovedVersion(entry, file.versionId)) {
      throw new DomainError("INVALID_TRANSITION", "only files of the draft version can be removed");
    }
    await tx.delete(attachments).where(eq(attachments.id, file.id));
    await tx
      .update(disclosureEntries)
      .set({ updatedAt: ctx.now() })
      .where(eq(disclosureEntries.id, entry.id));
    await recordEntryEvent(tx, {
      entryId: entry.id,
      versionId: entry.currentVersionId,
      action: "attachment_removed",
      actorId: ctx.user.id,
      comment: file.fileName,
      at: ctx.now(),
    });
    await recordAudit(tx, {
      action: "attachment.remove",
      actor: ctx.user,
      targetType: "attachment",
      targetId: file.id,
      agencyId: entry.agencyId,
      before: { fileName: file.fileName, sha256: file.sha256 },
      request: ctx.request,
    });
    return { ok: true as const };
  });
}
