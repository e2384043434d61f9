/**
 * The executives' quarterly access report as XLSX: Thai column titles, one row per quarter
 * (zeros included) and a total for the year, numbers Excel can sum, a frozen header and a
 * filter; for the agency's administrators and the province's coordinators only. The
 * site-wide searches come in the same layout.
 */
import ExcelJS from "exceljs";
import { describeEachDriver } from "@ita/db/testing";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";
import { AccessCounter } from "./counter.ts";

describeEachDriver("access statistics as XLSX", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    const counter = new AccessCounter();
    const q1 = new Date("2024-11-15T05:00:00Z");
    const q2 = new Date("2025-02-15T05:00:00Z");
    for (let i = 0; i < 1234; i++) counter.hit("page-view", { agencySlug: w.agencyA.slug }, q1);
    counter.hit("page-view", { agencySlug: w.agencyA.slug }, q2);
    counter.hit("search", { agencySlug: w.agencyA.slug }, q2);
    for (let i = 0; i < 2500; i++) counter.hit("search", { site: true }, q1);
    counter.hit("search", { site: true }, q2);
    await counter.flush(w.db);
  }, 60_000);

  it("a workbook of the year's quarters with Thai titles, a total row, frozen header and filter", async () => {
    for (const actor of ["adminA", "coordinatorA"] as const) {
      const file = await (
        await w.caller(actor)
      ).accessStats.exportXlsx({
        agencyId: w.agencyA.id,
        fiscalYear: 2568,
      });
      expect(file.fileName).toBe(`access-statistics-${w.agencyA.slug}-2568.xlsx`);
      const book = new ExcelJS.Workbook();
      // exceljs types an older Buffer.
      await book.xlsx.load(Buffer.from(file.base64, "base64") as never);
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        "ปีงบประมาณ",
        "ไตรมาส",
        "การเข้าชมหน้า",
        "การดาวน์โหลดไฟล์",
        "การค้นหา",
      ]);
      expect(sheet.getRow(2).values).toEqual([undefined, 2568, "ไตรมาส 1", 1234, 0, 0]);
      expect(sheet.getRow(3).values).toEqual([undefined, 2568, "ไตรมาส 2", 1, 0, 1]);
      expect(sheet.getRow(5).values).toEqual([undefined, 2568, "ไตรมาส 4", 0, 0, 0]);
      expect(sheet.getRow(6).values).toEqual([undefined, 2568, "รวมทั้งปี", 1235, 0, 1]);
      expect(sheet.rowCount).toBe(6);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
  });

  it("the site-wide searches in the same layout (one column), for coordinators and system administrators", async () => {
    for (const actor of ["coordinatorA", "sysadmin"] as const) {
      const file = await (
        await w.caller(actor)
      ).accessStats.exportSiteSearchesXlsx({
        provinceId: w.agencyA.provinceId,
        fiscalYear: 2568,
      });
      expect(file.fileName).toBe("site-searches-2568.xlsx");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.base64, "base64") as never);
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).values).toEqual([undefined, "ปีงบประมาณ", "ไตรมาส", "การค้นหา"]);
      // The agency's own search (quarter 2) is not a site-wide one.
      expect(sheet.getRow(2).values).toEqual([undefined, 2568, "ไตรมาส 1", 2500]);
      expect(sheet.getRow(3).values).toEqual([undefined, 2568, "ไตรมาส 2", 1]);
      expect(sheet.getRow(6).values).toEqual([undefined, 2568, "รวมทั้งปี", 2501]);
      expect(sheet.rowCount).toBe(6);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
    expect(
      await (
        await w.caller("adminA")
      ).accessStats
        .exportSiteSearchesXlsx({ provinceId: w.agencyA.provinceId, fiscalYear: 2568 })
        .then(() => "ok", errorCode),
    ).toBe("FORBIDDEN");
  });

  it("not for the agency's editors or another agency's administrator", async () => {
    for (const actor of ["editorA", "adminA_editorB"] as const) {
      const agencyId = actor === "editorA" ? w.agencyA.id : w.agencyB.id;
      expect(
        await (
          await w.caller(actor)
        ).accessStats
          .exportXlsx({ agencyId, fiscalYear: 2568 })
          .then(() => "ok", errorCode),
      ).toBe("FORBIDDEN");
    }
  });
});
