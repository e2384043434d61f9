/**
 * Province coordinators and system administrators, granted and revoked by system
 * administrators (ADR 0026): grants go to an existing account found by e-mail and name
 * the province; nobody grants themselves; the last system administrator stays; a revoked
 * role is gone from the holder's open sessions at their next request; all audited.
 */
import { auditLog, roleAssignments, users } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createSession } from "../auth/sessions.ts";
import { createCaller } from "../index.ts";
import { buildWorld, contextFor, errorCode, type World } from "../authz/test-world.ts";

describeEachDriver("province coordinators and system administrators", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  const failure = (p: Promise<unknown>) => p.then(() => "ok", errorCode);
  /** The field a refusal names, or the refusal's code. */
  const refusedField = (p: Promise<unknown>) =>
    p.then(
      () => "ok",
      (e: { cause?: { issues?: { path: unknown[] }[] } }) =>
        e.cause?.issues ? `field:${String(e.cause.issues[0]!.path[0])}` : errorCode(e),
    );
  /** A new request on an existing session token: roles are loaded per request. */
  const request = async (token: string) => createCaller(await contextFor(w.db, token, w.now));
  const audits = async (action: string, targetId: string) =>
    w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

  it("grants a coordinator the province the grant names; the open session gains it, and loses it at once on revoke", async () => {
    const person = await createUser(w.db, { roles: [{ role: "editor", agencyId: w.agencyB.id }] });
    const { token } = await createSession(w.db, person.id, { twoFactorVerified: true, now: w.now });
    const provinceId = w.agencyA.provinceId;
    expect(
      await failure((await request(token)).oversight.plan({ provinceId, fiscalYear: 2568 })),
    ).toBe("FORBIDDEN");

    const admin = await w.caller("sysadmin");
    expect(await admin.systemRoles.grantCoordinator({ email: person.email, provinceId })).toEqual({
      userId: person.id,
      provinceId,
    });
    expect(
      await failure((await request(token)).oversight.plan({ provinceId, fiscalYear: 2568 })),
    ).toBe("ok");
    // Only that province.
    expect(
      await failure(
        (await request(token)).oversight.plan({
          provinceId: w.agencyB.provinceId,
          fiscalYear: 2568,
        }),
      ),
    ).toBe("FORBIDDEN");
    const list = await admin.systemRoles.list();
    expect(
      list.provinces.find((p) => p.id === provinceId)!.coordinators.map((c) => c.userId),
    ).toContain(person.id);
    const [granted] = await audits("user.coordinator_granted", person.id);
    expect(granted).toMatchObject({ actorId: w.users.sysadmin.id, after: { provinceId } });
    const [row] = await w.db
      .select()
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, person.id),
          eq(roleAssignments.role, "province-coordinator"),
        ),
      );
    expect(row!.grantedBy).toBe(w.users.sysadmin.id);

    await admin.systemRoles.revokeCoordinator({ userId: person.id, provinceId });
    expect(
      await failure((await request(token)).oversight.plan({ provinceId, fiscalYear: 2568 })),
    ).toBe("FORBIDDEN");
    // Their agency role stays.
    expect(
      await failure(
        (await request(token)).entries.checklist({ agencyId: w.agencyB.id, fiscalYear: 2568 }),
      ),
    ).toBe("ok");
    expect(await audits("user.coordinator_revoked", person.id)).toHaveLength(1);
    expect(
      await failure(admin.systemRoles.revokeCoordinator({ userId: person.id, provinceId })),
    ).toBe("NOT_FOUND");
  });

  it("refuses grants next to the e-mail field: unknown, disabled, never signed up, oneself, already held", async () => {
    const admin = await w.caller("sysadmin");
    const provinceId = w.agencyA.provinceId;
    const grant = (email: string) =>
      refusedField(admin.systemRoles.grantCoordinator({ email, provinceId }));
    expect(await grant("nobody@test.example")).toBe("field:email");
    const [disabled] = await w.db
      .insert(users)
      .values({
        email: "left@test.example",
        displayName: "ออกแล้ว",
        passwordHash: "x",
        disabledAt: w.now,
      })
      .returning();
    expect(await grant(disabled!.email)).toBe("field:email");
    const [invited] = await w.db
      .insert(users)
      .values({ email: "invited@test.example", displayName: "รอตอบรับ" })
      .returning();
    expect(await grant(invited!.email)).toBe("field:email");
    expect(await grant(w.users.sysadmin.email)).toBe("field:email");
    expect(
      await refusedField(admin.systemRoles.grantSystemAdmin({ email: w.users.sysadmin.email })),
    ).toBe("field:email");
    expect(await grant(w.users.coordinatorA.email)).toBe("field:email"); // already coordinates A
    expect(
      await refusedField(
        admin.systemRoles.grantCoordinator({
          email: w.users.editorA.email,
          provinceId: crypto.randomUUID(),
        }),
      ),
    ).toBe("field:provinceId");
    expect(await audits("user.coordinator_granted", disabled!.id)).toHaveLength(0);
  });

  it("a new system administrator acts at once (after their second factor); revoking ends it at the next request", async () => {
    const person = await createUser(w.db);
    const verified = await createSession(w.db, person.id, { twoFactorVerified: true, now: w.now });
    const unverified = await createSession(w.db, person.id, { now: w.now });
    const admin = await w.caller("sysadmin");
    await admin.systemRoles.grantSystemAdmin({ email: person.email });
    expect(await failure((await request(verified.token)).systemRoles.list())).toBe("ok");
    // System administrators confirm every session with a second factor.
    expect(await failure((await request(unverified.token)).systemRoles.list())).toBe(
      "TWO_FACTOR_REQUIRED",
    );
    expect(await audits("user.system_admin_granted", person.id)).toHaveLength(1);
    expect(await refusedField(admin.systemRoles.grantSystemAdmin({ email: person.email }))).toBe(
      "field:email",
    );

    await admin.systemRoles.revokeSystemAdmin({ userId: person.id });
    expect(await failure((await request(verified.token)).systemRoles.list())).toBe("FORBIDDEN");
    expect(await audits("user.system_admin_revoked", person.id)).toHaveLength(1);
    expect(await failure(admin.systemRoles.revokeSystemAdmin({ userId: person.id }))).toBe(
      "NOT_FOUND",
    );
  });

  it("the last enabled system administrator cannot revoke themselves; with another one they can", async () => {
    // Only enabled administrators count: a disabled one keeps nobody in charge.
    await w.db.update(users).set({ isSystemAdmin: false }).where(eq(users.isSystemAdmin, true));
    await w.db.insert(users).values({
      email: "gone-admin@test.example",
      displayName: "ลาออก",
      isSystemAdmin: true,
      disabledAt: w.now,
    });
    await w.db.update(users).set({ isSystemAdmin: true }).where(eq(users.id, w.users.sysadmin.id));
    const admin = await w.caller("sysadmin");
    expect(
      await failure(admin.systemRoles.revokeSystemAdmin({ userId: w.users.sysadmin.id })),
    ).toBe("LAST_SYSTEM_ADMIN");
    const second = await createUser(w.db);
    await admin.systemRoles.grantSystemAdmin({ email: second.email });
    const secondCaller = await w.callerForUser(second.id);
    // The second one may not take the first one's flag away if that leaves none either.
    await secondCaller.systemRoles.revokeSystemAdmin({ userId: w.users.sysadmin.id });
    expect(await failure(secondCaller.systemRoles.revokeSystemAdmin({ userId: second.id }))).toBe(
      "LAST_SYSTEM_ADMIN",
    );
    const [audit] = await audits("user.system_admin_revoked", w.users.sysadmin.id);
    expect(audit).toMatchObject({ actorId: second.id, after: { self: false } });
    // With another administrator again, one may step down.
    await w.db.update(users).set({ isSystemAdmin: true }).where(eq(users.id, w.users.sysadmin.id));
    expect(
      await (await w.callerForUser(second.id)).systemRoles.revokeSystemAdmin({ userId: second.id }),
    ).toEqual({ userId: second.id, self: true });
  });
});
