import type { Executor } from "@ita/db";
import { pendingRoles, roleAssignments, users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { InviteUserInput, SetUserRolesInput } from "@ita/domain/schemas";
import { isAgencyRole, type AgencyRole } from "@ita/domain/roles";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { issueOneTimeToken } from "../auth/one-time-links.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { AgencyContext } from "../authz/procedures.ts";
import { belongsToAgencyAlone } from "./agency-alone.ts";
import { deliverLink, linkDeliveryFor } from "./deliver-link.ts";
import { grantRoles } from "./role-grants.ts";

interface AgencyUserRow {
  id: string;
  email: string;
  displayName: string;
  twoFactorEnabled: boolean;
  invitationPending: boolean;
  disabled: boolean;
  roles: AgencyRole[];
  /** Offered to an existing account, waiting for its holder to accept. */
  pendingRoles: AgencyRole[];
  /** Granted, waiting for a second administrator to confirm (four-eyes on grants). */
  awaitingConfirmation: AgencyRole[];
}

/** People holding (or offered) a role in the agency, with their roles there. */
export async function listAgencyUsers({ ctx }: { ctx: AgencyContext }) {
  const person = {
    id: users.id,
    email: users.email,
    displayName: users.displayName,
    totpKey: users.totpKey,
    passwordHash: users.passwordHash,
    disabledAt: users.disabledAt,
  };
  const held = await ctx.db
    .select({ ...person, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.agencyId, ctx.agency.id))
    .orderBy(asc(users.displayName));
  const offered = await ctx.db
    .select({ ...person, role: pendingRoles.role, awaiting: pendingRoles.awaiting })
    .from(pendingRoles)
    .innerJoin(users, eq(users.id, pendingRoles.userId))
    .where(eq(pendingRoles.agencyId, ctx.agency.id))
    .orderBy(asc(users.displayName));
  const byUser = new Map<string, AgencyUserRow>();
  const entry = (r: (typeof held)[number]) => {
    const u = byUser.get(r.id) ?? {
      id: r.id,
      email: r.email,
      displayName: r.displayName,
      twoFactorEnabled: r.totpKey !== null,
      invitationPending: r.passwordHash === null,
      disabled: r.disabledAt !== null,
      roles: [],
      pendingRoles: [],
      awaitingConfirmation: [],
    };
    byUser.set(r.id, u);
    return u;
  };
  for (const r of held) if (isAgencyRole(r.role)) entry(r).roles.push(r.role);
  for (const r of offered)
    (r.awaiting === "account-holder" ? entry(r).pendingRoles : entry(r).awaitingConfirmation).push(
      r.role,
    );
  return [...byUser.values()]
    .map((u) => ({
      ...u,
      roles: u.roles.sort(),
      pendingRoles: u.pendingRoles.sort(),
      awaitingConfirmation: u.awaitingConfirmation.sort(),
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, "th"));
}

export async function rolesIn(
  db: Executor,
  agencyId: string,
  userId: string,
): Promise<AgencyRole[]> {
  const rows = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.agencyId, agencyId)));
  return rows
    .map((r) => r.role)
    .filter(isAgencyRole)
    .sort();
}

/**
 * Invites someone to the agency (ADR 0014). A new account — or one that never set a
 * password and answers to this agency alone — receives the roles and a one-time link
 * (e-mailed, or shown when no SMTP is configured). Any other existing account is only
 * offered the roles: its holder accepts or declines them after signing in, so an
 * invitation can never make someone else's account a member, nor hand out its link.
 */
export async function inviteUser({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof InviteUserInput>;
}) {
  const { email, displayName, roles } = InviteUserInput.parse(input);
  const wanted = [...new Set(roles)].sort();
  const now = ctx.now();
  const delivery = linkDeliveryFor(ctx, "invitation");
  const outcome = await ctx.db.transaction(async (tx) => {
    const columns = { id: users.id, email: users.email, displayName: users.displayName };
    const [existing] = await tx
      .select({ ...columns, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email));
    const user =
      existing ??
      (
        await tx.insert(users).values({ email, displayName, createdAt: now }).returning(columns)
      )[0]!;
    const created = !existing;
    const before = await rolesIn(tx, ctx.agency.id, user.id);
    const toAdd = wanted.filter((r) => !before.includes(r));
    const brandNew =
      created ||
      (existing.passwordHash === null && (await belongsToAgencyAlone(tx, user.id, ctx.agency.id)));
    // Inviting oneself is a grant to oneself: it waits for a second administrator.
    const grant = brandNew || user.id === ctx.user.id;
    const { awaitingConfirmation } = grant
      ? await grantRoles(tx, ctx, user.id, toAdd)
      : { awaitingConfirmation: [] };
    if (!grant && toAdd.length > 0) {
      await tx
        .insert(pendingRoles)
        .values(
          toAdd.map((role) => ({
            userId: user.id,
            agencyId: ctx.agency.id,
            role,
            awaiting: "account-holder" as const,
            requestedBy: ctx.user.id,
            requestedInSession: ctx.session.id,
            createdAt: now,
          })),
        )
        .onConflictDoNothing();
    }
    await recordAudit(tx, {
      action: brandNew ? "user.invite" : "user.invite_offered",
      actor: ctx.user,
      targetType: "user",
      targetId: user.id,
      agencyId: ctx.agency.id,
      before: { roles: before },
      after: brandNew
        ? { email, roles: await rolesIn(tx, ctx.agency.id, user.id), created, awaitingConfirmation }
        : { email, roles: before, offered: grant ? [] : toAdd, awaitingConfirmation },
      request: ctx.request,
    });
    const token = brandNew
      ? await issueOneTimeToken(tx, {
          userId: user.id,
          purpose: "invitation",
          createdBy: ctx.user.id,
          now,
        })
      : null;
    return { user, created, token, awaitingConfirmation };
  });
  const { user, created, token, awaitingConfirmation } = outcome;
  if (!token)
    return {
      userId: user.id,
      created: false,
      delivery: "offered" as const,
      link: null,
      awaitingConfirmation,
    };
  const sent = await deliverLink(ctx, user, { purpose: "invitation", ...token, delivery });
  return { userId: user.id, created, ...sent, awaitingConfirmation };
}

/**
 * Replaces the user's roles in this agency (other agencies untouched). Removals take
 * effect at once; additions may wait for a second administrator (`grantRoles`).
 */
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
    const removed = before.filter((r) => !wanted.includes(r));
    const added = wanted.filter((r) => !before.includes(r));
    if (removed.length > 0)
      await tx
        .delete(roleAssignments)
        .where(
          and(
            eq(roleAssignments.userId, userId),
            eq(roleAssignments.agencyId, ctx.agency.id),
            inArray(roleAssignments.role, removed),
          ),
        );
    const { awaitingConfirmation } = await grantRoles(tx, ctx, userId, added);
    const after = await rolesIn(tx, ctx.agency.id, userId);
    await recordAudit(tx, {
      action: "user.roles_changed",
      actor: ctx.user,
      targetType: "user",
      targetId: userId,
      agencyId: ctx.agency.id,
      before: { roles: before },
      after: { roles: after },
      request: ctx.request,
    });
    return { userId, roles: after, awaitingConfirmation };
  });
}

export type AgencyUser = Awaited<ReturnType<typeof listAgencyUsers>>[number];
