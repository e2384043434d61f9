import { requiresTwoFactor } from "../authz/roles.ts";
import type { Context } from "../context.ts";
import type { Session, SessionUser } from "./sessions.ts";

/** What the session still owes: enrolment (no authenticator yet), verification, or nothing. */
export function describeSession(user: SessionUser, session: Session) {
  const required = requiresTwoFactor(user);
  const twoFactor: "enrol" | "verify" | null = session.twoFactorVerified
    ? null
    : user.totpEnabled
      ? "verify"
      : required
        ? "enrol"
        : null;
  return { twoFactor, twoFactorRequired: required };
}

/** The signed-in user and what the session still needs; null when signed out. */
export function getMe({ ctx }: { ctx: Context }) {
  if (!ctx.user || !ctx.session) return null;
  return { ...ctx.user, ...describeSession(ctx.user, ctx.session) };
}
