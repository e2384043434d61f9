import { describe, expect, it } from "vitest";
import {
  AGENCY_TYPE_LABELS,
  AGENCY_TYPES,
  isAgencyType,
  isLocalAdministration,
} from "./agency-types.ts";
import {
  categoryByKey,
  categoryByNumber,
  DISCLOSURE_CATEGORIES,
  isCategoryNumber,
} from "./categories.ts";

describe("disclosure categories", () => {
  it("are the seven of docs/domain.md §2, numbered 1–7 with unique keys", () => {
    expect(DISCLOSURE_CATEGORIES.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(DISCLOSURE_CATEGORIES.map((c) => c.key)).size).toBe(7);
    expect(categoryByNumber(3).titleTh).toBe("การบริหารเงินงบประมาณ");
    expect(categoryByKey("internal-measures")?.number).toBe(7);
    expect(categoryByNumber(8)).toBeUndefined();
  });

  it("describe each category in the words of the 2562 measure, naming no later item", () => {
    // Seed `lamphun-2562-…` §1.3 (6): the examples of category 6, as the province wrote them.
    expect(categoryByNumber(6).descriptionTh).toBe(
      "การประเมินความเสี่ยงการทุจริตประจำปี การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต การเสริมสร้างวัฒนธรรมองค์กร แผนปฏิบัติการป้องกันการทุจริตประจำปี รอบ ๖ เดือน และรายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
    );
    expect(categoryByNumber(1).descriptionTh.endsWith("ของหน่วยงาน (Social Network)")).toBe(true);
    // The personal-data policy (2566), No Gift Policy and the ethics items came after the
    // list; where the 2566 framework puts them is the framework's data, not these texts.
    const all = DISCLOSURE_CATEGORIES.map((c) => c.descriptionTh).join(" ");
    for (const later of ["คุ้มครองข้อมูลส่วนบุคคล", "No Gift", "จริยธรรม"])
      expect(all).not.toContain(later);
  });

  it("isCategoryNumber accepts integers 1–7 only", () => {
    expect([0, 1, 7, 8, 2.5, "3"].map(isCategoryNumber)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("agency types", () => {
  it("have labels and a local-administration flag", () => {
    expect(AGENCY_TYPE_LABELS.sao).toEqual({
      th: "องค์การบริหารส่วนตำบล",
      thShort: "อบต.",
      en: expect.any(String),
    });
    expect(AGENCY_TYPES.filter(isLocalAdministration)).toEqual([
      "pao",
      "city-municipality",
      "town-municipality",
      "subdistrict-municipality",
      "sao",
    ]);
    expect(isAgencyType("province")).toBe(true);
    expect(isAgencyType("ministry")).toBe(false);
  });
});
