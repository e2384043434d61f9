import { complaintEvents, complaints } from "@ita/db/schema";
import { complaintIsOpen, OfficerMessageInput } from "@ita/domain/complaints";
import { DomainError } from "@ita/domain/errors";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { ComplaintCaseContext } from "./access.ts";
import { openComplaintBox } from "./crypto.ts";
import { eventField } from "./timeline.ts";

/** A message to the complainant (shown on their tracking page) or an internal note. */
export async function postComplaintMessage({
  ctx,
  input,
}: {
  ctx: ComplaintCaseContext;
  input: z.input<typeof OfficerMessageInput>;
}) {
  const { body, internal } = OfficerMessageInput.parse(input);
  const c = ctx.complaint;
  if (c.purgedAt) throw new DomainError("INVALID_TRANSITION", "complaint content was purged");
  if (!internal && !complaintIsOpen(c.state))
    throw new DomainError("INVALID_TRANSITION", "complaint is closed");
  const id = crypto.randomUUID();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(complaintEvents).values({
      id,
      complaintId: c.id,
      at: now,
      kind: internal ? "note" : "message",
      author: "officer",
      actorId: ctx.user.id,
      internal,
      body: openComplaintBox(c.id, c).sealJson(eventField(id), body),
    });
    await tx.update(complaints).set({ updatedAt: now }).where(eq(complaints.id, c.id));
    await recordAudit(tx, {
      action: internal ? "complaint.note" : "complaint.message",
      actor: ctx.user,
      targetType: "complaint",
      targetId: c.id,
      agencyId: c.agencyId,
      request: ctx.request,
    });
  });
  return { id };
}
