import { recoveryCodes, sessions, users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { AgencyUserInput } from "@ita/domain/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { issueOneTimeToken } from "../auth/one-time-links.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { AgencyContext } from "../authz/procedures.ts";
import { belongsToAgencyAlone } from "./agency-alone.ts";
import { deliverLink, linkDeliveryFor } from "./deliver-link.ts";
import { rolesIn } from "./manage-users.ts";

/**
 * A member of the agency whose access this actor may reset: a system administrator may
 * reset anyone's; an agency administrator only an account that answers to their agency
 * alone (ADR 0014) — otherwise one agency could take over a system administrator, a
 * coordinator or another agency's approver.
 */
async function requireResettableMember(ctx: AgencyContext, userId: string) {
  const roles = await rolesIn(ctx.db, ctx.agency.id, userId);
  if (roles.length === 0) throw new DomainError("NOT_FOUND", "user has no role in this agency");
  if (!ctx.user.isSystemAdmin && !(await belongsToAgencyAlone(ctx.db, userId, ctx.agency.id)))
    throw new DomainError("SYSTEM_ADMIN_ONLY");
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  return user!;
}

/** A one-time password-reset link for a member of the agency (e-mailed; shown only as ADR 0014 allows). */
export async function createPasswordResetLink({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof AgencyUserInput>;
}) {
  const { userId } = AgencyUserInput.parse(input);
  const user = await requireResettableMember(ctx, userId);
  const delivery = linkDeliveryFor(ctx, "password-reset");
  const { token, expiresAt } = await ctx.db.transaction(async (tx) => {
    const issued = await issueOneTimeToken(tx, {
      userId,
      purpose: "password-reset",
      createdBy: ctx.user.id,
      now: ctx.now(),
    });
    await recordAudit(tx, {
      action: "user.password_reset_link",
      actor: ctx.user,
      targetType: "user",
      targetId: userId,
      agencyId: ctx.agency.id,
      after: { delivery },
      request: ctx.request,
    });
    return issued;
  });
  return deliverLink(ctx, user, { purpose: "password-reset", token, expiresAt, delivery });
}

/** For a lost phone: removes the member's authenticator; they enrol again at their next sign-in. */
export async function resetTwoFactor({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof AgencyUserInput>;
}) {
  const { userId } = AgencyUserInput.parse(input);
  await requireResettableMember(ctx, userId);
  await ctx.db.transaction(async (tx) => {
    // Every trace of the old authenticator goes: a half-finished enrolment, the secret it
    // superseded and the last accepted time step belong to the lost phone.
    await tx
      .update(users)
      .set({
        totpKey: null,
        totpPendingKey: null,
        totpPendingCreatedAt: null,
        totpSupersededKey: null,
        totpLastStep: null,
      })
      .where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, {
      action: "user.2fa_reset",
      actor: ctx.user,
      targetType: "user",
      targetId: userId,
      agencyId: ctx.agency.id,
      request: ctx.request,
    });
  });
  return { ok: true as const };
}
