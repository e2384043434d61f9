import { agencies } from "@ita/db/schema";
import { complaintIsOpen } from "@ita/domain/complaints";
import { eq } from "drizzle-orm";
import type { Executor } from "@ita/db";
import type { Context } from "../context.ts";
import { complaintByReceipt, type ComplaintRow } from "./by-receipt.ts";
import { openComplaintBox } from "./crypto.ts";
import { listFiles } from "./evidence-files.ts";
import { forwardChain } from "./forward-chain.ts";
import type { ComplaintContent } from "./file-complaint.ts";
import { readTimeline } from "./timeline.ts";

/**
 * What the holder of a receipt code sees: status, dated timeline and messages, and
 * what they wrote. Never the identity (a lost code must not expose who filed), never
 * internal notes or officers' names. A forwarded complaint shows the case filed (closed,
 * with where it went) and then each case it was forwarded to, in its agency (ADR 0027);
 * `open` says whether the complainant can still write to, or withdraw, the last of them.
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
  const chain = await forwardChain(ctx.db, row);
  const forwardedTo = [];
  for (const c of chain.slice(1)) forwardedTo.push(await forwardedCase(ctx.db, c));
  return {
    reference: row.reference,
    agency: agency!,
    subject: row.subject,
    state: row.state,
    outcome: row.outcome,
    receivedAt: row.receivedAt,
    closedAt: row.closedAt,
    isAnonymous: row.isAnonymous,
    open: complaintIsOpen(chain.at(-1)!.state),
    content: box && row.content ? box.openJson<ComplaintContent>("content", row.content) : null,
    timeline: box ? await readTimeline(ctx.db, row.id, box, "complainant") : [],
    /** The complainant's own evidence (names and sizes; officers' files do not exist). */
    files: box ? await listFiles(ctx.db, { complaintId: row.id }, box) : [],
    forwardedTo,
  };
}

/** A case the complaint was forwarded to, as its complainant sees it. */
async function forwardedCase(db: Executor, c: ComplaintRow) {
  const [agency] = await db
    .select({ slug: agencies.slug, nameTh: agencies.nameTh, nameEn: agencies.nameEn })
    .from(agencies)
    .where(eq(agencies.id, c.agencyId));
  const box = c.purgedAt ? null : openComplaintBox(c.id, c);
  return {
    reference: c.reference,
    agency: agency!,
    state: c.state,
    outcome: c.outcome,
    receivedAt: c.receivedAt,
    closedAt: c.closedAt,
    timeline: box ? await readTimeline(db, c.id, box, "complainant") : [],
    /** Files the complainant added there (the copies of their evidence are listed above). */
    files: box
      ? (await listFiles(db, { complaintId: c.id }, box)).filter((f) => f.eventId !== null)
      : [],
  };
}

export type TrackedComplaint = Awaited<ReturnType<typeof trackComplaint>>;
