import { describe, expect, it } from "vitest";
import {
  itemFromCsvRow,
  itemToCsvRow,
  parseFrameworkJson,
  parseItems,
  shiftYear,
} from "./exchange.ts";

describe("shiftYear", () => {
  it("moves Arabic and Thai-digit years, and nothing else", () => {
    expect(shiftYear("ita-2566", 2566, 2567)).toBe("ita-2567");
    expect(shiftYear("แผนปี ๒๕๖๖ และ พ.ศ. 2566", 2566, 2567)).toBe("แผนปี ๒๕๖๗ และ พ.ศ. 2567");
    expect(shiftYear("รอบ ๖ เดือน 25660 ๒๕๖๖๖", 2566, 2567)).toBe("รอบ ๖ เดือน 25660 ๒๕๖๖๖");
  });
});

describe("items as CSV", () => {
  const item = {
    code: "O11",
    titleTh: "แผนการดำเนินงาน",
    titleEn: "Plan",
    guidanceTh: "",
    guidanceEn: "",
    categories: [2, 3],
    indicator: 9,
    cadence: "once" as const,
    evidence: ["document" as const, "link" as const],
    tag: null,
    sortOrder: 11,
  };

  it("round-trips an item through a CSV row", () => {
    const cells = itemToCsvRow(item);
    const row = Object.fromEntries(
      [
        "code",
        "titleTh",
        "titleEn",
        "guidanceTh",
        "guidanceEn",
        "categories",
        "indicator",
        "cadence",
        "evidence",
        "tag",
        "sortOrder",
      ].map((c, i) => [c, cells[i]]),
    );
    const parsed = parseItems([itemFromCsvRow(row)]);
    expect(parsed).toEqual({ ok: true, value: [item] });
  });

  it("names the line and field of each problem, in Thai and English", () => {
    const parsed = parseItems(
      [
        itemFromCsvRow({
          code: "o1",
          titleTh: "",
          titleEn: "One",
          categories: "8",
          sortOrder: "1",
        }),
      ],
      () => 2,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.line, p.field])).toEqual([
      [2, "titleTh"],
      [2, "categories.0"],
    ]);
    expect(parsed.problems[0]!.th).toMatch(/[ก-๙]/);
    expect(parsed.problems[0]!.en).toMatch(/^[ -~]+$/);
  });
});

describe("parseFrameworkJson", () => {
  it("refuses text that is not JSON, and a framework without items", () => {
    expect(parseFrameworkJson("{")).toMatchObject({ ok: false, problems: [{ line: null }] });
    const noItems = parseFrameworkJson(
      JSON.stringify({
        key: "ita-2567",
        fiscalYear: 2567,
        agencyTypes: ["sao"],
        titleTh: "เกณฑ์",
        titleEn: "Criteria",
        gradingScheme: "five-level-2567",
      }),
    );
    expect(noItems).toMatchObject({ ok: false, problems: [{ field: "items" }] });
  });
});
