import {
  generateRecoveryCode,
  generateTotpKey,
  hashRecoveryCode,
  matchTotpStep,
  totpSecretBase32,
  totpUri,
} from "@ita/auth";
import { recoveryCodes, users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { TwoFactorCodeInput } from "@ita/domain/schemas";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import QRCode from "qrcode";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { StaffContext } from "../authz/procedures.ts";
import { rotateVerifiedSession } from "./sessions.ts";
import { openTotpSecret, sealTotpSecret } from "./totp-secrets.ts";
import { beginAttempt, succeedAttempt } from "./throttle.ts";
import { fieldError } from "../authz/field-error.ts";

const ISSUER = "ITA Portal";
const RECOVERY_CODE_COUNT = 10;

/** Groups of four for reading aloud and typing: ABCD-EFGH-… */
const formatRecoveryCode = (code: string) => code.match(/.{1,4}/g)!.join("-");

/** How long one enrolment keeps its QR code: time to install an app and come back. */
export const ENROLMENT_TTL_MS = 60 * 60 * 1000;

/**
 * Starts (or, from a verified session, replaces) the authenticator enrolment: the key
 * is kept as pending until a code from it is confirmed. The same key is shown again on
 * every reload until it is confirmed or `ENROLMENT_TTL_MS` has passed — someone who
 * scanned it and then reloaded (say, after installing the app) still has the right
 * one. An expired key is kept as superseded, so a code from it gets a precise hint.
 * A session that has only the password cannot replace an existing authenticator.
 */
export async function beginTotpEnrolment({ ctx }: { ctx: StaffContext }) {
  if (ctx.user.totpEnabled && !ctx.session.twoFactorVerified)
    throw new DomainError("TWO_FACTOR_REQUIRED", "verify the current authenticator first");
  const now = ctx.now();
  const [row] = await ctx.db
    .select({ pending: users.totpPendingKey, since: users.totpPendingCreatedAt })
    .from(users)
    .where(eq(users.id, ctx.user.id));
  let key: Uint8Array;
  let since: Date;
  if (row?.pending && row.since && now.getTime() - row.since.getTime() < ENROLMENT_TTL_MS) {
    key = openTotpSecret(row.pending, ctx.user.id).secret;
    since = row.since;
  } else {
    key = generateTotpKey();
    since = now;
    await ctx.db
      .update(users)
      .set({
        totpPendingKey: sealTotpSecret(key, ctx.user.id),
        totpPendingCreatedAt: now,
        totpSupersededKey: row?.pending ?? null,
      })
      .where(eq(users.id, ctx.user.id));
  }
  const uri = totpUri(ISSUER, ctx.user.email, key);
  return {
    secret: totpSecretBase32(key),
    uri,
    qrDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 240 }),
    expiresAt: new Date(since.getTime() + ENROLMENT_TTL_MS),
  };
}

/** Confirms the pending key with a code from the app; returns recovery codes (shown once, stored hashed). */
export async function confirmTotpEnrolment({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof TwoFactorCodeInput>;
}) {
  const { code } = TwoFactorCodeInput.parse(input);
  const now = ctx.now();
  const throttleKey = { kind: "totp" as const, value: ctx.user.id };
  const attempt = await beginAttempt(ctx.db, [throttleKey], now);
  const [row] = await ctx.db
    .select({
      pending: users.totpPendingKey,
      since: users.totpPendingCreatedAt,
      superseded: users.totpSupersededKey,
    })
    .from(users)
    .where(eq(users.id, ctx.user.id));
  if (!row?.pending) throw new DomainError("INVALID_TRANSITION", "no enrolment in progress");
  if (row.since && now.getTime() - row.since.getTime() >= ENROLMENT_TTL_MS)
    throw fieldError(
      "code",
      "คิวอาร์โค้ดนี้หมดเวลาแล้ว โปรดโหลดหน้าใหม่เพื่อรับคิวอาร์โค้ดใหม่ แล้วลบรายการเดิมในแอป",
      "This QR code has expired. Reload the page for a new one and remove the old entry from your app.",
    );
  // Authenticator codes follow the real clock, not the request's notion of "now".
  const step = matchTotpStep(openTotpSecret(row.pending, ctx.user.id).secret, code);
  if (step === null) {
    const fromSuperseded =
      row.superseded !== null &&
      matchTotpStep(openTotpSecret(row.superseded, ctx.user.id).secret, code) !== null;
    if (fromSuperseded)
      throw fieldError(
        "code",
        "รหัสนี้มาจากคิวอาร์โค้ดเดิมที่ถูกแทนที่แล้ว โปรดลบรายการเดิมในแอปยืนยันตัวตน แล้วสแกนคิวอาร์โค้ดที่แสดงอยู่ตอนนี้",
        "This code comes from an earlier QR code that has been replaced. Remove that entry from your authenticator app and scan the QR code shown now.",
      );
    throw fieldError(
      "code",
      "รหัสไม่ถูกต้อง โปรดกรอกรหัส 6 หลักล่าสุดจากแอปยืนยันตัวตน",
      "Wrong code. Type the latest 6-digit code from your authenticator app.",
    );
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => generateRecoveryCode());
  const token = await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpKey: row.pending,
        totpPendingKey: null,
        totpPendingCreatedAt: null,
        totpSupersededKey: null,
        totpLastStep: step,
      })
      .where(eq(users.id, ctx.user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, ctx.user.id));
    await tx
      .insert(recoveryCodes)
      .values(
        codes.map((c) => ({ userId: ctx.user.id, codeHash: hashRecoveryCode(c), createdAt: now })),
      );
    const rotated = await rotateVerifiedSession(tx, ctx.session, {
      userAgent: ctx.request.userAgent,
      now,
    });
    await succeedAttempt(tx, attempt, throttleKey);
    await recordAudit(tx, {
      action: "auth.2fa_enrolled",
      actor: ctx.user,
      targetType: "user",
      targetId: ctx.user.id,
      request: ctx.request,
    });
    return rotated.token;
  });
  ctx.setSessionTokenCookie(token);
  return { recoveryCodes: codes.map(formatRecoveryCode) };
}

/** Second step of sign-in: a code from the app, or one unused recovery code. */
export async function verifyTwoFactor({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof TwoFactorCodeInput>;
}) {
  const { code } = TwoFactorCodeInput.parse(input);
  const now = ctx.now();
  const throttleKey = { kind: "totp" as const, value: ctx.user.id };
  const attempt = await beginAttempt(ctx.db, [throttleKey], now);
  const [row] = await ctx.db
    .select({ key: users.totpKey })
    .from(users)
    .where(eq(users.id, ctx.user.id));
  if (!row?.key) throw new DomainError("INVALID_TRANSITION", "no authenticator enrolled");
  const { secret, legacy } = openTotpSecret(row.key, ctx.user.id);
  // Stored before secrets were encrypted: seal it now (docs/adr/0011).
  if (legacy)
    await ctx.db
      .update(users)
      .set({ totpKey: sealTotpSecret(secret, ctx.user.id) })
      .where(eq(users.id, ctx.user.id));
  let method: "totp" | "recovery-code" | null = null;
  if (/^\d{6}$/.test(code)) {
    const step = matchTotpStep(secret, code);
    // Claim the step atomically: a code already used (here or by a racing request) fails.
    const claimed =
      step === null
        ? []
        : await ctx.db
            .update(users)
            .set({ totpLastStep: step })
            .where(
              and(
                eq(users.id, ctx.user.id),
                or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
              ),
            )
            .returning({ id: users.id });
    if (claimed.length > 0) method = "totp";
  } else {
    const used = await ctx.db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.userId, ctx.user.id),
          eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    if (used.length > 0) method = "recovery-code";
  }
  if (!method) {
    await recordAudit(ctx.db, {
      action: "auth.2fa_failed",
      actor: ctx.user,
      targetType: "user",
      targetId: ctx.user.id,
      request: ctx.request,
    });
    throw fieldError("code", "รหัสไม่ถูกต้อง โปรดกรอกรหัส 6 หลักล่าสุดจากแอป หรือรหัสกู้คืนที่ยังไม่เคยใช้");
  }
  const rotated = await rotateVerifiedSession(ctx.db, ctx.session, {
    userAgent: ctx.request.userAgent,
    now,
  });
  ctx.setSessionTokenCookie(rotated.token);
  await succeedAttempt(ctx.db, attempt, throttleKey);
  await recordAudit(ctx.db, {
    action: "auth.2fa_verified",
    actor: ctx.user,
    targetType: "user",
    targetId: ctx.user.id,
    after: { method },
    request: ctx.request,
  });
  return { ok: true as const, method };
}
