import type { Executor } from "@ita/db";
import { recoveryCodes, roleAssignments, sessions, users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import {
  AgencyUserInput,
  InviteUserInput,
  SetUserRolesInput,
  type AgencyRole,
} from "@ita/domain/schemas";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { issueOneTimeToken } from "../auth/one-time-links.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { AgencyContext } from "../authz/procedures.ts";
import { deliverLink } from "./deliver-link.ts";

/** People holding a role in the agency, with their roles there. */
export async function listAgencyUsers({ ctx }: { ctx: AgencyContext }) {
  const rows = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      totpKey: users.totpKey,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.agencyId, ctx.agency.id))
    .orderBy(asc(users.displayName));
  const byUser = new Map<
    string,
    {
      id: string;
      email: string;
      displayName: string;
      twoFactorEnabled: boolean;
      invitationPending: boolean;
      disabled: boolean;
      roles: AgencyRole[];
    }
  >();
  for (const r of rows) {
    const u = byUser.get(r.id) ?? {
      id: r.id,
      email: r.email,
      displayName: r.displayName,
      twoFactorEnabled: r.totpKey !== null,
      invitationPending: r.passwordHash === null,
      disabled: r.disabledAt !== null,
      roles: [],
    };
    u.roles.push(r.role as AgencyRole);
    byUser.set(r.id, u);
  }
  return [...byUser.values()];
}

async function rolesIn(db: Executor, agencyId: string, userId: string): Promise<AgencyRole[]> {
  const rows = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.agencyId, agencyId)));
  return rows.map((r) => r.role as AgencyRole).sort();
}

/**
 * Invites someone to the agency: a new account gets a one-time link to set its
 * password (e-mailed, or shown to the administrator when no SMTP is configured); an
 * existing account just receives the roles.
 */
export async function inviteUser({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof InviteUserInput>;
}) {
  const { email, displayName, roles } = InviteUserInput.parse(input);
  const now = ctx.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    let [user] = await tx
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        passwordHash: users.passwordHash,
      })
      .from(users)
      .where(eq(users.email, email));
    const created = !user;
    if (!user) {
      [user] = await tx.insert(users).values({ email, displayName, createdAt: now }).returning({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        passwordHash: users.passwordHash,
      });
    }
    const before = await rolesIn(tx, ctx.agency.id, user!.id);
    const toAdd = roles.filter((r) => !before.includes(r));
    if (toAdd.length > 0)
      await tx
        .insert(roleAssignments)
        .values(toAdd.map((role) => ({ userId: user!.id, role, agencyId: ctx.agency.id })));
    await recordAudit(tx, {
      action: "user.invite",
      actor: ctx.user,
      targetType: "user",
      targetId: user!.id,
      agencyId: ctx.agency.id,
      before: { roles: before },
      after: { email, roles: [...new Set([...before, ...roles])].sort(), created },
      request: ctx.request,
    });
    const token =
      user!.passwordHash === null
        ? await issueOneTimeToken(tx, {
            userId: user!.id,
            purpose: "invitation",
            createdBy: ctx.user.id,
            now,
          })
        : null;
    return { user: user!, created, token };
  });
  const delivery = outcome.token
    ? await deliverLink(
        ctx,
        outcome.user,
        "invitation",
        outcome.token.token,
        outcome.token.expiresAt,
      )
    : { delivery: "none" as const, link: null };
  return { userId: outcome.user.id, created: outcome.created, ...delivery };
}

/** Replaces the user's roles in this agency (other agencies untouched). */
export async function setUserRoles({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof SetUserRolesInput>;
}) {
  const { userId, roles } = SetUserRolesInput.parse(input);
  const wanted = [...new Set(roles)].sort();
  if (userId === ctx.user.id && !ctx.user.isSystemAdmin && !wanted.includes("agency-admin")) {
    throw new DomainError(
      "CONFLICT",
      "an agency administrator cannot remove their own administrator role",
    );
  }
  return ctx.db.transaction(async (tx) => {
    const before = await rolesIn(tx, ctx.agency.id, userId);
    if (before.length === 0) throw new DomainError("NOT_FOUND", "user has no role in this agency");
    await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.agencyId, ctx.agency.id)));
    if (wanted.length > 0)
      await tx
        .insert(roleAssignments)
        .values(wanted.map((role) => ({ userId, role, agencyId: ctx.agency.id })));
    await recordAudit(tx, {
      action: "user.roles_changed",
      actor: ctx.user,
      targetType: "user",
      targetId: userId,
      agencyId: ctx.agency.id,
      before: { roles: before },
      after: { roles: wanted },
      request: ctx.request,
    });
    return { userId, roles: wanted };
  });
}

async function requireMember(ctx: AgencyContext, userId: string) {
  const roles = await rolesIn(ctx.db, ctx.agency.id, userId);
  if (roles.length === 0) throw new DomainError("NOT_FOUND", "user has no role in this agency");
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  return user!;
}

/** A one-time password-reset link for a member of the agency (e-mailed or shown). */
export async function createPasswordResetLink({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof AgencyUserInput>;
}) {
  const { userId } = AgencyUserInput.parse(input);
  const user = await requireMember(ctx, userId);
  const { token, expiresAt } = await issueOneTimeToken(ctx.db, {
    userId,
    purpose: "password-reset",
    createdBy: ctx.user.id,
    now: ctx.now(),
  });
  await recordAudit(ctx.db, {
    action: "user.password_reset_link",
    actor: ctx.user,
    targetType: "user",
    targetId: userId,
    agencyId: ctx.agency.id,
    request: ctx.request,
  });
  return deliverLink(ctx, user, "password-reset", token, expiresAt);
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
  await requireMember(ctx, userId);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpKey: null, totpPendingKey: null }).where(eq(users.id, userId));
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

export type AgencyUser = Awaited<ReturnType<typeof listAgencyUsers>>[number];
