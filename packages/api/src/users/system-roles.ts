import type { Executor } from "@ita/db";
import { provinces, roleAssignments, users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import {
  GrantCoordinatorInput,
  GrantSystemAdminInput,
  RevokeCoordinatorInput,
  RevokeSystemAdminInput,
} from "@ita/domain/schemas";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { fieldError } from "../authz/field-error.ts";
import type { StaffContext } from "../authz/procedures.ts";

/**
 * Roles beyond one agency, kept by system administrators (ADR 0026): province
 * coordinators (a `role_assignments` row naming the province) and system administrators
 * (the `users.is_system_admin` flag). Grants go to an existing account that has set its
 * password; nobody grants these roles to themselves; the last system administrator
 * stays. Roles are read from the database on every request (`loadUser`), so a revoked
 * role is gone from the holder's sessions at their next request.
 */

const COORDINATOR = "province-coordinator" as const;

interface Person {
  userId: string;
  email: string;
  displayName: string;
  twoFactorEnabled: boolean;
}

/** Every province with its coordinators, and the system administrators. */
export async function listSystemRoles({ ctx }: { ctx: StaffContext }) {
  const person = {
    userId: users.id,
    email: users.email,
    displayName: users.displayName,
    totpKey: users.totpKey,
  };
  const toPerson = (r: { userId: string; email: string; displayName: string; totpKey: unknown }) =>
    ({
      userId: r.userId,
      email: r.email,
      displayName: r.displayName,
      twoFactorEnabled: r.totpKey !== null,
    }) satisfies Person;
  const [provinceRows, coordinatorRows, adminRows] = await Promise.all([
    ctx.db
      .select({ id: provinces.id, nameTh: provinces.nameTh, nameEn: provinces.nameEn })
      .from(provinces)
      .orderBy(asc(provinces.nameTh)),
    ctx.db
      .select({ ...person, provinceId: roleAssignments.provinceId })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, COORDINATOR), isNull(users.disabledAt)))
      .orderBy(asc(users.displayName)),
    ctx.db
      .select(person)
      .from(users)
      .where(and(eq(users.isSystemAdmin, true), isNull(users.disabledAt)))
      .orderBy(asc(users.displayName)),
  ]);
  const byProvince = new Map<string, Person[]>();
  for (const r of coordinatorRows) {
    if (!r.provinceId) continue;
    const list = byProvince.get(r.provinceId) ?? [];
    if (!list.some((p) => p.userId === r.userId)) list.push(toPerson(r));
    byProvince.set(r.provinceId, list);
  }
  return {
    provinces: provinceRows.map((p) => ({ ...p, coordinators: byProvince.get(p.id) ?? [] })),
    systemAdmins: adminRows.map(toPerson),
  };
}

/**
 * The account a grant goes to, by e-mail: it must exist, be enabled and have set its
 * password (an account still waiting on an invitation link could be one whose link the
 * granting administrator holds), and must not be the actor's own.
 */
async function grantee(tx: Executor, ctx: StaffContext, email: string) {
  const [account] = await tx
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      isSystemAdmin: users.isSystemAdmin,
    })
    .from(users)
    .where(eq(users.email, email))
    .for("update");
  if (!account)
    throw fieldError(
      "email",
      "ไม่พบบัญชีที่ใช้อีเมลนี้ ให้ผู้นั้นได้รับเชิญเข้าระบบและตั้งรหัสผ่านก่อน แล้วจึงให้บทบาท",
      "No account uses this e-mail. The person must be invited and set a password first.",
    );
  if (account.disabledAt)
    throw fieldError("email", "บัญชีนี้ถูกปิดใช้งานแล้ว", "This account is disabled.");
  if (account.passwordHash === null)
    throw fieldError(
      "email",
      "บัญชีนี้ยังไม่ได้ตั้งรหัสผ่าน (ยังไม่ได้ตอบรับคำเชิญ) ให้บทบาทได้เมื่อเจ้าของบัญชีเข้าสู่ระบบได้แล้ว",
      "This account has not set its password yet (invitation not accepted). Grant the role once its holder can sign in.",
    );
  if (account.id === ctx.user.id)
    throw fieldError(
      "email",
      "ให้บทบาทนี้แก่ตนเองไม่ได้ ต้องให้ผู้ดูแลระบบคนอื่นเป็นผู้ให้",
      "You cannot grant this role to yourself; another system administrator must.",
    );
  return account;
}

/** Makes an existing account a coordinator of the province the grant names. */
export async function grantCoordinator({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof GrantCoordinatorInput>;
}) {
  const { email, provinceId } = GrantCoordinatorInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [province] = await tx
      .select({ id: provinces.id, nameTh: provinces.nameTh })
      .from(provinces)
      .where(eq(provinces.id, provinceId));
    if (!province) throw fieldError("provinceId", "ไม่พบจังหวัดนี้", "This province does not exist.");
    const account = await grantee(tx, ctx, email);
    const [held] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, account.id),
          eq(roleAssignments.role, COORDINATOR),
          eq(roleAssignments.provinceId, province.id),
        ),
      );
    if (held)
      throw fieldError(
        "email",
        "บัญชีนี้เป็นผู้ประสานงานของจังหวัดนี้อยู่แล้ว",
        "This account already coordinates this province.",
      );
    await tx.insert(roleAssignments).values({
      userId: account.id,
      role: COORDINATOR,
      provinceId: province.id,
      grantedBy: ctx.user.id,
      grantedInSession: ctx.session.id,
      createdAt: ctx.now(),
    });
    await recordAudit(tx, {
      action: "user.coordinator_granted",
      actor: ctx.user,
      targetType: "user",
      targetId: account.id,
      after: { email: account.email, provinceId: province.id, province: province.nameTh },
      request: ctx.request,
    });
    return { userId: account.id, provinceId: province.id };
  });
}

/** Ends a coordinator's role in one province (their other provinces and roles stay). */
export async function revokeCoordinator({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof RevokeCoordinatorInput>;
}) {
  const { userId, provinceId } = RevokeCoordinatorInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, userId),
          eq(roleAssignments.role, COORDINATOR),
          eq(roleAssignments.provinceId, provinceId),
        ),
      )
      .returning({ id: roleAssignments.id });
    if (removed.length === 0)
      throw new DomainError("NOT_FOUND", "not a coordinator of this province");
    await recordAudit(tx, {
      action: "user.coordinator_revoked",
      actor: ctx.user,
      targetType: "user",
      targetId: userId,
      before: { provinceId },
      request: ctx.request,
    });
    return { userId, provinceId };
  });
}

/** Makes an existing account a system administrator (never one's own: ADR 0014's four eyes). */
export async function grantSystemAdmin({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof GrantSystemAdminInput>;
}) {
  const { email } = GrantSystemAdminInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const account = await grantee(tx, ctx, email);
    if (account.isSystemAdmin)
      throw fieldError(
        "email",
        "บัญชีนี้เป็นผู้ดูแลระบบอยู่แล้ว",
        "This account is already a system administrator.",
      );
    await tx.update(users).set({ isSystemAdmin: true }).where(eq(users.id, account.id));
    await recordAudit(tx, {
      action: "user.system_admin_granted",
      actor: ctx.user,
      targetType: "user",
      targetId: account.id,
      before: { isSystemAdmin: false },
      after: { email: account.email, isSystemAdmin: true },
      request: ctx.request,
    });
    return { userId: account.id };
  });
}

/**
 * Takes the system-administrator flag away (one's own too), unless that would leave no
 * enabled system administrator. The administrators' rows are locked first, so two
 * administrators revoking each other at the same moment cannot both succeed.
 */
export async function revokeSystemAdmin({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof RevokeSystemAdminInput>;
}) {
  const { userId } = RevokeSystemAdminInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.isSystemAdmin, true))
      .orderBy(asc(users.id))
      .for("update");
    const target = admins.find((a) => a.id === userId);
    if (!target) throw new DomainError("NOT_FOUND", "not a system administrator");
    if (!admins.some((a) => a.id !== userId && a.disabledAt === null))
      throw new DomainError("LAST_SYSTEM_ADMIN");
    await tx.update(users).set({ isSystemAdmin: false }).where(eq(users.id, userId));
    await recordAudit(tx, {
      action: "user.system_admin_revoked",
      actor: ctx.user,
      targetType: "user",
      targetId: userId,
      before: { isSystemAdmin: true },
      after: { isSystemAdmin: false, self: userId === ctx.user.id },
      request: ctx.request,
    });
    return { userId, self: userId === ctx.user.id };
  });
}

export type SystemRoles = Awaited<ReturnType<typeof listSystemRoles>>;
