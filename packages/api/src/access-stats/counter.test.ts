import { accessCounters, siteSearchCounters } from "@ita/db/schema";
import { createAgency, createProvince, describeEachDriver } from "@ita/db/testing";
import { and, eq, getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AccessCounter } from "./counter.ts";

describe("what access statistics keep", () => {
  // Issue 8: counted without storing addresses or cookies. The tables hold an aggregate
  // per agency (or the whole site), quarter and kind, and nothing about who asked: a new
  // column (an address, a session, a user agent) fails here and needs a decision.
  it("is a count per agency, quarter and kind, with nothing about the visitor", () => {
    expect(Object.keys(getTableColumns(accessCounters)).sort()).toEqual(
      ["agencyId", "count", "fiscalYear", "kind", "quarter"].sort(),
    );
    expect(Object.keys(getTableColumns(siteSearchCounters)).sort()).toEqual(
      ["count", "fiscalYear", "quarter"].sort(),
    );
  });
});

describeEachDriver("access counters", (use) => {
  it("adds batched hits per agency, quarter and kind; unknown slugs are dropped", async () => {
    const { db } = use();
    const province = await createProvince(db);
    const agency = await createAgency(db, { provinceId: province.id });
    const counter = new AccessCounter();
    const q1 = new Date("2024-11-15T05:00:00Z");
    const q2 = new Date("2025-02-15T05:00:00Z");
    for (let i = 0; i < 3; i++) counter.hit("page-view", { agencySlug: agency.slug }, q1);
    counter.hit("page-view", { agencySlug: agency.slug }, q2);
    counter.hit("search", { agencySlug: agency.slug }, q1);
    counter.hit("page-view", { agencySlug: "no-such-agency" }, q1);
    expect(counter.pendingKeys).toBe(4);
    await counter.flush(db);
    expect(counter.pendingKeys).toBe(0);
    counter.hit("page-view", { agencySlug: agency.slug }, q1);
    await counter.flush(db);
    const rows = await db
      .select()
      .from(accessCounters)
      .where(eq(accessCounters.agencyId, agency.id));
    const count = (quarter: number, kind: string) =>
      rows.find((r) => r.quarter === quarter && r.kind === kind && r.fiscalYear === 2568)?.count;
    expect(count(1, "page-view")).toBe(4);
    expect(count(2, "page-view")).toBe(1);
    expect(count(1, "search")).toBe(1);
    expect(rows).toHaveLength(3);
    const [none] = await db
      .select()
      .from(accessCounters)
      .where(and(eq(accessCounters.kind, "download"), eq(accessCounters.agencyId, agency.id)));
    expect(none).toBeUndefined();
  }, 60_000);
});

describeEachDriver("access statistics for the executives", (use) => {
  it("the agency's administrator reads the quarters of a year, zeros included; downloads count by file", async () => {
    const { buildWorld } = await import("../authz/test-world.ts");
    const { createDisclosureEntry } = await import("@ita/db/testing");
    const { attachments } = await import("@ita/db/schema");
    const w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    const entry = await createDisclosureEntry(w.db, {
      agencyId: w.agencyA.id,
      authorId: w.editorA2.id,
      state: "published",
      itemCode: "O5",
    });
    const [file] = await w.db
      .insert(attachments)
      .values({
        entryId: entry.id,
        versionId: entry.currentVersionId,
        fileName: "a.pdf",
        contentType: "application/pdf",
        sizeBytes: 1,
        sha256: "0".repeat(64),
        storageKey: "0".repeat(64),
      })
      .returning();
    const counter = new AccessCounter();
    const at = new Date("2025-01-10T05:00:00Z");
    counter.hit("page-view", { agencySlug: w.agencyA.slug }, at);
    counter.hit("download", { attachmentId: file!.id }, at);
    counter.hit("download", { attachmentId: file!.id }, at);
    counter.hit("page-view", { agencySlug: w.agencyB.slug }, at);
    await counter.flush(w.db);
    const stats = await (
      await w.caller("adminA")
    ).accessStats.quarterly({
      agencyId: w.agencyA.id,
      fiscalYear: 2568,
    });
    expect(stats.quarters).toEqual([
      { quarter: 1, "page-view": 0, download: 0, search: 0 },
      { quarter: 2, "page-view": 1, download: 2, search: 0 },
      { quarter: 3, "page-view": 0, download: 0, search: 0 },
      { quarter: 4, "page-view": 0, download: 0, search: 0 },
    ]);
  }, 60_000);
});

describeEachDriver("site-wide searches", (use) => {
  it("are counted per quarter without an agency; coordinators and system administrators read them, agency roles do not", async () => {
    const { buildWorld, errorCode } = await import("../authz/test-world.ts");
    const w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    const counter = new AccessCounter();
    const q1 = new Date("2024-11-15T05:00:00Z");
    const q2 = new Date("2025-02-15T05:00:00Z");
    for (let i = 0; i < 3; i++) counter.hit("search", { site: true }, q1);
    counter.hit("search", { site: true }, q2);
    counter.hit("search", { agencySlug: w.agencyA.slug }, q2);
    await counter.flush(w.db);
    counter.hit("search", { site: true }, q1);
    await counter.flush(w.db);
    expect(await w.db.select().from(siteSearchCounters)).toHaveLength(2);
    for (const actor of ["coordinatorA", "sysadmin"] as const) {
      const stats = await (
        await w.caller(actor)
      ).accessStats.siteSearches({ provinceId: w.agencyA.provinceId, fiscalYear: 2568 });
      expect(stats.quarters).toEqual([
        { quarter: 1, search: 4 },
        { quarter: 2, search: 1 },
        { quarter: 3, search: 0 },
        { quarter: 4, search: 0 },
      ]);
    }
    expect(
      await (
        await w.caller("adminA")
      ).accessStats
        .siteSearches({ provinceId: w.agencyA.provinceId, fiscalYear: 2568 })
        .then(() => "ok", errorCode),
    ).toBe("FORBIDDEN");
  }, 60_000);
});
