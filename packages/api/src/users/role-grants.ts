import type { Executor } from "@ita/db";
import { pendingRoles, roleAssignments, users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { RoleGrantAnswerInput } from "@ita/domain/schemas";
import { type AgencyRole } from "@ita/domain/roles";
import { and, eq, inArray } from "drizzle-orm";
import { union, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { AgencyContext } from "../authz/procedures.ts";

/**
 * Four-eyes on role grants (ADR 0014): an agency administrator may not make a workflow
 * one person. A grant to themselves, or to someone they already gave (or offered) roles
 * in this same session — an account they just invited — waits for a second
 * administrator of the agency or a system administrator. System administrators'
 * grants take effect at once.
 */
async function needsSecondAdmin(tx: Executor, ctx: AgencyContext, userId: string) {
  if (ctx.user.isSystemAdmin) return false;
  if (userId === ctx.user.id) return true;
  // Roles this administrator gave, or offered, the user here in this session.
  const bySameAdminInSession = (
    user: AnyPgColumn,
    agency: AnyPgColumn,
    by: AnyPgColumn,
    inSession: AnyPgColumn,
  ) =>
    and(
      eq(user, userId),
      eq(agency, ctx.agency.id),
      eq(by, ctx.user.id),
      eq(inSession, ctx.session.id),
    );
  const r = roleAssignments;
  const p = pendingRoles;
  const given = tx
    .select({ id: r.id })
    .from(r)
    .where(bySameAdminInSession(r.userId, r.agencyId, r.grantedBy, r.grantedInSession));
  const offered = tx
    .select({ id: p.id })
    .from(p)
    .where(bySameAdminInSession(p.userId, p.agencyId, p.requestedBy, p.requestedInSession));
  const [earlier] = await union(given, offered).limit(1);
  return Boolean(earlier);
}

/** Gives `roles` in the agency now, or files them for a second administrator; audited either way by the caller. */
export async function grantRoles(
  tx: Executor,
  ctx: AgencyContext,
  userId: string,
  roles: readonly AgencyRole[],
): Promise<{ granted: AgencyRole[]; awaitingConfirmation: AgencyRole[] }> {
  if (roles.length === 0) return { granted: [], awaitingConfirmation: [] };
  if (await needsSecondAdmin(tx, ctx, userId)) {
    await tx
      .insert(pendingRoles)
      .values(
        roles.map((role) => ({
          userId,
          agencyId: ctx.agency.id,
          role,
          awaiting: "second-admin" as const,
          requestedBy: ctx.user.id,
          requestedInSession: ctx.session.id,
          createdAt: ctx.now(),
        })),
      )
      .onConflictDoNothing();
    await recordAudit(tx, {
      action: "user.role_grant_requested",
      actor: ctx.user,
      targetType: "user",
      targetId: userId,
      agencyId: ctx.agency.id,
      after: { roles: [...roles], grantedBy: ctx.user.email },
      request: ctx.request,
    });
    return { granted: [], awaitingConfirmation: [...roles] };
  }
  await tx.insert(roleAssignments).values(
    roles.map((role) => ({
      userId,
      role,
      agencyId: ctx.agency.id,
      grantedBy: ctx.user.id,
      grantedInSession: ctx.session.id,
    })),
  );
  // A grant in force settles any request for the same roles still waiting.
  await tx
    .delete(pendingRoles)
    .where(
      and(
        eq(pendingRoles.userId, userId),
        eq(pendingRoles.agencyId, ctx.agency.id),
        eq(pendingRoles.awaiting, "second-admin"),
        inArray(pendingRoles.role, [...roles]),
      ),
    );
  return { granted: [...roles], awaitingConfirmation: [] };
}

/**
 * A second administrator confirms (the roles come into force) or declines grants waiting
 * for one. Whoever asked for them, and the person they are for, may only decline.
 */
export async function answerRoleGrant({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof RoleGrantAnswerInput>;
}) {
  const { userId, confirm } = RoleGrantAnswerInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const waiting = and(
      eq(pendingRoles.userId, userId),
      eq(pendingRoles.agencyId, ctx.agency.id),
      eq(pendingRoles.awaiting, "second-admin"),
    );
    const rows = await tx
      .select({
        role: pendingRoles.role,
        requestedBy: pendingRoles.requestedBy,
        requestedInSession: pendingRoles.requestedInSession,
        requesterEmail: users.email,
      })
      .from(pendingRoles)
      .leftJoin(users, eq(users.id, pendingRoles.requestedBy))
      .where(waiting);
    if (rows.length === 0) throw new DomainError("NOT_FOUND", "no grant awaits confirmation");
    if (confirm && (userId === ctx.user.id || rows.some((r) => r.requestedBy === ctx.user.id)))
      throw new DomainError("SECOND_ADMIN_REQUIRED");
    await tx.delete(pendingRoles).where(waiting);
    if (confirm)
      await tx
        .insert(roleAssignments)
        .values(
          rows.map((r) => ({
            userId,
            role: r.role,
            agencyId: ctx.agency.id,
            grantedBy: r.requestedBy,
            grantedInSession: r.requestedInSession,
          })),
        )
        .onConflictDoNothing();
    const roles = rows.map((r) => r.role).sort();
    const grantedBy = [...new Set(rows.map((r) => r.requesterEmail))];
    await recordAudit(tx, {
      action: confirm ? "user.role_grant_confirmed" : "user.role_grant_declined",
      actor: ctx.user,
      targetType: "user",
      targetId: userId,
      agencyId: ctx.agency.id,
      after: confirm
        ? { roles, grantedBy, confirmedBy: ctx.user.email }
        : { roles, grantedBy, declinedBy: ctx.user.email },
      request: ctx.request,
    });
    return { userId, confirmed: confirm, roles };
  });
}
