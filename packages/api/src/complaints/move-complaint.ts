import { complaintEvents, complaints } from "@ita/db/schema";
import { assertComplaintTransition, MoveComplaintInput } from "@ita/domain/complaints";
import { DomainError } from "@ita/domain/errors";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { ComplaintCaseContext } from "./access.ts";
import { openComplaintBox } from "./crypto.ts";
import { eventField } from "./timeline.ts";

/**
 * received → screening → investigating → closed (with an outcome). Leaving "received"
 * acknowledges the complaint. An optional note goes to the complainant with the change.
 */
export async function moveComplaint({
  ctx,
  input,
}: {
  ctx: ComplaintCaseContext;
  input: z.input<typeof MoveComplaintInput>;
}) {
  const { to, outcome, note } = MoveComplaintInput.parse(input);
  const c = ctx.complaint;
  const from = c.state;
  assertComplaintTransition(from, to, outcome ?? null);
  const now = ctx.now();
  const eventId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    const moved = await tx
      .update(complaints)
      .set({
        state: to,
        outcome: outcome ?? null,
        acknowledgedAt: c.acknowledgedAt ?? now,
        closedAt: to === "closed" ? now : null,
        updatedAt: now,
      })
      .where(and(eq(complaints.id, c.id), eq(complaints.state, from)))
      .returning({ id: complaints.id });
    if (moved.length === 0) throw new DomainError("CONFLICT", "complaint changed meanwhile");
    await tx.insert(complaintEvents).values({
      id: eventId,
      complaintId: c.id,
      at: now,
      kind: "state",
      author: "officer",
      actorId: ctx.user.id,
      fromState: from,
      toState: to,
      body: note ? openComplaintBox(c.id, c).sealJson(eventField(eventId), note) : null,
    });
    await recordAudit(tx, {
      action: "complaint.state",
      actor: ctx.user,
      targetType: "complaint",
      targetId: c.id,
      agencyId: c.agencyId,
      before: { state: from },
      after: { state: to, outcome: outcome ?? null },
      request: ctx.request,
    });
  });
  return { state: to, outcome: outcome ?? null };
}
