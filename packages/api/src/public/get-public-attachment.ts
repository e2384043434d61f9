import { attachments, disclosureEntries } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { AttachmentIdInput } from "@ita/domain/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";
import { isPublicEntry } from "./visibility.ts";

/**
 * A file the public may download: it belongs to the version the public sees of a
 * published, not withdrawn entry. Drafts, older versions and withdrawn entries'
 * files answer NOT_FOUND, indistinguishable from an unknown id.
 */
export async function getPublicAttachment({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db" | "now">;
  input: z.input<typeof AttachmentIdInput>;
}) {
  const { id } = AttachmentIdInput.parse(input);
  const [row] = await ctx.db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
      storageKey: attachments.storageKey,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .innerJoin(disclosureEntries, eq(disclosureEntries.publishedVersionId, attachments.versionId))
    .where(and(eq(attachments.id, id), isPublicEntry(ctx.now())));
  if (!row) throw new DomainError("NOT_FOUND", `attachment ${id}`);
  return row;
}

export type PublicAttachmentFile = Awaited<ReturnType<typeof getPublicAttachment>>;
