import { describe, expect, it } from "vitest";
import { AGENCY_TYPES } from "../agency-types.ts";
import {
  BUILT_IN_FRAMEWORKS,
  expectedCount,
  ITA_2566,
  ITEM_TAG_LABELS,
  ITEM_TAGS,
  itemByTag,
  selectFramework,
  validateFramework,
} from "./index.ts";
import type { FrameworkDefinition } from "./types.ts";

describe("ITA_2566", () => {
  it("has 43 unique codes O1…O43 in order", () => {
    const codes = ITA_2566.items.map((i) => i.code);
    expect(codes).toHaveLength(43);
    expect(new Set(codes).size).toBe(43);
    expect(codes).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
    expect(ITA_2566.items.map((i) => i.sortOrder)).toEqual(
      Array.from({ length: 43 }, (_, i) => i + 1),
    );
  });

  it("maps O11 and O12 onto both administration and budget", () => {
    const byCode = new Map(ITA_2566.items.map((i) => [i.code, i]));
    expect(byCode.get("O11")?.categories).toEqual([2, 3]);
    expect(byCode.get("O12")?.categories).toEqual([2, 3]);
    expect(byCode.get("O28")).toMatchObject({
      titleTh: "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
      categories: [5],
      indicator: 9,
    });
    // The seed lists "O31" twice; the second one is O32.
    expect(byCode.get("O32")?.titleTh).toBe("การสร้างวัฒนธรรม No Gift Policy");
    expect(byCode.get("O43")).toMatchObject({ categories: [7], indicator: 10 });
  });

  it("expects twelve monthly O21 summaries and one entry of every other item", () => {
    const monthly = ITA_2566.items.filter((i) => i.cadence !== "once").map((i) => i.code);
    expect(monthly).toEqual(["O21"]);
    expect(expectedCount(ITA_2566.items.find((i) => i.code === "O21")!.cadence)).toBe(12);
    expect(expectedCount("once")).toBe(1);
    expect(expectedCount("quarterly")).toBe(4);
  });

  it("says what evidence each item expects: documents for reports, links for channels", () => {
    const byCode = new Map(ITA_2566.items.map((i) => [i.code, i]));
    expect(byCode.get("O21")?.evidence).toEqual(["document"]);
    expect(byCode.get("O9")?.evidence).toEqual(["link"]);
    expect(byCode.get("O5")?.evidence).toEqual(["text"]);
    for (const item of ITA_2566.items) expect(item.evidence.length).toBeGreaterThan(0);
  });

  it("covers every public category 1–7", () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7] as const) {
      expect(ITA_2566.items.some((i) => i.categories.includes(n))).toBe(true);
    }
  });

  it("uses indicator 9 for categories 1–5 and 10 for 6–7", () => {
    for (const item of ITA_2566.items) {
      expect(item.indicator).toBe(Math.max(...item.categories) <= 5 ? 9 : 10);
    }
  });

  it("applies to all agency types, grades by letter, holds no deadlines", () => {
    // Deadlines are a province's plan, not the criteria's.
    expect(Object.keys(ITA_2566)).not.toContain("reviewRounds");
    for (const item of ITA_2566.items) expect(Object.keys(item)).not.toContain("reviewRound");
    expect([...ITA_2566.agencyTypes].sort()).toEqual([...AGENCY_TYPES].sort());
    expect(ITA_2566.gradingScheme).toBe("letter-2566");
  });

  it("tags the complaint block and the O42/O43 measures", () => {
    const tagged = Object.fromEntries(
      ITA_2566.items.filter((i) => i.tag).map((i) => [i.tag!, i.code]),
    );
    expect(tagged).toEqual({
      "complaint-guideline": "O27",
      "complaint-channel": "O28",
      "complaint-statistics": "O29",
      measures: "O42",
      "measures-implementation": "O43",
    });
    expect(
      itemByTag(
        ITA_2566.items.map((i) => ({ ...i, tag: i.tag ?? null })),
        "complaint-channel",
      )?.code,
    ).toBe("O28");
    expect(Object.keys(ITEM_TAG_LABELS).sort()).toEqual([...ITEM_TAGS].sort());
  });

  it("every built-in framework is valid", () => {
    for (const f of BUILT_IN_FRAMEWORKS) expect(validateFramework(f)).toEqual([]);
  });
});

/** A copy of ITA_2566 with its arrays cloned, so tests can break it safely. */
function copy2566(): FrameworkDefinition {
  return {
    ...ITA_2566,
    agencyTypes: [...ITA_2566.agencyTypes],
    items: ITA_2566.items.map((i) => ({
      ...i,
      categories: [...i.categories],
      evidence: [...i.evidence],
    })),
  };
}

describe("validateFramework", () => {
  it("finds a duplicate item code", () => {
    const def = copy2566();
    def.items[1] = { ...def.items[1]!, code: "O1" };
    const problems = validateFramework(def);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("duplicate code O1");
  });

  it("finds empty titles, unknown categories and bad metadata", () => {
    const def = copy2566();
    def.key = "ITA 2567";
    def.fiscalYear = 2024;
    def.titleTh = " ";
    def.agencyTypes = [];
    def.items[0] = {
      ...def.items[0]!,
      titleTh: "",
      categories: [8 as never],
      indicator: 11,
    };
    def.items[2] = { ...def.items[2]!, code: "o3!", categories: [] };
    def.items[3] = { ...def.items[3]!, tag: "complaint-channel" };
    def.items[4] = { ...def.items[4]!, tag: "gossip" as never };
    const problems = validateFramework(def).join("\n");
    for (const fragment of [
      'key "ITA 2567"',
      "fiscalYear 2024",
      "titleTh is empty",
      "agencyTypes is empty",
      "item 1 (O1): titleTh is empty",
      "unknown category 8",
      "indicator 11",
      "item 3 (o3!): code must be letters then digits",
      "item 3 (o3!): has no category",
      "tag complaint-channel is given to two items",
      'item 5 (O5): tag "gossip" is unknown',
    ]) {
      expect(problems).toContain(fragment);
    }
  });

  it("finds an unknown cadence and missing, unknown or repeated evidence", () => {
    const def = copy2566();
    def.items[0] = { ...def.items[0]!, cadence: "weekly" as never };
    def.items[1] = { ...def.items[1]!, evidence: [] };
    def.items[2] = { ...def.items[2]!, evidence: ["document", "photo" as never] };
    def.items[3] = { ...def.items[3]!, evidence: ["link", "link"] };
    const problems = validateFramework(def).join("\n");
    expect(problems).toContain('item 1 (O1): cadence "weekly" is unknown');
    expect(problems).toContain("item 2 (O2): evidence is empty");
    expect(problems).toContain('item 3 (O3): unknown evidence "photo"');
    expect(problems).toContain("item 4 (O4): evidence has duplicates");
  });

  it("rejects an empty item list", () => {
    const def = copy2566();
    def.items = [];
    const problems = validateFramework(def).join("\n");
    expect(problems).toContain("items is empty");
  });
});

describe("selectFramework", () => {
  const f2566 = { key: "ita-2566", fiscalYear: 2566, agencyTypes: ["province", "sao"] };
  const f2567sao = { key: "ita-2567-lao", fiscalYear: 2567, agencyTypes: ["sao"] };
  const f2568 = { key: "ita-2568", fiscalYear: 2568, agencyTypes: ["province", "sao"] };
  const all = [f2568, f2566, f2567sao];

  it("takes the exact year's framework for the agency type", () => {
    expect(selectFramework(all, 2567, "sao")).toEqual({ framework: f2567sao, inherited: false });
    expect(selectFramework(all, 2568, "province")).toEqual({ framework: f2568, inherited: false });
  });

  it("inherits the latest earlier year when the year has none", () => {
    expect(selectFramework(all, 2567, "province")).toEqual({ framework: f2566, inherited: true });
    expect(selectFramework(all, 2570, "sao")).toEqual({ framework: f2568, inherited: true });
  });

  it("returns null before the first framework and for types no framework covers", () => {
    expect(selectFramework(all, 2565, "province")).toBeNull();
    expect(selectFramework(all, 2568, "pao")).toBeNull();
    expect(selectFramework([], 2568, "sao")).toBeNull();
  });

  it("works with the built-in framework", () => {
    expect(selectFramework(BUILT_IN_FRAMEWORKS, 2568, "sao")).toEqual({
      framework: ITA_2566,
      inherited: true,
    });
  });
});
