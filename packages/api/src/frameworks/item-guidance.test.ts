/**
 * "What must be shown" (a framework item's guidance) reaches the people who act on it:
 * the clerk's checklist, the coordinator's review sheet and the item's public page.
 */
import { frameworkItems, frameworks, provinceReviewRounds } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, type World } from "../authz/test-world.ts";

const FY = 2568;
const GUIDANCE_TH = "แสดงที่อยู่ หมายเลขโทรศัพท์ อีเมล และแผนที่ตั้งของหน่วยงาน";
const GUIDANCE_EN = "Address, telephone, e-mail and a map of the agency's location.";

describeEachDriver("an item's guidance", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    // Before any public read: public pages read frameworks through a one-minute cache.
    const [ita2566] = await w.db
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(eq(frameworks.key, "ita-2566"));
    await w.db
      .update(frameworkItems)
      .set({ guidanceTh: GUIDANCE_TH, guidanceEn: GUIDANCE_EN })
      .where(and(eq(frameworkItems.frameworkId, ita2566!.id), eq(frameworkItems.code, "O5")));
  }, 60_000);

  it("is on the clerk's checklist, empty for items without it", async () => {
    const list = await (
      await w.caller("editorA")
    ).entries.checklist({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
    });
    const items = list.categories.flatMap((c) => c.items);
    expect(items.find((i) => i.code === "O5")).toMatchObject({
      guidanceTh: GUIDANCE_TH,
      guidanceEn: GUIDANCE_EN,
    });
    expect(items.find((i) => i.code === "O1")!.guidanceTh).toBe("");
  });

  it("is on the coordinator's review sheet", async () => {
    await w.db.insert(provinceReviewRounds).values({
      provinceId: w.agencyA.provinceId,
      fiscalYear: FY,
      number: 1,
      titleTh: "รอบที่ 1",
      deadline: "2025-01-31",
      itemCodes: ["O5"],
    });
    const sheet = await (
      await w.caller("coordinatorA")
    ).oversight.agencyReview({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
    });
    expect(sheet.rounds[0]!.items[0]).toMatchObject({ code: "O5", guidanceTh: GUIDANCE_TH });
  });

  it("is on the item's public page", async () => {
    const page = await (
      await w.caller("anonymous")
    ).public.item({
      slug: w.agencyA.slug,
      fiscalYear: FY,
      itemCode: "O5",
    });
    expect(page.item).toMatchObject({ guidanceTh: GUIDANCE_TH, guidanceEn: GUIDANCE_EN });
  });
});
