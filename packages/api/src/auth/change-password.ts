import { hashPassword, verifyPassword } from "@ita/auth";
import { sessions, users } from "@ita/db/schema";
import { ChangePasswordInput } from "@ita/domain/schemas";
import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { StaffContext } from "../authz/procedures.ts";
import { assertStrongPassword } from "./password-policy.ts";
import { beginAttempt, succeedAttempt } from "./throttle.ts";
import { fieldError } from "../authz/field-error.ts";

/** Changes the user's password; every other session is signed out. */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof ChangePasswordInput>;
}) {
  const { currentPassword, newPassword } = ChangePasswordInput.parse(input);
  const now = ctx.now();
  const key = { kind: "account" as const, value: ctx.user.email };
  const attempt = await beginAttempt(ctx.db, [key], now);
  const [row] = await ctx.db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.id, ctx.user.id));
  if (!row?.hash || !(await verifyPassword(row.hash, currentPassword))) {
    throw fieldError("currentPassword", "รหัสผ่านปัจจุบันไม่ถูกต้อง");
  }
  await succeedAttempt(ctx.db, attempt, key);
  assertStrongPassword(newPassword, "newPassword");
  await ctx.db
    .update(users)
    .set({ passwordHash: await hashPassword(newPassword) })
    .where(eq(users.id, ctx.user.id));
  await ctx.db
    .delete(sessions)
    .where(and(eq(sessions.userId, ctx.user.id), ne(sessions.id, ctx.session.id)));
  await recordAudit(ctx.db, {
    action: "auth.password_changed",
    actor: ctx.user,
    targetType: "user",
    targetId: ctx.user.id,
    request: ctx.request,
  });
  return { ok: true as const };
}
