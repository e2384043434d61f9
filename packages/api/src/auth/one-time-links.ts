import { generateOneTimeToken, hashOneTimeToken, hashPassword } from "@ita/auth";
import type { Executor } from "@ita/db";
import { oneTimeTokens, users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { OneTimeTokenInput, RedeemTokenInput } from "@ita/domain/schemas";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { Context } from "../context.ts";
import { assertStrongPassword } from "./password-policy.ts";
import { invalidateUserSessions } from "./sessions.ts";

export type OneTimePurpose = "invitation" | "password-reset";

const LIFETIME_MS: Record<OneTimePurpose, number> = {
  invitation: 7 * 24 * 3600 * 1000,
  "password-reset": 24 * 3600 * 1000,
};

/** Issues a one-time link token (only its hash is stored); earlier unused ones of the same purpose stop working. */
export async function issueOneTimeToken(
  db: Executor,
  opts: { userId: string; purpose: OneTimePurpose; createdBy: string; now: Date },
) {
  const { token, hash } = generateOneTimeToken();
  await db
    .update(oneTimeTokens)
    .set({ usedAt: opts.now })
    .where(
      and(
        eq(oneTimeTokens.userId, opts.userId),
        eq(oneTimeTokens.purpose, opts.purpose),
        isNull(oneTimeTokens.usedAt),
      ),
    );
  const expiresAt = new Date(opts.now.getTime() + LIFETIME_MS[opts.purpose]);
  await db.insert(oneTimeTokens).values({
    userId: opts.userId,
    purpose: opts.purpose,
    tokenHash: hash,
    expiresAt,
    createdBy: opts.createdBy,
    createdAt: opts.now,
  });
  return { token, expiresAt };
}

async function findLiveToken(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select({
      id: oneTimeTokens.id,
      userId: oneTimeTokens.userId,
      purpose: oneTimeTokens.purpose,
      expiresAt: oneTimeTokens.expiresAt,
      email: users.email,
      displayName: users.displayName,
    })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashOneTimeToken(token)),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  return row ?? null;
}

/** What the set-password page shows before the user types: whose link, and what for. */
export async function checkOneTimeToken({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db" | "now">;
  input: z.input<typeof OneTimeTokenInput>;
}) {
  const { token } = OneTimeTokenInput.parse(input);
  const row = await findLiveToken(ctx.db, token, ctx.now());
  if (!row) throw new DomainError("NOT_FOUND", "link expired or used");
  return {
    email: row.email,
    displayName: row.displayName,
    purpose: row.purpose as OneTimePurpose,
    expiresAt: row.expiresAt,
  };
}

/** Sets the password from an invitation or reset link; the link then stops working and all sessions end. */
export async function redeemOneTimeToken({
  ctx,
  input,
}: {
  ctx: Context;
  input: z.input<typeof RedeemTokenInput>;
}) {
  const { token, password } = RedeemTokenInput.parse(input);
  assertStrongPassword(password, "password");
  const now = ctx.now();
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const row = await findLiveToken(tx, token, now);
    if (!row) throw new DomainError("NOT_FOUND", "link expired or used");
    const used = await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.id, row.id), isNull(oneTimeTokens.usedAt)))
      .returning({ id: oneTimeTokens.id });
    if (used.length === 0) throw new DomainError("NOT_FOUND", "link already used");
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId));
    await invalidateUserSessions(tx, row.userId);
    await recordAudit(tx, {
      action: `auth.${row.purpose === "invitation" ? "invitation_accepted" : "password_reset"}`,
      actor: { id: row.userId, email: row.email },
      targetType: "user",
      targetId: row.userId,
      request: ctx.request,
    });
    return { email: row.email };
  });
}
