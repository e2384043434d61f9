import { auditLog, itaResults } from "@ita/db/schema";
import { createAgency, describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";

const LAMPHUN_2567 = [93.06, 94.42, 97.47, 84.2, 91.75, 93.4, 89.28, 83.31, 100, 100];

/** The tRPC error's Thai and English messages of the `csv` field. */
function csvErrors(error: unknown): { th: string[]; en: string[] } {
  const e = error as { cause?: { issues?: { message: string; params?: { en?: string } }[] } };
  const issues = e.cause?.issues ?? [];
  return { th: issues.map((i) => i.message), en: issues.map((i) => i.params?.en ?? "") };
}

describeEachDriver("ITA results kept by the province", (use) => {
  let w: World;
  let second: { id: string; slug: string };
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    second = await createAgency(w.db, { provinceId: w.agencyA.provinceId });
  }, 60_000);

  it("records a five-level result by its Thai label, stores the band's code, audits it", async () => {
    const coordinator = await w.caller("coordinatorA");
    const row = await coordinator.results.record({
      agencyId: w.agencyA.id,
      fiscalYear: 2567,
      indicators: LAMPHUN_2567,
      total: 94.25,
      grade: "ผ่านดี",
    });
    expect(row).toMatchObject({ gradingScheme: "five-level-2567", grade: "good", total: 94.25 });
    const audit = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "results.recorded"), eq(auditLog.targetId, row.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(w.users.coordinatorA.id);

    const view = await coordinator.results.province({
      provinceId: w.agencyA.provinceId,
      fiscalYear: 2567,
    });
    const mine = view.ranked.find((r) => r.id === w.agencyA.id)!;
    expect(mine.result).toMatchObject({
      computedTotal: 94.25,
      grade: { code: "good", labelTh: "ผ่านดี", passed: true },
      instruments: { iit: 92.18, eit: 88.66, oit: 100 },
      disagreements: [],
    });
    expect(view.withoutResult.map((a) => a.id)).toContain(second.id);
  });

  it("refuses a grade that is not in the year's scheme, in Thai and English", async () => {
    const coordinator = await w.caller("coordinatorA");
    const attempt = coordinator.results.record({
      agencyId: w.agencyA.id,
      fiscalYear: 2565,
      total: 90,
      grade: "ผ่านดี",
    });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const error = await attempt.catch((e: unknown) => e);
    expect(csvErrors(error).th[0]).toContain("ไม่มีในเกณฑ์ปี 2565");
    expect(csvErrors(error).en[0]).toContain("AA, A, B");
  });

  it("flags a published figure that disagrees, and keeps the published one", async () => {
    const sysadmin = await w.caller("sysadmin");
    await sysadmin.results.record({
      agencyId: second.id,
      fiscalYear: 2566,
      iit: 80,
      eit: 90,
      oit: 100,
      total: 93,
      grade: "A",
    });
    const view = await sysadmin.results.province({
      provinceId: w.agencyA.provinceId,
      fiscalYear: 2566,
    });
    const r = view.ranked.find((a) => a.id === second.id)!.result!;
    expect(r.total).toBe(93);
    expect(r.computedTotal).toBe(91);
    expect(r.disagreements.map((d) => d.kind)).toEqual(["total"]);
  });

  it("imports a CSV all or nothing, naming each bad line in Thai and English", async () => {
    const coordinator = await w.caller("coordinatorA");
    const bad = [
      "\uFEFFagency,fiscal_year,total,grade,iit,eit,oit",
      `${w.agencyA.slug},2565,๘๔.๙๙,B,,,`,
      `${second.slug},2565,101,B,,,`,
      `no-such-agency,2565,80,B,,,`,
      `${w.agencyB.slug},2565,80,B,,,`,
      `${w.agencyA.slug},2565,70,C,,,`,
    ].join("\r\n");
    const error = await coordinator.results
      .import({ provinceId: w.agencyA.provinceId, csv: bad })
      .catch((e: unknown) => e);
    expect(errorCode(error)).toBe("BAD_REQUEST");
    const { th, en } = csvErrors(error);
    expect(th.some((m) => m.startsWith("แถวที่ 3 (total)") && m.includes("ไม่เกิน 100"))).toBe(true);
    expect(en.some((m) => m.startsWith("Line 3 (total)"))).toBe(true);
    expect(th.some((m) => m.startsWith("แถวที่ 4 (agency)"))).toBe(true);
    // Another province's agency is unknown here, as if it did not exist.
    expect(en.some((m) => m.startsWith("Line 5 (agency): No agency"))).toBe(true);
    expect(en.some((m) => m.startsWith("Line 6 (agency): Same agency and year as line 2"))).toBe(
      true,
    );
    const written = await w.db
      .select()
      .from(itaResults)
      .where(and(eq(itaResults.agencyId, w.agencyA.id), eq(itaResults.fiscalYear, 2565)));
    expect(written).toEqual([]);

    const good = [
      "agency,fiscal_year,total,grade,indicator_9,indicator_10",
      `${w.agencyA.slug},2565,๘๔.๙๙,B,100,`,
      `${second.slug},2565,"71.69",C,,`,
    ].join("\n");
    expect(
      await coordinator.results.import({ provinceId: w.agencyA.provinceId, csv: good }),
    ).toEqual({ imported: 2 });
    const view = await coordinator.results.province({
      provinceId: w.agencyA.provinceId,
      fiscalYear: 2565,
    });
    expect(view.ranked.map((r) => [r.rank, r.result!.total, r.result!.grade.code])).toEqual([
      [1, 84.99, "B"],
      [2, 71.69, "C"],
    ]);
    expect(view.ranked[0]!.result!.indicators).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      100,
      null,
    ]);
    expect(view.summary).toMatchObject({ count: 2, passed: 0, failed: 2, average: 78.34 });
    // Failing agencies come with their history (2565 and 2566 for the second one).
    const history = view.failing.find((f) => f.id === second.id)!.history;
    expect(history.map((h) => h.fiscalYear)).toEqual([2565, 2566]);
  });

  it("refuses a header without the required columns", async () => {
    const coordinator = await w.caller("coordinatorA");
    const error = await coordinator.results
      .import({ provinceId: w.agencyA.provinceId, csv: "slug,year\nx,2565\n" })
      .catch((e: unknown) => e);
    expect(csvErrors(error).en[0]).toContain("Line 1");
  });

  it("sets the province's target and counts passes against it", async () => {
    const coordinator = await w.caller("coordinatorA");
    await coordinator.results.setTarget({
      provinceId: w.agencyA.provinceId,
      fiscalYear: 2565,
      passTarget: 2,
    });
    await coordinator.results.setTarget({
      provinceId: w.agencyA.provinceId,
      fiscalYear: 2565,
      passTarget: 1,
    });
    const view = await coordinator.results.province({
      provinceId: w.agencyA.provinceId,
      fiscalYear: 2565,
    });
    expect(view.summary).toMatchObject({ target: 1, passed: 0, shortOfTarget: 1 });
    expect(view.years).toEqual([2567, 2566, 2565]);
    const audit = await w.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "results.target_set"));
    expect(audit).toHaveLength(2);
  });

  it("lists the provinces an actor keeps results for", async () => {
    expect((await (await w.caller("coordinatorA")).results.provinces()).map((p) => p.id)).toEqual([
      w.agencyA.provinceId,
    ]);
    expect(await (await w.caller("adminA")).results.provinces()).toEqual([]);
    const all = await (await w.caller("sysadmin")).results.provinces();
    expect(all.map((p) => p.id)).toEqual(
      expect.arrayContaining([w.agencyA.provinceId, w.agencyB.provinceId]),
    );
  });
});

describeEachDriver("ITA results as open data", (use) => {
  it("lists the published results with the published grade, by year", async () => {
    const w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    const sysadmin = await w.caller("sysadmin");
    await sysadmin.results.record({
      agencyId: w.agencyA.id,
      fiscalYear: 2566,
      iit: 80,
      eit: 90,
      oit: 100,
      total: 86.5,
      grade: "A",
    });
    await sysadmin.results.record({
      agencyId: w.agencyB.id,
      fiscalYear: 2567,
      total: 94.25,
      grade: "ผ่านดี",
    });
    const anonymous = await w.caller("anonymous");
    const all = await anonymous.public.openResults();
    expect(all.map((r) => r.fiscalYear)).toEqual([2567, 2566]);
    // Published, not computed (the instruments give 91.00).
    expect(all[1]).toMatchObject({ total: 86.5, grade: { code: "A", labelTh: "ผ่าน ระดับ A" } });
    expect(all[0]!.grade).toMatchObject({ code: "good", labelTh: "ผ่านดี", passed: true });
    expect(await anonymous.public.openResults({ fiscalYear: 2566 })).toHaveLength(1);
  }, 60_000);
});
