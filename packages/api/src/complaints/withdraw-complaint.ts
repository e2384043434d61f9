import { complaintEvents, complaints } from "@ita/db/schema";
import { assertComplaintTransition } from "@ita/domain/complaints";
import { DomainError } from "@ita/domain/errors";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import type { Context } from "../context.ts";
import { complaintByReceipt } from "./by-receipt.ts";
import { currentCase } from "./forward-chain.ts";

/** The complainant withdraws: the case (the last one, if forwarded) closes as "withdrawn". */
export async function withdrawComplaint({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db" | "now" | "request">;
  input: { code: unknown };
}): Promise<void> {
  // A forwarded complaint is withdrawn where it is handled now (ADR 0027).
  const row = await currentCase(ctx.db, await complaintByReceipt(ctx, input.code, ctx.request.ip));
  const from = row.state;
  assertComplaintTransition(from, "closed", "withdrawn");
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const moved = await tx
      .update(complaints)
      .set({ state: "closed", outcome: "withdrawn", closedAt: now, updatedAt: now })
      .where(and(eq(complaints.id, row.id), eq(complaints.state, from)))
      .returning({ id: complaints.id });
    if (moved.length === 0) throw new DomainError("CONFLICT", "complaint changed meanwhile");
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      at: now,
      kind: "state",
      author: "complainant",
      fromState: from,
      toState: "closed",
    });
    // No request details: nothing about the complainant's client is recorded.
    await recordAudit(tx, {
      action: "complaint.withdrawn",
      targetType: "complaint",
      targetId: row.id,
      agencyId: row.agencyId,
      before: { state: from },
      after: { state: "closed", outcome: "withdrawn" },
    });
  });
}
