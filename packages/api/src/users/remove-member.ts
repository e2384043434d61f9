import { pendingRoles, roleAssignments, sessions, users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { AgencyUserInput } from "@ita/domain/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { AgencyContext } from "../authz/procedures.ts";
import { belongsToAgencyAlone } from "./agency-alone.ts";
import { rolesIn } from "./manage-users.ts";

/**
 * A member who leaves the agency: their roles here (and roles offered here) end at once.
 * An account that answers to this agency alone is also disabled and its sessions end:
 * nobody else needs it, and its sign-in must not outlive the job. An account with roles
 * elsewhere (another agency, a province, a system administrator) keeps them and stays
 * signed in there — one agency never switches off another's people (the rule of resets,
 * ADR 0014). The account row stays, so the history and audit log keep their names.
 */
export async function removeMember({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof AgencyUserInput>;
}) {
  const { userId } = AgencyUserInput.parse(input);
  if (userId === ctx.user.id)
    throw new DomainError("CONFLICT", "an administrator cannot remove themselves from the agency");
  return ctx.db.transaction(async (tx) => {
    const before = await rolesIn(tx, ctx.agency.id, userId);
    const offered = await tx
      .select({ role: pendingRoles.role })
      .from(pendingRoles)
      .where(and(eq(pendingRoles.userId, userId), eq(pendingRoles.agencyId, ctx.agency.id)));
    if (before.length === 0 && offered.length === 0)
      throw new DomainError("NOT_FOUND", "user has no role in this agency");
    const disable = await belongsToAgencyAlone(tx, userId, ctx.agency.id);
    await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.agencyId, ctx.agency.id)));
    await tx
      .delete(pendingRoles)
      .where(and(eq(pendingRoles.userId, userId), eq(pendingRoles.agencyId, ctx.agency.id)));
    if (disable) {
      await tx.update(users).set({ disabledAt: ctx.now() }).where(eq(users.id, userId));
      await tx.delete(sessions).where(eq(sessions.userId, userId));
    }
    await recordAudit(tx, {
      action: "user.removed",
      actor: ctx.user,
      targetType: "user",
      targetId: userId,
      agencyId: ctx.agency.id,
      before: { roles: before, offered: offered.map((r) => r.role) },
      after: { roles: [], disabled: disable },
      request: ctx.request,
    });
    return { userId, disabled: disable };
  });
}
