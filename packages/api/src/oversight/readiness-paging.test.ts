/**
 * The readiness matrix in pages (issue 8, 1,000 agencies): sorted furthest behind first
 * over ALL agencies, then cut, so the pages continue each other; the province's figures
 * count every agency, not the page.
 */
import { createAgency, createDisclosureEntry, describeEachDriver } from "@ita/db/testing";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";

const FY = 2568;

describeEachDriver("the readiness matrix in pages", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    // Six more agencies in province A, agency i with i public items: seven levels of progress.
    for (let i = 1; i <= 6; i++) {
      const agency = await createAgency(w.db, { provinceId: w.agencyA.provinceId });
      for (let k = 1; k <= i; k++)
        await createDisclosureEntry(w.db, {
          agencyId: agency.id,
          authorId: w.editorA2.id,
          itemCode: `O${k}`,
          state: "published",
        });
    }
  }, 60_000);

  it("pages continue each other in the order of the whole list; the province's figures count every agency", async () => {
    const coordinator = await w.caller("coordinatorA");
    const provinceId = w.agencyA.provinceId;
    const all = await coordinator.oversight.readiness({
      provinceId,
      fiscalYear: FY,
      pageSize: 200,
    });
    expect(all.paging).toMatchObject({ page: 1, pageCount: 1, total: 7, first: 1, last: 7 });
    const order = all.agencies.map((a) => a.id);
    const percents = all.agencies.map((a) => a.progress.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));

    const pages = [];
    for (const page of [1, 2, 3]) {
      const view = await coordinator.oversight.readiness({
        provinceId,
        fiscalYear: FY,
        page,
        pageSize: 3,
      });
      expect(view.progress).toEqual(all.progress);
      expect(view.paging).toMatchObject({ page, pageSize: 3, pageCount: 3, total: 7 });
      pages.push(...view.agencies.map((a) => a.id));
    }
    expect(pages).toEqual(order);

    // Past the end: the last page. Without paging asked: the default page of 50.
    const past = await coordinator.oversight.readiness({
      provinceId,
      fiscalYear: FY,
      page: 9,
      pageSize: 3,
    });
    expect(past.paging).toMatchObject({ page: 3, first: 7, last: 7 });
    expect(past.agencies.map((a) => a.id)).toEqual(order.slice(6));
    const plain = await coordinator.oversight.readiness({ provinceId, fiscalYear: FY });
    expect(plain.paging).toMatchObject({ page: 1, pageSize: 50, total: 7 });
  });

  it("refuses a page size above 200", async () => {
    const coordinator = await w.caller("coordinatorA");
    expect(
      await coordinator.oversight
        .readiness({ provinceId: w.agencyA.provinceId, fiscalYear: FY, pageSize: 201 })
        .then(() => "ok", errorCode),
    ).toBe("BAD_REQUEST");
  });
  it("filters by district and by agency type; the figures and the pages count only what is shown", async () => {
    const coordinator = await w.caller("coordinatorA");
    const provinceId = w.agencyA.provinceId;
    // A district of its own with an SAO and a municipality; the municipality published O1.
    const sao = await createAgency(w.db, { provinceId });
    const town = await createAgency(w.db, {
      provinceId,
      districtId: sao.districtId!,
      type: "subdistrict-municipality",
    });
    await createDisclosureEntry(w.db, {
      agencyId: town.id,
      authorId: w.editorA2.id,
      itemCode: "O1",
      state: "published",
    });

    const district = await coordinator.oversight.readiness({
      provinceId,
      fiscalYear: FY,
      districtId: sao.districtId!,
    });
    expect(district.agencies.map((a) => a.id).sort()).toEqual([sao.id, town.id].sort());
    expect(district.agencies.every((a) => a.districtId === sao.districtId)).toBe(true);
    expect(district.paging.total).toBe(2);
    expect(district.progress.total).toBe(2 * district.columns.length);
    expect(district.progress.published).toBe(1);
    expect(district.filters.districts.map((d) => d.id)).toContain(sao.districtId);

    const towns = await coordinator.oversight.readiness({
      provinceId,
      fiscalYear: FY,
      agencyType: "subdistrict-municipality",
    });
    expect(towns.agencies.map((a) => [a.id, a.type])).toEqual([
      [town.id, "subdistrict-municipality"],
    ]);
    expect(towns.progress.published).toBe(1);

    // Both at once narrow further; the whole province is still there without them.
    const both = await coordinator.oversight.readiness({
      provinceId,
      fiscalYear: FY,
      districtId: sao.districtId!,
      agencyType: "sao",
    });
    expect(both.agencies.map((a) => a.id)).toEqual([sao.id]);
    const all = await coordinator.oversight.readiness({ provinceId, fiscalYear: FY });
    expect(all.paging.total).toBe(9);
  });
});
