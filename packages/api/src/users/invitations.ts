import { agencies, pendingRoles, roleAssignments, users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { InvitationAnswerInput } from "@ita/domain/schemas";
import { type AgencyRole } from "@ita/domain/roles";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { StaffContext } from "../authz/procedures.ts";

const awaitingHolder = (userId: string) =>
  and(eq(pendingRoles.userId, userId), eq(pendingRoles.awaiting, "account-holder"));

/** Agencies that invited the signed-in account, with the roles each offers and who asked. */
export async function listMyInvitations({ ctx }: { ctx: StaffContext }) {
  const rows = await ctx.db
    .select({
      agencyId: pendingRoles.agencyId,
      agencyNameTh: agencies.nameTh,
      role: pendingRoles.role,
      invitedBy: users.displayName,
      createdAt: pendingRoles.createdAt,
    })
    .from(pendingRoles)
    .innerJoin(agencies, eq(agencies.id, pendingRoles.agencyId))
    .leftJoin(users, eq(users.id, pendingRoles.requestedBy))
    .where(awaitingHolder(ctx.user.id))
    .orderBy(asc(agencies.nameTh), asc(pendingRoles.role));
  const byAgency = new Map<
    string,
    {
      agencyId: string;
      agencyNameTh: string;
      roles: AgencyRole[];
      invitedBy: string[];
      createdAt: Date;
    }
  >();
  for (const r of rows) {
    const a = byAgency.get(r.agencyId) ?? {
      agencyId: r.agencyId,
      agencyNameTh: r.agencyNameTh,
      roles: [],
      invitedBy: [],
      createdAt: r.createdAt,
    };
    a.roles.push(r.role);
    if (r.invitedBy && !a.invitedBy.includes(r.invitedBy)) a.invitedBy.push(r.invitedBy);
    byAgency.set(r.agencyId, a);
  }
  return [...byAgency.values()];
}

/** The account holder accepts (the roles come into force) or declines an agency's invitation; audited. */
export async function answerInvitation({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof InvitationAnswerInput>;
}) {
  const { agencyId, accept } = InvitationAnswerInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const offered = await tx
      .delete(pendingRoles)
      .where(and(awaitingHolder(ctx.user.id), eq(pendingRoles.agencyId, agencyId)))
      .returning();
    if (offered.length === 0) throw new DomainError("NOT_FOUND", "no invitation from this agency");
    if (accept)
      await tx
        .insert(roleAssignments)
        .values(
          offered.map((p) => ({
            userId: ctx.user.id,
            role: p.role,
            agencyId,
            grantedBy: p.requestedBy,
            grantedInSession: p.requestedInSession,
          })),
        )
        .onConflictDoNothing();
    const roles = offered.map((p) => p.role).sort();
    await recordAudit(tx, {
      action: accept ? "user.invitation_accepted" : "user.invitation_declined",
      actor: ctx.user,
      targetType: "user",
      targetId: ctx.user.id,
      agencyId,
      after: { roles, invitedBy: [...new Set(offered.map((p) => p.requestedBy))] },
      request: ctx.request,
    });
    return { agencyId, accepted: accept, roles };
  });
}
