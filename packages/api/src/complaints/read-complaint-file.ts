import type { FileStore } from "@ita/db/files";
import { complaintFiles } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import type { ComplaintCaseContext } from "./access.ts";
import { openComplaintBox } from "./crypto.ts";
import { complaintFileStore, openFile } from "./evidence-files.ts";

/**
 * One evidence file of a case, decrypted, for an officer of the receiving agency
 * (access.ts decided on the STORED complaint; the file must belong to it). Every
 * download is audited. The bytes come base64-encoded (the admin saves them as a file).
 */
export async function readComplaintFile({
  ctx,
  input,
  files: store = complaintFileStore(),
}: {
  ctx: ComplaintCaseContext;
  input: { fileId: string };
  files?: FileStore;
}) {
  const c = ctx.complaint;
  if (c.purgedAt) throw new DomainError("NOT_FOUND", "complaint purged");
  const [row] = await ctx.db
    .select()
    .from(complaintFiles)
    .where(and(eq(complaintFiles.id, input.fileId), eq(complaintFiles.complaintId, c.id)));
  if (!row) throw new DomainError("NOT_FOUND", `file ${input.fileId}`);
  const opened = await openFile(openComplaintBox(c.id, c), row, store);
  if (!opened) throw new DomainError("NOT_FOUND", `stored file of ${input.fileId}`);
  await recordAudit(ctx.db, {
    action: "complaint.file-read",
    actor: ctx.user,
    targetType: "complaint",
    targetId: c.id,
    agencyId: c.agencyId,
    after: { fileId: row.id },
    request: ctx.request,
  });
  return { ...opened.summary, base64: Buffer.from(opened.bytes).toString("base64") };
}
