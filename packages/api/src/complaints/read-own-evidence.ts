import type { FileStore } from "@ita/db/files";
import { complaintFiles } from "@ita/db/schema";
import { COMPLAINT_MESSAGES } from "@ita/domain/complaints";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { fieldError } from "../authz/field-error.ts";
import type { Context } from "../context.ts";
import { complaintByReceipt } from "./by-receipt.ts";
import { openComplaintBox } from "./crypto.ts";
import { complaintFileStore, openFile } from "./evidence-files.ts";

/**
 * One of the complainant's own evidence files, decrypted, for the holder of the receipt
 * code (the tracking page's download): the code is checked exactly as tracking checks it
 * (constant time, the same per-client throttle), and the file must belong to that
 * complaint. A file that is not there answers like a wrong code, so a code's holder
 * learns nothing about other complaints' files. Audited without any client detail.
 */
export async function readOwnEvidence({
  ctx,
  input,
  files: store = complaintFileStore(),
}: {
  ctx: Pick<Context, "db" | "now" | "request">;
  input: { code: unknown; fileId: string };
  files?: FileStore;
}) {
  const row = await complaintByReceipt(ctx, input.code, ctx.request.ip);
  const notFound = () =>
    fieldError("code", COMPLAINT_MESSAGES.fileGone.th, COMPLAINT_MESSAGES.fileGone.en);
  if (row.purgedAt) throw notFound();
  const [file] = await ctx.db
    .select()
    .from(complaintFiles)
    .where(and(eq(complaintFiles.id, input.fileId), eq(complaintFiles.complaintId, row.id)));
  if (!file) throw notFound();
  const opened = await openFile(openComplaintBox(row.id, row), file, store);
  if (!opened) throw notFound();
  await recordAudit(ctx.db, {
    action: "complaint.file-read-by-complainant",
    targetType: "complaint",
    targetId: row.id,
    agencyId: row.agencyId,
    after: { fileId: file.id },
  });
  return { ...opened.summary, base64: Buffer.from(opened.bytes).toString("base64") };
}
