import { complaintEvents, complaints, roleAssignments } from "@ita/db/schema";
import { AssignComplaintInput, COMPLAINT_MESSAGES } from "@ita/domain/complaints";
import { COMPLAINT_ROLES } from "@ita/domain/roles";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { fieldError } from "../authz/field-error.ts";
import type { ComplaintCaseContext } from "./access.ts";

/** Assigns the case to a complaint officer of the same agency (or unassigns it). */
export async function assignComplaint({
  ctx,
  input,
}: {
  ctx: ComplaintCaseContext;
  input: z.input<typeof AssignComplaintInput>;
}) {
  const { assigneeId } = AssignComplaintInput.parse(input);
  const c = ctx.complaint;
  if (assigneeId) {
    const [officer] = await ctx.db
      .select({ id: roleAssignments.userId })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, assigneeId),
          eq(roleAssignments.agencyId, c.agencyId),
          inArray(roleAssignments.role, [...COMPLAINT_ROLES]),
        ),
      );
    if (!officer)
      throw fieldError(
        "assigneeId",
        COMPLAINT_MESSAGES.assigneeNotOfficer.th,
        COMPLAINT_MESSAGES.assigneeNotOfficer.en,
      );
  }
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(complaints).set({ assigneeId, updatedAt: now }).where(eq(complaints.id, c.id));
    await tx.insert(complaintEvents).values({
      complaintId: c.id,
      at: now,
      kind: "assign",
      author: "officer",
      actorId: ctx.user.id,
      internal: true,
    });
    await recordAudit(tx, {
      action: "complaint.assigned",
      actor: ctx.user,
      targetType: "complaint",
      targetId: c.id,
      agencyId: c.agencyId,
      before: { assigneeId: c.assigneeId },
      after: { assigneeId },
      request: ctx.request,
    });
  });
  return { assigneeId };
}
