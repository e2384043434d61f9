import { hashPassword, verifyPassword } from "@ita/auth";
import { users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { SignInInput } from "@ita/domain/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { Context } from "../context.ts";
import { describeSession } from "./me.ts";
import { createSession, loadUser } from "./sessions.ts";
import { beginAttempt, succeedAttempt, type Attempt, type ThrottleKey } from "./throttle.ts";

// Verified against when the e-mail is unknown, so both failures take the same time.
const dummyHash = hashPassword("timing-equaliser-not-a-password");

/**
 * Password sign-in, throttled per account and per client address. The new session
 * still owes its second factor when the user's roles require one (see `auth.me`).
 */
export async function signIn({ ctx, input }: { ctx: Context; input: z.input<typeof SignInInput> }) {
  const { email, password } = SignInInput.parse(input);
  const normalised = email.trim().toLowerCase();
  const now = ctx.now();
  const keys: ThrottleKey[] = [{ kind: "account", value: normalised }];
  if (ctx.request.ip) keys.push({ kind: "ip", value: ctx.request.ip });
  let attempt: Attempt;
  try {
    attempt = await beginAttempt(ctx.db, keys, now);
  } catch (error) {
    await recordAudit(ctx.db, {
      action: "auth.sign_in_throttled",
      targetType: "user",
      after: { email: normalised },
      request: ctx.request,
    });
    throw error;
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.email, normalised));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !ok || user.disabledAt) {
    await recordAudit(ctx.db, {
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user?.id,
      after: { email: normalised },
      request: ctx.request,
    });
    throw new DomainError("UNAUTHENTICATED", "wrong e-mail or password");
  }
  await succeedAttempt(ctx.db, attempt, keys[0]);
  const { token, session } = await createSession(ctx.db, user.id, {
    userAgent: ctx.request.userAgent,
    now,
  });
  ctx.setSessionTokenCookie(token);
  await recordAudit(ctx.db, {
    action: "auth.sign_in",
    actor: user,
    targetType: "user",
    targetId: user.id,
    request: ctx.request,
  });
  const loaded = await loadUser(ctx.db, user.id);
  return {
    user: loaded,
    sessionId: session.id,
    ...(loaded ? describeSession(loaded, session) : { twoFactor: null }),
  };
}
