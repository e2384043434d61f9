/**
 * An entry keeps the criteria it was made under (ADR 0022): after a system administrator
 * rewords an item (a new version of the framework) and drops another, an entry made under
 * the first version still shows that version's title and categories — on the admin's entry
 * page and checklist, on the portal's item and agency pages and in open data — and a
 * permalink of the dropped item still answers. Each assertion would read the newest version's wording if
 * the surface looked the item up in the governing framework by code.
 */
import { describeEachDriver } from "@ita/db/testing";
import { frameworks } from "@ita/db/schema";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, type Caller, type World } from "../authz/test-world.ts";
import { forgetCachedQueries } from "../public/db-cache.ts";

const FY = 2566;
const OLD_O5 = "ข้อมูลการติดต่อ";
const NEW_O5 = "ช่องทางการติดต่อหน่วยงาน";

describeEachDriver("entries made under an earlier version of the year's framework", (use) => {
  let w: World;
  let editor: Caller;
  let anonymous: Caller;
  const entry = { o5: "", o6: "" };

  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    editor = await w.caller("editorA");
    anonymous = await w.caller("anonymous");
    const approver = await w.caller("approverA");
    for (const [key, itemCode, title] of [
      ["o5", "O5", "ที่อยู่และเบอร์โทรศัพท์ของหน่วยงาน"],
      ["o6", "O6", "กฎหมายที่เกี่ยวข้องกับการปฏิบัติงาน"],
    ] as const) {
      const made = await editor.entries.create({
        agencyId: w.agencyA.id,
        fiscalYear: FY,
        itemCode,
        title,
      });
      await editor.entries.submit({ entryId: made.id });
      await approver.entries.approve({ entryId: made.id });
      entry[key] = made.id;
    }

    // The administrator rewords O5 and moves it to category 2 (version 2), then drops O6.
    const admin = await w.caller("sysadmin");
    const [v1] = await w.db
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(eq(frameworks.key, "ita-2566"));
    const o5 = (await admin.framework.get({ frameworkId: v1!.id })).items.find(
      (i) => i.code === "O5",
    )!;
    const v2 = await admin.framework.saveItem({
      frameworkId: v1!.id,
      originalCode: "O5",
      item: { ...o5, titleTh: NEW_O5, titleEn: "Contact channels", categories: [2] },
    });
    expect(v2).toMatchObject({ versioned: true, version: 2 });
    await admin.framework.removeItem({ frameworkId: v2.frameworkId, code: "O6" });
    // Public pages read frameworks through a one-minute cache (ADR 0008).
    forgetCachedQueries();
  }, 120_000);

  it("the entry page shows the item as version 1 named it, and says the criteria were replaced", async () => {
    const got = await editor.entries.get({ entryId: entry.o5 });
    expect(got.item).toMatchObject({ titleTh: OLD_O5, earlierVersion: 1 });
    // An entry made now is made under version 2.
    const fresh = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O5",
      title: "ช่องทางการติดต่อ (ปรับปรุง)",
    });
    expect((await editor.entries.get({ entryId: fresh.id })).item).toMatchObject({
      titleTh: NEW_O5,
      earlierVersion: null,
    });
  });

  it("the checklist lists the item by the current criteria, the entry's own wording beside it, and keeps the dropped item", async () => {
    const list = await editor.entries.checklist({ agencyId: w.agencyA.id, fiscalYear: FY });
    const rows = list.categories.flatMap((c) => c.items);
    const o5 = rows.find((i) => i.code === "O5")!;
    expect(o5.titleTh).toBe(NEW_O5);
    expect(o5.madeUnder).toEqual([
      { version: 1, code: "O5", titleTh: OLD_O5, titleEn: "Contact information" },
    ]);
    const o6 = rows.find((i) => i.code === "O6");
    expect(o6).toMatchObject({ titleTh: "กฎหมายที่เกี่ยวข้อง", earlierVersion: 1 });
    expect(o6?.entryIds).toEqual([entry.o6]);
    // The year's required items are the current version's: O6 is no longer one of them.
    expect(list.total).toBe(42);
  });

  it("the portal's item page says under which wording each entry was published; a dropped item's permalink still answers", async () => {
    const o5 = await anonymous.public.item({
      slug: w.agencyA.slug,
      fiscalYear: FY,
      itemCode: "O5",
    });
    expect(o5.item.titleTh).toBe(NEW_O5);
    expect(o5.entries.map((e) => e.criteria)).toEqual([
      { version: 1, code: "O5", titleTh: OLD_O5, titleEn: "Contact information" },
    ]);
    const o6 = await anonymous.public.item({
      slug: w.agencyA.slug,
      fiscalYear: FY,
      itemCode: "O6",
    });
    expect(o6.item).toMatchObject({ titleTh: "กฎหมายที่เกี่ยวข้อง", earlierVersion: 1 });
    expect(o6.entries.map((e) => [e.id, e.criteria])).toEqual([[entry.o6, null]]);
  });

  it("the agency page lists an entry published under an item the current criteria dropped, apart and not counted", async () => {
    const page = await anonymous.agency.disclosures({ slug: w.agencyA.slug, fiscalYear: FY });
    const current = page.categories.flatMap((c) => c.items);
    // The year's lists follow the current version: O6 is not among its items…
    expect(current.some((i) => i.code === "O6")).toBe(false);
    expect(current.find((i) => i.code === "O5")?.entries.map((e) => e.id)).toEqual([entry.o5]);
    // …but its published entry is still on the page, under version 1's code and title.
    expect(page.earlierItems).toEqual([
      {
        code: "O6",
        titleTh: "กฎหมายที่เกี่ยวข้อง",
        titleEn: expect.any(String),
        categories: [1],
        earlierVersion: 1,
        entries: [
          { id: entry.o6, title: "กฎหมายที่เกี่ยวข้องกับการปฏิบัติงาน", publishedAt: expect.any(Date) },
        ],
      },
    ]);
    expect(page.completeness).toEqual({ published: 1, required: 42 });
  });

  it("open data gives each entry its item's categories under the version it was made under", async () => {
    const data = await anonymous.public.openDisclosures({ slug: w.agencyA.slug, fiscalYear: FY });
    const byId = new Map(data.entries.map((e) => [e.id, e.categories]));
    expect(byId.get(entry.o5)).toEqual([1]);
    expect(byId.get(entry.o6)).toEqual([1]);
  });
});
