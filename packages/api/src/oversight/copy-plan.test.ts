/**
 * Copying last year's review plan (issue 8): the coordinator gets last year's rounds with
 * deadlines a year on (a weekend or stored holiday passed over), items found in this year's criteria by role or code, and a report
 * of what could not be mapped; a year with a plan is left alone; audited.
 */
import {
  agencies,
  auditLog,
  frameworkItems,
  frameworks,
  provinceReviewRounds,
  publicHolidays,
} from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";
import { forgetHolidays } from "../holidays/load-holidays.ts";

describeEachDriver("copying last year's review plan", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    // 2568's criteria for agency A's type: O1 kept, the complaint statistics renumbered
    // O30 (found by its tag), O2 gone.
    const [type] = await w.db
      .select({ type: agencies.type })
      .from(agencies)
      .where(eq(agencies.id, w.agencyA.id));
    const [f] = await w.db
      .insert(frameworks)
      .values({
        key: "copy-plan-2568",
        fiscalYear: 2568,
        agencyTypes: [type!.type],
        titleTh: "เกณฑ์ 2568",
        titleEn: "Criteria 2568",
        gradingScheme: "five-level-2567",
      })
      .returning();
    await w.db.insert(frameworkItems).values([
      {
        frameworkId: f!.id,
        code: "O1",
        titleTh: "โครงสร้าง",
        titleEn: "Structure",
        categories: [1],
        sortOrder: 1,
      },
      {
        frameworkId: f!.id,
        code: "O30",
        titleTh: "ข้อมูลเชิงสถิติเรื่องร้องเรียน",
        titleEn: "Complaint statistics",
        categories: [5],
        sortOrder: 30,
        tag: "complaint-statistics",
      },
    ]);
    await w.db.insert(provinceReviewRounds).values([
      {
        provinceId: w.agencyA.provinceId,
        fiscalYear: 2567,
        number: 1,
        titleTh: "ครั้งที่ 1 (ม.ค. 2567)",
        deadline: "2024-01-31",
        itemCodes: ["O1", "O2"],
      },
      {
        provinceId: w.agencyA.provinceId,
        fiscalYear: 2567,
        number: 2,
        titleTh: "ครั้งที่ 2",
        deadline: "2024-02-12",
        itemCodes: ["O29"],
      },
      {
        provinceId: w.agencyA.provinceId,
        fiscalYear: 2567,
        number: 3,
        titleTh: "ครั้งที่ 3",
        deadline: "2024-04-07",
        itemCodes: ["O2"],
      },
    ]);
    // Round 2's day a year on, Wednesday 12 February 2025, is Makha Bucha day.
    await w.db
      .insert(publicHolidays)
      .values({ date: "2025-02-12", nameTh: "วันมาฆบูชา" })
      .onConflictDoNothing();
    forgetHolidays();
  }, 60_000);

  const failure = (p: Promise<unknown>) =>
    p.then(
      () => "ok",
      (e: { cause?: { issues?: { path: unknown[] }[] } }) =>
        e.cause?.issues ? `field:${String(e.cause.issues[0]!.path[0])}` : errorCode(e),
    );
  const roundsOf = (fiscalYear: number) =>
    w.db
      .select({
        number: provinceReviewRounds.number,
        titleTh: provinceReviewRounds.titleTh,
        deadline: provinceReviewRounds.deadline,
        itemCodes: provinceReviewRounds.itemCodes,
      })
      .from(provinceReviewRounds)
      .where(
        and(
          eq(provinceReviewRounds.provinceId, w.agencyA.provinceId),
          eq(provinceReviewRounds.fiscalYear, fiscalYear),
        ),
      )
      .orderBy(asc(provinceReviewRounds.number));

  it("copies the rounds a year on, maps items by tag or code and reports the rest; audited", async () => {
    const coordinator = await w.caller("coordinatorA");
    const result = await coordinator.oversight.copyPlan({
      provinceId: w.agencyA.provinceId,
      fiscalYear: 2568,
    });
    expect(result).toEqual({
      fromYear: 2567,
      fiscalYear: 2568,
      rounds: 2,
      unmapped: [
        { roundNumber: 1, code: "O2" },
        { roundNumber: 3, code: "O2" },
      ],
      renamed: [{ roundNumber: 2, from: "O29", to: "O30" }],
      dropped: [3],
      // The holiday is passed over to the next working day, and 2025 has holidays entered.
      movedToWorkingDay: [{ roundNumber: 2, from: "2025-02-12", to: "2025-02-13" }],
      yearsWithoutHolidays: [],
    });
    expect(await roundsOf(2568)).toEqual([
      { number: 1, titleTh: "ครั้งที่ 1 (ม.ค. 2568)", deadline: "2025-01-31", itemCodes: ["O1"] },
      { number: 2, titleTh: "ครั้งที่ 2", deadline: "2025-02-13", itemCodes: ["O30"] },
    ]);
    // The copy is an ordinary plan: the checklist shows its deadlines.
    const plan = await coordinator.oversight.plan({
      provinceId: w.agencyA.provinceId,
      fiscalYear: 2568,
    });
    expect(plan.rounds.map((r) => r.itemCodes)).toEqual([["O1"], ["O30"]]);
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "review-plan.copy"), eq(auditLog.targetId, w.agencyA.provinceId)),
      );
    expect(audit).toMatchObject({
      actorId: w.users.coordinatorA.id,
      after: {
        fromYear: 2567,
        fiscalYear: 2568,
        dropped: [3],
        movedToWorkingDay: [{ roundNumber: 2, from: "2025-02-12", to: "2025-02-13" }],
      },
    });
  });

  it("leaves a year that has a plan alone, and says when last year had none (beside the year)", async () => {
    const coordinator = await w.caller("coordinatorA");
    const provinceId = w.agencyA.provinceId;
    expect(await failure(coordinator.oversight.copyPlan({ provinceId, fiscalYear: 2568 }))).toBe(
      "field:fiscalYear",
    );
    expect(await roundsOf(2568)).toHaveLength(2);
    expect(await failure(coordinator.oversight.copyPlan({ provinceId, fiscalYear: 2571 }))).toBe(
      "field:fiscalYear",
    );
    expect(await roundsOf(2571)).toEqual([]);
  });

  it("another province's coordinator cannot copy this province's plan", async () => {
    expect(
      await failure(
        (await w.caller("coordinatorA")).oversight.copyPlan({
          provinceId: w.agencyB.provinceId,
          fiscalYear: 2568,
        }),
      ),
    ).toBe("FORBIDDEN");
  });
});
