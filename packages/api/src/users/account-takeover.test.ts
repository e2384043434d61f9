/**
 * Issue 7's critical finding, replayed at the API: an agency administrator invites an
 * existing account (a system administrator, a coordinator, another agency's approver),
 * resets its second factor, takes a password-reset link and signs in as it. Every step
 * must be refused; invitations of existing accounts wait for their holder (ADR 0014).
 */
import type { AddressInfo } from "node:net";
import { auditLog, roleAssignments, users } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";
import { fakeSmtp } from "../testing/fake-smtp.ts";

describeEachDriver("account takeover through invitations and resets", (use) => {
  let w: World;
  const smtp = fakeSmtp();
  let smtpUrl = "";
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const failure = (p: Promise<unknown>) => p.then(() => "ok", errorCode);
  const rolesInA = async (userId: string) =>
    (
      await w.db
        .select({ role: roleAssignments.role })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.agencyId, w.agencyA.id)))
    ).map((r) => r.role);

  it("an agency administrator cannot take over a system administrator (the reported chain)", async () => {
    const admin = await w.caller("adminA");
    const victim = w.users.sysadmin;
    vi.stubEnv("SMTP_URL", "");
    // 1. Inviting the e-mail only offers the roles; the account does not become a member.
    const invited = await admin.users.invite({
      agencyId: w.agencyA.id,
      email: victim.email,
      displayName: "ใครก็ได้",
      roles: ["agency-admin", "approver"],
    });
    expect(invited).toMatchObject({ userId: victim.id, delivery: "offered", link: null });
    expect(await rolesInA(victim.id)).toEqual([]);
    const listed = (await admin.users.list({ agencyId: w.agencyA.id })).find(
      (u) => u.id === victim.id,
    );
    expect(listed).toMatchObject({ roles: [], pendingRoles: ["agency-admin", "approver"] });
    // 2. No reset link and 3. no second-factor reset for a non-member.
    expect(
      await failure(admin.users.createResetLink({ agencyId: w.agencyA.id, userId: victim.id })),
    ).toBe("NOT_FOUND");
    expect(
      await failure(admin.users.resetTwoFactor({ agencyId: w.agencyA.id, userId: victim.id })),
    ).toBe("NOT_FOUND");
    // Nothing about the account changed; its session still stands.
    const [row] = await w.db.select().from(users).where(eq(users.id, victim.id));
    expect(row!.passwordHash).not.toBeNull();
    expect((await (await w.caller("sysadmin")).auth.me())?.isSystemAdmin).toBe(true);
    // 4. Even after the system administrator accepted the membership, only a system
    // administrator may reset their access.
    const sysadmin = await w.caller("sysadmin");
    expect(await sysadmin.invitations.mine()).toMatchObject([
      { agencyId: w.agencyA.id, roles: ["agency-admin", "approver"] },
    ]);
    await sysadmin.invitations.answer({ agencyId: w.agencyA.id, accept: true });
    expect((await rolesInA(victim.id)).sort()).toEqual(["agency-admin", "approver"]);
    expect(
      await failure(admin.users.createResetLink({ agencyId: w.agencyA.id, userId: victim.id })),
    ).toBe("SYSTEM_ADMIN_ONLY");
    expect(
      await failure(admin.users.resetTwoFactor({ agencyId: w.agencyA.id, userId: victim.id })),
    ).toBe("SYSTEM_ADMIN_ONLY");
  });

  it("a coordinator or another agency's approver who joined agency A is reset only by a system administrator", async () => {
    const admin = await w.caller("adminA");
    const approverB = await createUser(w.db, {
      roles: [{ role: "approver", agencyId: w.agencyB.id }],
    });
    for (const victim of [w.users.coordinatorA, approverB]) {
      expect(
        await admin.users.invite({
          agencyId: w.agencyA.id,
          email: victim.email,
          displayName: "x",
          roles: ["editor"],
        }),
      ).toMatchObject({ delivery: "offered", link: null });
      await (
        await w.callerForUser(victim.id)
      ).invitations.answer({
        agencyId: w.agencyA.id,
        accept: true,
      });
      expect(await rolesInA(victim.id)).toEqual(["editor"]);
      for (const reset of [admin.users.createResetLink, admin.users.resetTwoFactor])
        expect(await failure(reset({ agencyId: w.agencyA.id, userId: victim.id }))).toBe(
          "SYSTEM_ADMIN_ONLY",
        );
    }
    // A pending invitation elsewhere counts too: B's offer makes A's editor off limits for A.
    const editor = await createUser(w.db, { roles: [{ role: "editor", agencyId: w.agencyA.id }] });
    const adminB = await createUser(w.db, {
      roles: [{ role: "agency-admin", agencyId: w.agencyB.id }],
    });
    await (
      await w.callerForUser(adminB.id)
    ).users.invite({
      agencyId: w.agencyB.id,
      email: editor.email,
      displayName: "x",
      roles: ["editor"],
    });
    expect(
      await failure(admin.users.resetTwoFactor({ agencyId: w.agencyA.id, userId: editor.id })),
    ).toBe("SYSTEM_ADMIN_ONLY");
    // The system administrator may, and without SMTP is the only one shown the link.
    vi.stubEnv("SMTP_URL", "");
    const sysadmin = await w.caller("sysadmin");
    expect(
      await sysadmin.users.createResetLink({ agencyId: w.agencyA.id, userId: approverB.id }),
    ).toMatchObject({ delivery: "show", link: expect.stringContaining("set-password?token=") });
    // A half-finished enrolment and its superseded secret go with the reset too.
    await w.db
      .update(users)
      .set({
        totpPendingKey: new Uint8Array([1]),
        totpPendingCreatedAt: w.now,
        totpSupersededKey: new Uint8Array([2]),
        totpLastStep: 1,
      })
      .where(eq(users.id, approverB.id));
    expect(
      await sysadmin.users.resetTwoFactor({ agencyId: w.agencyA.id, userId: approverB.id }),
    ).toEqual({ ok: true });
    const [after] = await w.db.select().from(users).where(eq(users.id, approverB.id));
    expect(after).toMatchObject({
      totpKey: null,
      totpPendingKey: null,
      totpPendingCreatedAt: null,
      totpSupersededKey: null,
      totpLastStep: null,
    });
  });

  it("the account holder accepts or declines an invitation after signing in; both are audited", async () => {
    const admin = await w.caller("adminA");
    const accepting = await createUser(w.db, {
      roles: [{ role: "editor", agencyId: w.agencyB.id }],
    });
    const declining = await createUser(w.db, {
      roles: [{ role: "editor", agencyId: w.agencyB.id }],
    });
    for (const u of [accepting, declining])
      await admin.users.invite({
        agencyId: w.agencyA.id,
        email: u.email,
        displayName: "x",
        roles: ["approver"],
      });
    const a = await w.callerForUser(accepting.id);
    expect(await a.invitations.mine()).toEqual([
      expect.objectContaining({ agencyId: w.agencyA.id, roles: ["approver"] }),
    ]);
    expect(await a.invitations.answer({ agencyId: w.agencyA.id, accept: true })).toEqual({
      agencyId: w.agencyA.id,
      accepted: true,
      roles: ["approver"],
    });
    expect(await a.invitations.mine()).toEqual([]);
    expect(await rolesInA(accepting.id)).toEqual(["approver"]);
    const d = await w.callerForUser(declining.id);
    await d.invitations.answer({ agencyId: w.agencyA.id, accept: false });
    expect(await rolesInA(declining.id)).toEqual([]);
    expect(await failure(d.invitations.answer({ agencyId: w.agencyA.id, accept: true }))).toBe(
      "NOT_FOUND",
    );
    const audit = await w.db.select().from(auditLog);
    expect(
      audit.find((r) => r.action === "user.invitation_accepted" && r.actorId === accepting.id),
    ).toMatchObject({ agencyId: w.agencyA.id, after: { roles: ["approver"] } });
    expect(
      audit.find((r) => r.action === "user.invitation_declined" && r.actorId === declining.id),
    ).toBeDefined();
    expect(
      audit.find((r) => r.action === "user.invite_offered" && r.targetId === accepting.id),
    ).toMatchObject({ actorId: w.users.adminA.id, after: { offered: ["approver"] } });
  });

  it("links for someone else: e-mailed with SMTP, shown without it only for a brand-new account's invitation", async () => {
    const admin = await w.caller("adminA");
    const member = await createUser(w.db, { roles: [{ role: "editor", agencyId: w.agencyA.id }] });
    // Without SMTP an agency administrator cannot obtain a colleague's reset link.
    vi.stubEnv("SMTP_URL", "");
    expect(
      await failure(admin.users.createResetLink({ agencyId: w.agencyA.id, userId: member.id })),
    ).toBe("EMAIL_NOT_CONFIGURED");
    const fresh = await admin.users.invite({
      agencyId: w.agencyA.id,
      email: "brand.new@test.example",
      displayName: "คนใหม่",
      roles: ["editor"],
    });
    expect(fresh).toMatchObject({ created: true, delivery: "show" });
    // Re-inviting an account that never set a password and answers to A alone resends its link.
    expect(
      await admin.users.invite({
        agencyId: w.agencyA.id,
        email: "brand.new@test.example",
        displayName: "คนใหม่",
        roles: ["editor"],
      }),
    ).toMatchObject({ created: false, delivery: "show" });
    // An account another agency invited (no password yet) is only offered, never linked.
    const adminB = await createUser(w.db, {
      roles: [{ role: "agency-admin", agencyId: w.agencyB.id }],
    });
    await (
      await w.callerForUser(adminB.id)
    ).users.invite({
      agencyId: w.agencyB.id,
      email: "invited.by.b@test.example",
      displayName: "x",
      roles: ["editor"],
    });
    expect(
      await admin.users.invite({
        agencyId: w.agencyA.id,
        email: "invited.by.b@test.example",
        displayName: "x",
        roles: ["editor"],
      }),
    ).toMatchObject({ delivery: "offered", link: null });

    // With SMTP nothing is shown to anyone: the links go to the holder's mailbox.
    vi.stubEnv("SMTP_URL", smtpUrl);
    vi.stubEnv("PUBLIC_URL", "https://ita.example.go.th");
    const before = smtp.messages.length;
    expect(
      await admin.users.createResetLink({ agencyId: w.agencyA.id, userId: member.id }),
    ).toEqual({ delivery: "email", link: null });
    expect(
      await (
        await w.caller("sysadmin")
      ).users.createResetLink({ agencyId: w.agencyA.id, userId: member.id }),
    ).toEqual({ delivery: "email", link: null });
    expect(
      await admin.users.invite({
        agencyId: w.agencyA.id,
        email: "mailed@test.example",
        displayName: "ทางอีเมล",
        roles: ["editor"],
      }),
    ).toMatchObject({ created: true, delivery: "email", link: null });
    expect(smtp.messages.length - before).toBe(3);
    expect(smtp.messages.at(-1)).toContain("mailed@test.example");
  });
});
