import { recordAudit } from "../audit/record-audit.ts";
import type { Context } from "../context.ts";
import { invalidateSession } from "./sessions.ts";

export async function signOut({ ctx }: { ctx: Context }) {
  if (ctx.session) {
    await invalidateSession(ctx.db, ctx.session.id);
    await recordAudit(ctx.db, {
      action: "auth.sign_out",
      actor: ctx.user,
      targetType: "user",
      targetId: ctx.user?.id,
      request: ctx.request,
    });
  }
  ctx.deleteSessionTokenCookie();
  return { ok: true as const };
}
