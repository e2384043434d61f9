import { complaints, users } from "@ita/db/schema";
import { ListComplaintsInput, nextDeadline, overdueDeadline } from "@ita/domain/complaints";
import { and, desc, eq, isNull, lt, ne, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { ComplaintOfficerContext } from "./access.ts";

/**
 * An agency's complaint inbox: newest first, with overdue flags. Lists only clear
 * columns — nothing is decrypted for a list.
 */
export async function listComplaints({
  ctx,
  input,
}: {
  ctx: ComplaintOfficerContext;
  input: z.input<typeof ListComplaintsInput>;
}) {
  const { state, overdueOnly } = ListComplaintsInput.parse(input);
  const now = ctx.now();
  const ackOverdue = and(isNull(complaints.acknowledgedAt), lt(complaints.acknowledgeBy, now));
  const decideOverdue = lt(complaints.decideBy, now);
  const where: SQL[] = [eq(complaints.agencyId, ctx.agency.id)];
  if (state) where.push(eq(complaints.state, state));
  if (overdueOnly) where.push(ne(complaints.state, "closed"), or(ackOverdue, decideOverdue)!);
  const rows = await ctx.db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      subject: complaints.subject,
      state: complaints.state,
      outcome: complaints.outcome,
      isAnonymous: complaints.isAnonymous,
      receivedAt: complaints.receivedAt,
      acknowledgedAt: complaints.acknowledgedAt,
      acknowledgeBy: complaints.acknowledgeBy,
      decideBy: complaints.decideBy,
      updatedAt: complaints.updatedAt,
      assignee: users.displayName,
      forwardedFromId: complaints.forwardedFromId,
    })
    .from(complaints)
    .leftJoin(users, eq(users.id, complaints.assigneeId))
    .where(and(...where))
    .orderBy(desc(complaints.receivedAt))
    .limit(500);
  return rows.map(({ forwardedFromId, ...r }) => ({
    ...r,
    /** Forwarded in from another agency (ADR 0027); which one, the case page says. */
    forwardedIn: forwardedFromId !== null,
    state: r.state,
    overdue: overdueDeadline(r, now),
    next: nextDeadline(r),
  }));
}
