import { totpCodeForStep } from "@ita/auth";
import { auditLog, users } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, contextFor, errorCode, type World } from "../authz/test-world.ts";
import { createCaller } from "../index.ts";
import { ACCOUNT_DELAY, THROTTLE_LIMITS } from "./throttle.ts";

describeEachDriver("sign-in hardening, two-factor, links, audit", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  const failure = (p: Promise<unknown>) => p.then(() => "ok", errorCode);

  /** Signs in over the real procedure; returns a caller carrying the new session cookie. */
  async function signIn(email: string, password: string, ip = "198.51.100.1") {
    const headers = new Headers();
    const ctx = await contextFor(w.db, null, w.now, headers);
    ctx.request.ip = ip;
    const result = await createCaller(ctx).auth.signIn({ email, password });
    const token = cookieToken(headers)!;
    // The second factor replaces the token: its response sets the new one here.
    const later = new Headers();
    const caller = createCaller(await contextFor(w.db, token, w.now, later));
    return { result, caller, token, rotatedToken: () => cookieToken(later) };
  }
  const cookieToken = (h: Headers) => /ita_session=([^;]+)/.exec(h.get("set-cookie") ?? "")?.[1];

  it("throttles failed sign-ins per account, with the Thai RATE_LIMITED message, and audits them", async () => {
    const user = await createUser(w.db, { password: "a-long-enough-password" });
    for (let i = 0; i < ACCOUNT_DELAY.free; i++) {
      expect(await failure(signIn(user.email, "wrong-password-xx"))).toBe("UNAUTHENTICATED");
    }
    const blocked = await failure(signIn(user.email, "a-long-enough-password"));
    expect(blocked).toBe("RATE_LIMITED");
    const actions = (await w.db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toContain("auth.sign_in_throttled");
  });

  it("throttles failed sign-ins per client address across accounts", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < THROTTLE_LIMITS.ip; i++)
      await failure(signIn(`nobody-${i}@test.example`, "wrong-password-xx", ip));
    const user = await createUser(w.db, { password: "a-long-enough-password" });
    expect(await failure(signIn(user.email, "a-long-enough-password", ip))).toBe("RATE_LIMITED");
    expect(
      (await signIn(user.email, "a-long-enough-password", "203.0.113.78")).result.user?.id,
    ).toBe(user.id);
  });

  it("approvers must enrol TOTP before anything else; recovery codes work once", async () => {
    const approver = await createUser(w.db, {
      roles: [{ role: "approver", agencyId: w.agencyA.id }],
      password: "approver-password-1",
    });
    const first = await signIn(approver.email, "approver-password-1");
    expect(first.result.twoFactor).toBe("enrol");
    expect(
      await failure(first.caller.entries.list({ agencyId: w.agencyA.id, fiscalYear: 2568 })),
    ).toBe("TWO_FACTOR_REQUIRED");
    const enrolment = await first.caller.auth.beginTotpEnrolment();
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.uri).toContain("otpauth://totp/");
    expect(await failure(first.caller.auth.confirmTotpEnrolment({ code: "000000" }))).toBe(
      "BAD_REQUEST",
    );
    const codeAt = (step: number) => totpCodeForStep(enrolment.secret, step);
    const enrolStep = Math.floor(Date.now() / 30_000);
    const { recoveryCodes } = await first.caller.auth.confirmTotpEnrolment({
      code: codeAt(enrolStep),
    });
    expect(recoveryCodes).toHaveLength(10);
    const [row] = await w.db.select().from(users).where(eq(users.id, approver.id));
    expect(row!.totpKey).not.toBeNull();
    // The session is now verified under a new token; the password-only token is gone.
    const rotated = first.rotatedToken()!;
    expect(rotated).not.toBe(first.token);
    expect(await createCaller(await contextFor(w.db, first.token, w.now)).auth.me()).toBeNull();
    const same = createCaller(await contextFor(w.db, rotated, w.now));
    expect(await same.entries.list({ agencyId: w.agencyA.id, fiscalYear: 2568 })).toEqual([]);

    const second = await signIn(approver.email, "approver-password-1");
    expect(second.result.twoFactor).toBe("verify");
    // A password-only session cannot replace the authenticator.
    expect(await failure(second.caller.auth.beginTotpEnrolment())).toBe("TWO_FACTOR_REQUIRED");
    expect(
      await second.caller.auth.verifyTwoFactor({ code: recoveryCodes[0]!.toLowerCase() }),
    ).toMatchObject({ method: "recovery-code" });
    const third = await signIn(approver.email, "approver-password-1");
    expect(await failure(third.caller.auth.verifyTwoFactor({ code: recoveryCodes[0]! }))).toBe(
      "BAD_REQUEST",
    );
    // A code works once: the enrolment's code is refused (replay), the next one accepted.
    expect(await failure(third.caller.auth.verifyTwoFactor({ code: codeAt(enrolStep) }))).toBe(
      "BAD_REQUEST",
    );
    expect(await third.caller.auth.verifyTwoFactor({ code: codeAt(enrolStep + 1) })).toMatchObject({
      method: "totp",
    });

    // Sessions: listed, one revoked, then everywhere.
    const verified = createCaller(await contextFor(w.db, third.rotatedToken()!, w.now));
    const list = await verified.auth.sessions();
    expect(list.length).toBe(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    await verified.auth.revokeSession({ sessionId: list.find((s) => !s.current)!.id });
    expect(await verified.auth.sessions()).toHaveLength(2);
    await verified.auth.signOutEverywhere();
    expect(await createCaller(await contextFor(w.db, rotated, w.now)).auth.me()).toBeNull();
  });

  it("editors need no second factor", async () => {
    const editor = await createUser(w.db, {
      roles: [{ role: "editor", agencyId: w.agencyA.id }],
      password: "editor-password-1",
    });
    const { result, caller } = await signIn(editor.email, "editor-password-1");
    expect(result.twoFactor).toBeNull();
    expect(await caller.entries.list({ agencyId: w.agencyA.id, fiscalYear: 2568 })).toBeInstanceOf(
      Array,
    );
  });

  it("invites by one-time link (shown without SMTP), refuses weak passwords, and the link works once", async () => {
    const admin = await w.caller("adminA");
    const invited = await admin.users.invite({
      agencyId: w.agencyA.id,
      email: "New.Clerk@Test.Example",
      displayName: "เจ้าหน้าที่ใหม่",
      roles: ["editor"],
    });
    expect(invited).toMatchObject({ created: true, delivery: "show" });
    const token = new URL(invited.link!).searchParams.get("token")!;
    const anonymous = await w.caller("anonymous");
    expect(await anonymous.auth.checkLink({ token })).toMatchObject({
      email: "new.clerk@test.example",
      purpose: "invitation",
    });
    const weak = await anonymous.auth
      .redeemLink({ token, password: "password1234" })
      .catch((e: unknown) => e as { cause?: { issues?: { path: string[]; message: string }[] } });
    expect(weak).toHaveProperty("code", "BAD_REQUEST");
    expect(await anonymous.auth.redeemLink({ token, password: "ต้นไม้ริมแม่น้ำปิง" })).toEqual({
      email: "new.clerk@test.example",
    });
    expect(await failure(anonymous.auth.redeemLink({ token, password: "ต้นไม้ริมแม่น้ำปิง" }))).toBe(
      "NOT_FOUND",
    );
    expect((await signIn("new.clerk@test.example", "ต้นไม้ริมแม่น้ำปิง")).result.user?.roles).toEqual([
      { role: "editor", agencyId: w.agencyA.id, provinceId: null },
    ]);
    // More roles for someone the administrator invited in this session wait for a second
    // administrator (ADR 0014); a system administrator's change takes effect.
    expect(
      await admin.users.setRoles({
        agencyId: w.agencyA.id,
        userId: invited.userId,
        roles: ["editor", "approver"],
      }),
    ).toMatchObject({ roles: ["editor"], awaitingConfirmation: ["approver"] });
    // Roles change and are audited with before/after.
    await (
      await w.caller("sysadmin")
    ).users.setRoles({
      agencyId: w.agencyA.id,
      userId: invited.userId,
      roles: ["editor", "approver"],
    });
    const rows = await admin.audit.list({ agencyId: w.agencyA.id, action: "user.roles_changed" });
    expect(rows.rows[0]).toMatchObject({
      before: { roles: ["editor"] },
      after: { roles: ["approver", "editor"] },
    });
    // A reset link for the member; never for someone outside the agency. Without SMTP
    // only a system administrator is shown it (ADR 0014).
    expect(
      await failure(
        admin.users.createResetLink({ agencyId: w.agencyA.id, userId: invited.userId }),
      ),
    ).toBe("EMAIL_NOT_CONFIGURED");
    expect(
      (
        await (
          await w.caller("sysadmin")
        ).users.createResetLink({ agencyId: w.agencyA.id, userId: invited.userId })
      ).delivery,
    ).toBe("show");
    expect(
      await failure(
        admin.users.createResetLink({ agencyId: w.agencyA.id, userId: w.users.editorB.id }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await failure(
        admin.users.setRoles({ agencyId: w.agencyA.id, userId: w.users.adminA.id, roles: [] }),
      ),
    ).toBe("CONFLICT");
  });

  it("changing the password checks the current one and the new one's strength, and ends other sessions", async () => {
    const user = await createUser(w.db, {
      roles: [{ role: "editor", agencyId: w.agencyB.id }],
      password: "old-password-is-long",
    });
    const a = await signIn(user.email, "old-password-is-long");
    const b = await signIn(user.email, "old-password-is-long");
    expect(
      await failure(
        a.caller.auth.changePassword({
          currentPassword: "nope",
          newPassword: "new-password-is-long",
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await failure(
        a.caller.auth.changePassword({
          currentPassword: "old-password-is-long",
          newPassword: "qwerty123456",
        }),
      ),
    ).toBe("BAD_REQUEST");
    await a.caller.auth.changePassword({
      currentPassword: "old-password-is-long",
      newPassword: "new-password-is-long",
    });
    expect(await createCaller(await contextFor(w.db, b.token, w.now)).auth.me()).toBeNull();
    expect(await createCaller(await contextFor(w.db, a.token, w.now)).auth.me()).not.toBeNull();
  });

  it("audit viewer: system admins see all, agency admins only their agency; no secrets are logged", async () => {
    const admin = await w.caller("adminA");
    await admin.agencyAdmin.updateProfile({
      agencyId: w.agencyA.id,
      nameTh: "เทศบาลตำบลทดสอบ",
      phone: "053-111111",
      socialLinks: [{ label: "Facebook", url: "https://facebook.com/test" }],
      executives: [{ name: "นายทดสอบ ใจดี", positionTh: "นายกเทศมนตรี" }],
    });
    const profile = await admin.agencyAdmin.profile({ agencyId: w.agencyA.id });
    expect(profile).toMatchObject({
      nameTh: "เทศบาลตำบลทดสอบ",
      phone: "053-111111",
      executives: [{ name: "นายทดสอบ ใจดี", positionTh: "นายกเทศมนตรี" }],
    });
    const own = await admin.audit.list({ agencyId: w.agencyA.id });
    expect(own.rows.every((r) => r.agencyId === w.agencyA.id)).toBe(true);
    expect(own.rows.find((r) => r.action === "agency.profile_updated")?.after).toMatchObject({
      phone: "053-111111",
    });
    expect(await failure(admin.audit.list({}))).toBe("FORBIDDEN");
    expect(await failure(admin.audit.list({ agencyId: w.agencyB.id }))).toBe("FORBIDDEN");
    const all = await (await w.caller("sysadmin")).audit.list({ limit: 200 });
    expect(new Set(all.rows.map((r) => r.action))).toContain("auth.sign_in");
    const text = JSON.stringify(await w.db.select().from(auditLog));
    for (const secret of [
      "approver-password-1",
      "ต้นไม้ริมแม่น้ำปิง",
      "old-password-is-long",
      "new-password-is-long",
    ])
      expect(text).not.toContain(secret);
  });
});
