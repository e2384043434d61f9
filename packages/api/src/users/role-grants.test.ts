/**
 * Four-eyes on role grants (issue 7, ADR 0014): one agency administrator cannot make a
 * workflow one person by giving themselves the approver role, or by adding roles to an
 * account they invited in the same session.
 */
import { auditLog, roleAssignments } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";

describeEachDriver("four-eyes on role grants", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  const failure = (p: Promise<unknown>) => p.then(() => "ok", errorCode);
  const rolesInA = async (userId: string) =>
    (
      await w.db
        .select({ role: roleAssignments.role })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.agencyId, w.agencyA.id)))
    )
      .map((r) => r.role)
      .sort();

  it("a grant to oneself waits for a second administrator, who confirms it; the audit names both", async () => {
    const admin = await w.caller("adminA");
    const secondAdmin = await createUser(w.db, {
      roles: [{ role: "agency-admin", agencyId: w.agencyA.id }],
    });
    expect(
      await admin.users.setRoles({
        agencyId: w.agencyA.id,
        userId: w.users.adminA.id,
        roles: ["agency-admin", "approver"],
      }),
    ).toEqual({
      userId: w.users.adminA.id,
      roles: ["agency-admin"],
      awaitingConfirmation: ["approver"],
    });
    expect(await rolesInA(w.users.adminA.id)).toEqual(["agency-admin"]);
    const listed = (await admin.users.list({ agencyId: w.agencyA.id })).find(
      (u) => u.id === w.users.adminA.id,
    );
    expect(listed).toMatchObject({ roles: ["agency-admin"], awaitingConfirmation: ["approver"] });
    // Neither the one who asked nor the one receiving may confirm.
    expect(
      await failure(
        admin.users.answerRoleGrant({
          agencyId: w.agencyA.id,
          userId: w.users.adminA.id,
          confirm: true,
        }),
      ),
    ).toBe("SECOND_ADMIN_REQUIRED");
    // An editor is no confirmer; a second administrator of the agency is.
    expect(
      await failure(
        (await w.caller("editorA")).users.answerRoleGrant({
          agencyId: w.agencyA.id,
          userId: w.users.adminA.id,
          confirm: true,
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await (
        await w.callerForUser(secondAdmin.id)
      ).users.answerRoleGrant({ agencyId: w.agencyA.id, userId: w.users.adminA.id, confirm: true }),
    ).toEqual({ userId: w.users.adminA.id, confirmed: true, roles: ["approver"] });
    expect(await rolesInA(w.users.adminA.id)).toEqual(["agency-admin", "approver"]);
    const audit = await w.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, w.users.adminA.id));
    expect(audit.find((r) => r.action === "user.role_grant_requested")).toMatchObject({
      actorId: w.users.adminA.id,
      after: { roles: ["approver"], grantedBy: w.users.adminA.email },
    });
    expect(audit.find((r) => r.action === "user.role_grant_confirmed")).toMatchObject({
      actorId: secondAdmin.id,
      after: {
        roles: ["approver"],
        grantedBy: [w.users.adminA.email],
        confirmedBy: secondAdmin.email,
      },
    });
    // Back to the world's shape for later tests.
    await (
      await w.caller("sysadmin")
    ).users.setRoles({
      agencyId: w.agencyA.id,
      userId: w.users.adminA.id,
      roles: ["agency-admin"],
    });
  });

  it("roles added in the same session to an account the administrator invited wait; other sessions and other people do not", async () => {
    const admin = await w.caller("adminA");
    const invited = await admin.users.invite({
      agencyId: w.agencyA.id,
      email: "puppet@test.example",
      displayName: "บัญชีที่สอง",
      roles: ["editor"],
    });
    expect(invited).toMatchObject({ created: true, awaitingConfirmation: [] });
    expect(await rolesInA(invited.userId)).toEqual(["editor"]);
    // Re-inviting with more roles is the same grant by another door.
    expect(
      await admin.users.invite({
        agencyId: w.agencyA.id,
        email: "puppet@test.example",
        displayName: "บัญชีที่สอง",
        roles: ["editor", "approver"],
      }),
    ).toMatchObject({ awaitingConfirmation: ["approver"] });
    expect(
      await admin.users.setRoles({
        agencyId: w.agencyA.id,
        userId: invited.userId,
        roles: ["editor", "approver", "complaint-officer"],
      }),
    ).toMatchObject({ roles: ["editor"], awaitingConfirmation: ["approver", "complaint-officer"] });
    // Inviting oneself (an existing account) is a grant to oneself.
    expect(
      await admin.users.invite({
        agencyId: w.agencyA.id,
        email: w.users.adminA.email,
        displayName: "x",
        roles: ["editor"],
      }),
    ).toMatchObject({ delivery: "offered", awaitingConfirmation: ["editor"] });
    expect(await (await w.caller("adminA")).invitations.mine()).toEqual([]);
    // Another of the administrator's sessions, and someone they did not invite, are direct.
    const member = await createUser(w.db, { roles: [{ role: "editor", agencyId: w.agencyA.id }] });
    expect(
      await admin.users.setRoles({
        agencyId: w.agencyA.id,
        userId: member.id,
        roles: ["editor", "approver"],
      }),
    ).toMatchObject({ roles: ["approver", "editor"], awaitingConfirmation: [] });
    // The one who asked may withdraw; a system administrator may confirm.
    expect(
      await admin.users.answerRoleGrant({
        agencyId: w.agencyA.id,
        userId: w.users.adminA.id,
        confirm: false,
      }),
    ).toMatchObject({ confirmed: false, roles: ["editor"] });
    await (
      await w.caller("sysadmin")
    ).users.answerRoleGrant({ agencyId: w.agencyA.id, userId: invited.userId, confirm: true });
    expect(await rolesInA(invited.userId)).toEqual(["approver", "complaint-officer", "editor"]);
    expect(
      await failure(
        admin.users.answerRoleGrant({
          agencyId: w.agencyA.id,
          userId: invited.userId,
          confirm: true,
        }),
      ),
    ).toBe("NOT_FOUND");
  });
});
