/**
 * Staff who leave (issue 10): their roles in the agency end at once; an account that
 * answers to this agency alone is disabled and signed out; one with roles elsewhere keeps
 * them. The account row stays for the history; the removal is audited.
 */
import { auditLog, roleAssignments, sessions, users } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createSession } from "../auth/sessions.ts";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";

describeEachDriver("removing a member who leaves", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  const failure = (p: Promise<unknown>) => p.then(() => "ok", errorCode);
  const rolesOf = async (userId: string) =>
    (
      await w.db
        .select({ role: roleAssignments.role, agencyId: roleAssignments.agencyId })
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, userId))
    ).map((r) => `${r.agencyId === w.agencyA.id ? "A" : "B"}:${r.role}`);
  const sessionsOf = async (userId: string) =>
    (await w.db.select().from(sessions).where(eq(sessions.userId, userId))).length;

  it("an account of this agency alone loses its roles, is disabled and signed out at once; audited", async () => {
    const clerk = await createUser(w.db, {
      roles: [
        { role: "editor", agencyId: w.agencyA.id },
        { role: "approver", agencyId: w.agencyA.id },
      ],
    });
    await createSession(w.db, clerk.id, { twoFactorVerified: true });
    const admin = await w.caller("adminA");
    expect(await admin.users.remove({ agencyId: w.agencyA.id, userId: clerk.id })).toEqual({
      userId: clerk.id,
      disabled: true,
    });
    expect(await rolesOf(clerk.id)).toEqual([]);
    expect(await sessionsOf(clerk.id)).toBe(0);
    const [row] = await w.db.select().from(users).where(eq(users.id, clerk.id));
    expect(row!.disabledAt).not.toBeNull(); // the row stays: history keeps the name
    expect((await admin.users.list({ agencyId: w.agencyA.id })).map((u) => u.id)).not.toContain(
      clerk.id,
    );
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.removed"), eq(auditLog.targetId, clerk.id)));
    expect(audit).toMatchObject({
      actorId: w.users.adminA.id,
      agencyId: w.agencyA.id,
      before: { roles: ["approver", "editor"], offered: [] },
      after: { roles: [], disabled: true },
    });
  });

  it("a member with roles elsewhere only loses this agency's roles and stays signed in", async () => {
    const both = await createUser(w.db, {
      roles: [
        { role: "editor", agencyId: w.agencyA.id },
        { role: "approver", agencyId: w.agencyB.id },
      ],
    });
    await createSession(w.db, both.id, { twoFactorVerified: true });
    const admin = await w.caller("adminA");
    expect(await admin.users.remove({ agencyId: w.agencyA.id, userId: both.id })).toEqual({
      userId: both.id,
      disabled: false,
    });
    expect(await rolesOf(both.id)).toEqual(["B:approver"]);
    expect(await sessionsOf(both.id)).toBe(1);
    const [row] = await w.db.select().from(users).where(eq(users.id, both.id));
    expect(row!.disabledAt).toBeNull();
  });

  it("refuses removing oneself, someone of another agency only, and a non-administrator", async () => {
    const admin = await w.caller("adminA");
    expect(
      await failure(admin.users.remove({ agencyId: w.agencyA.id, userId: w.users.adminA.id })),
    ).toBe("CONFLICT");
    expect(
      await failure(admin.users.remove({ agencyId: w.agencyA.id, userId: w.users.editorB.id })),
    ).toBe("NOT_FOUND");
    expect(
      await failure(
        (await w.caller("editorA")).users.remove({
          agencyId: w.agencyA.id,
          userId: w.users.approverA.id,
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await rolesOf(w.users.approverA.id)).toContain("A:approver");
  });
});
