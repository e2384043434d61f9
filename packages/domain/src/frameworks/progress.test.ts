import { describe, expect, it } from "vitest";
import { itemProgress, progressSummary, type ProgressEntry } from "./progress.ts";

const FY = 2568;
// 15 December 2024, Bangkok: October and November of FY 2568 have ended.
const MID_DECEMBER = new Date("2024-12-15T05:00:00Z");
const AFTER_YEAR = new Date("2025-10-05T05:00:00Z");

const pub = (period: number | null): ProgressEntry => ({
  period,
  isPublic: true,
  state: "published",
});
const entry = (period: number | null, state: ProgressEntry["state"]): ProgressEntry => ({
  period,
  isPublic: false,
  state,
});

describe("itemProgress for a monthly item", () => {
  it("is not published after one month of twelve, and names the ended months still missing", () => {
    const p = itemProgress("monthly", [pub(1)], FY, MID_DECEMBER);
    expect(p).toMatchObject({ expected: 12, published: 1, complete: false, status: "partial" });
    expect(p.missingPeriods).toEqual([2]);
    expect(progressSummary(p)).toBe("1/12 เดือน");
  });

  it("counts returned entries as returned: 2/12 เดือน · 1 ส่งกลับแก้ไข", () => {
    const p = itemProgress("monthly", [pub(1), pub(2), entry(3, "returned")], FY, AFTER_YEAR);
    expect(p).toMatchObject({ published: 2, returned: 1, status: "returned" });
    expect(progressSummary(p)).toBe("2/12 เดือน · 1 ส่งกลับแก้ไข");
    expect(progressSummary(p, "en")).toBe("2/12 months · 1 returned");
    expect(p.missingPeriods).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("counts each month once, however many entries it has", () => {
    const p = itemProgress("monthly", [pub(1), pub(1), pub(2)], FY, MID_DECEMBER);
    expect(p.published).toBe(2);
  });

  it("is published when all twelve months are public, whatever revisions are under way", () => {
    const all = Array.from({ length: 12 }, (_, i) => pub(i + 1));
    const p = itemProgress("monthly", [...all, entry(5, "returned")], FY, AFTER_YEAR);
    expect(p).toMatchObject({ published: 12, complete: true, status: "published" });
    expect(p.missingPeriods).toEqual([]);
    expect(progressSummary(p)).toBe("12/12 เดือน · 1 ส่งกลับแก้ไข");
  });

  it("counts public entries without a month towards the total and says they lack one", () => {
    const p = itemProgress("monthly", [pub(null), pub(1)], FY, MID_DECEMBER);
    expect(p).toMatchObject({ published: 2, withoutPeriod: 1 });
  });

  it("ignores withdrawn entries and waits for the approver before drafts", () => {
    const p = itemProgress(
      "monthly",
      [entry(1, "withdrawn"), entry(2, "submitted"), entry(3, "draft")],
      FY,
      MID_DECEMBER,
    );
    expect(p).toMatchObject({ published: 0, waiting: 1, drafts: 1, status: "waiting" });
    expect(p.missingPeriods).toEqual([1, 2]);
    expect(progressSummary(p)).toBe("0/12 เดือน · 1 รออนุมัติ · 1 ฉบับร่าง");
  });

  it("is missing with nothing at all, and draft with only drafts", () => {
    expect(itemProgress("monthly", [], FY, MID_DECEMBER).status).toBe("missing");
    expect(itemProgress("monthly", [entry(1, "draft")], FY, MID_DECEMBER).status).toBe("draft");
  });
});

describe("itemProgress for other cadences", () => {
  it("treats an item asked for once as before: one public entry publishes it", () => {
    const p = itemProgress("once", [pub(null), entry(null, "returned")], FY, MID_DECEMBER);
    expect(p).toMatchObject({ expected: 1, published: 1, status: "published", returned: 1 });
    expect(p.missingPeriods).toEqual([]);
    expect(progressSummary(p)).toBe("1 ส่งกลับแก้ไข");
    expect(progressSummary(itemProgress("once", [entry(null, "returned")], FY, MID_DECEMBER))).toBe(
      "",
    );
  });

  it("counts quarters", () => {
    const p = itemProgress("quarterly", [pub(1)], FY, AFTER_YEAR);
    expect(p).toMatchObject({ expected: 4, published: 1, status: "partial" });
    expect(p.missingPeriods).toEqual([2, 3, 4]);
    expect(progressSummary(p)).toBe("1/4 ไตรมาส");
  });
});
