import { sessions } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { SessionRefInput } from "@ita/domain/schemas";
import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { StaffContext } from "../authz/procedures.ts";
import { invalidateSession, invalidateUserSessions } from "./sessions.ts";

/** The user's active sessions (devices), the current one marked. */
export async function listSessions({ ctx }: { ctx: StaffContext }) {
  const rows = await ctx.db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastVerifiedAt: sessions.lastVerifiedAt,
      twoFactorVerified: sessions.twoFactorVerified,
    })
    .from(sessions)
    .where(eq(sessions.userId, ctx.user.id))
    .orderBy(desc(sessions.lastVerifiedAt));
  return rows.map((r) => ({ ...r, current: r.id === ctx.session.id }));
}

/** Ends one of the user's own sessions (a lost tablet). */
export async function revokeSession({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof SessionRefInput>;
}) {
  const { sessionId } = SessionRefInput.parse(input);
  const [row] = await ctx.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, ctx.user.id)));
  if (!row) throw new DomainError("NOT_FOUND", "session");
  await invalidateSession(ctx.db, row.id);
  if (row.id === ctx.session.id) ctx.deleteSessionTokenCookie();
  await recordAudit(ctx.db, {
    action: "auth.session_revoked",
    actor: ctx.user,
    targetType: "user",
    targetId: ctx.user.id,
    request: ctx.request,
  });
  return { ok: true as const };
}

/** Sign-out everywhere, this device included. */
export async function signOutEverywhere({ ctx }: { ctx: StaffContext }) {
  await invalidateUserSessions(ctx.db, ctx.user.id);
  ctx.deleteSessionTokenCookie();
  await recordAudit(ctx.db, {
    action: "auth.sign_out_everywhere",
    actor: ctx.user,
    targetType: "user",
    targetId: ctx.user.id,
    request: ctx.request,
  });
  return { ok: true as const };
}
