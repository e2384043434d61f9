import { auditLog } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, type World } from "./authz/test-world.ts";
import { containsPattern, prefixPattern } from "./like-pattern.ts";

describeEachDriver("admin filters take what is typed literally", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    await w.db.insert(auditLog).values([
      { action: "test_literal.x", actorLabel: "100%-sure@example.go.th" },
      { action: "testXliteral.x", actorLabel: "someone@example.go.th" },
    ]);
  }, 60_000);

  it("escapes LIKE's wildcards", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
    expect(prefixPattern("entry_")).toBe("entry\\_%");
  });

  it("audit filters: _ and % in an action or actor match themselves only", async () => {
    const sysadmin = await w.caller("sysadmin");
    const byAction = await sysadmin.audit.list({ action: "test_" });
    expect(byAction.rows.map((r) => r.action)).toEqual(["test_literal.x"]);
    const byActor = await sysadmin.audit.list({ actor: "%" });
    expect(byActor.rows.map((r) => r.actorLabel)).toEqual(["100%-sure@example.go.th"]);
  });

  it("agency search: a % finds only names that contain one", async () => {
    const sysadmin = await w.caller("sysadmin");
    expect(await sysadmin.agencyAdmin.mine({ q: "%" })).toEqual([]);
    expect((await sysadmin.agencyAdmin.mine({ q: "" })).length).toBeGreaterThan(0);
  });
});
