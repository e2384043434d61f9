import type { Executor } from "@ita/db";
import { attachments } from "@ita/db/schema";
import { asc, inArray } from "drizzle-orm";

/**
 * The files of these versions, as the public lists them (oldest first, then by name);
 * callers pass only versions whose files are served.
 */
export async function filesOfVersions(db: Executor, versionIds: string[]) {
  if (!versionIds.length) return [];
  return db
    .select({
      id: attachments.id,
      versionId: attachments.versionId,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
    })
    .from(attachments)
    .where(inArray(attachments.versionId, versionIds))
    .orderBy(asc(attachments.createdAt), asc(attachments.fileName));
}
