import { agencies } from "@ita/db/schema";
import { complaintIsOpen, type ComplaintState } from "@ita/domain/complaints";
import { eq } from "drizzle-orm";
import type { Context } from "../context.ts";
import { complaintByReceipt } from "./by-receipt.ts";
import { openComplaintBox } from "./crypto.ts";
import { listFiles } from "./evidence-files.ts";
import type { ComplaintContent } from "./file-complaint.ts";
import { readTimeline } from "./timeline.ts";

/**
 * What the holder of a receipt code sees: status, dated timeline and messages, and
 * what they wrote. Never the identity (a lost code must not expose who filed), never
 * internal notes or officers' names.
 */
export async function trackComplaint({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db" | "now" | "request">;
  input: { code: unknown };
}) {
  const row = await complaintByReceipt(ctx, input.code, ctx.request.ip);
  const [agency] = await ctx.db
    .select({ slug: agencies.slug, nameTh: agencies.nameTh, nameEn: agencies.nameEn })
    .from(agencies)
    .where(eq(agencies.id, row.agencyId));
  const box = row.purgedAt ? null : openComplaintBox(row.id, row);
  return {
    reference: row.reference,
    agency: agency!,
    subject: row.subject,
    state: row.state as ComplaintState,
    outcome: row.outcome,
    receivedAt: row.receivedAt,
    closedAt: row.closedAt,
    isAnonymous: row.isAnonymous,
    open: complaintIsOpen(row.state as ComplaintState),
    content: box && row.content ? box.openJson<ComplaintContent>("content", row.content) : null,
    timeline: box ? await readTimeline(ctx.db, row.id, box, "complainant") : [],
    /** The complainant's own evidence (names and sizes; officers' files do not exist). */
    files: box ? await listFiles(ctx.db, { complaintId: row.id }, box) : [],
  };
}

export type TrackedComplaint = Awaited<ReturnType<typeof trackComplaint>>;
