import { describe, expect, it } from "vitest";
import {
  copyPlan,
  defaultRoundTitle,
  moveDeadline,
  roundsByItem,
  validatePlanRound,
  type PlanRound,
} from "./review-plan.ts";
import { addWorkingDays, NO_HOLIDAYS } from "./working-days.ts";

const CODES = new Set(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
const round = (over: Partial<PlanRound> = {}): PlanRound => ({
  number: 1,
  titleTh: defaultRoundTitle(1),
  deadline: "2023-01-31",
  itemCodes: ["O1", "O2"],
  ...over,
});

describe("a province's review round", () => {
  it("accepts Lamphun's first round of 2566", () => {
    expect(validatePlanRound(round(), [], 2566, CODES)).toEqual([]);
    expect(defaultRoundTitle(2)).toBe("ครั้งที่ 2");
  });

  it("refuses a number taken, a blank title, a date outside the fiscal year, unknown or repeated items", () => {
    const other = round({ number: 2, itemCodes: ["O3"], deadline: "2023-02-28" });
    const problems = validatePlanRound(
      round({
        number: 2,
        titleTh: " ",
        deadline: "2023-10-01",
        itemCodes: ["O3", "O99", "O1", "O1"],
      }),
      [other],
      2566,
      CODES,
    );
    expect(problems.map((p) => p.field).sort()).toEqual(
      ["deadline", "itemCodes", "itemCodes", "itemCodes", "number", "titleTh"].sort(),
    );
    expect(problems.find((p) => p.en.includes("O99"))?.th).toContain("O99");
    expect(problems.find((p) => p.en.includes("another round"))?.th).toContain("O3");
    // Bilingual, next to the field.
    for (const p of problems) expect(p.th).not.toBe(p.en);
  });

  it("refuses an impossible date and an empty item list", () => {
    const problems = validatePlanRound(
      round({ deadline: "2023-02-30", itemCodes: [] }),
      [],
      2566,
      CODES,
    );
    expect(problems.map((p) => p.field)).toEqual(["deadline", "itemCodes"]);
  });

  it("takes a deadline set as N working days from a date", () => {
    // "within 20 working days of 2 January 2566": 30 January.
    const deadline = addWorkingDays("2023-01-02", 20);
    expect(deadline).toBe("2023-01-30");
    expect(validatePlanRound(round({ deadline }), [], 2566, CODES)).toEqual([]);
  });

  it("finds each item's round and deadline", () => {
    const map = roundsByItem([
      round({ number: 2, deadline: "2023-02-28", itemCodes: ["O13"] }),
      round(),
    ]);
    expect(map.get("O1")?.deadline).toBe("2023-01-31");
    expect(map.get("O13")?.round.number).toBe(2);
    expect(map.get("O43")).toBeUndefined();
  });
});

describe("moveDeadline", () => {
  it("keeps a plan's deadlines in its own year and moves them by the difference in years", () => {
    expect(moveDeadline("2023-01-31", 2566, 2566)).toBe("2023-01-31");
    expect(moveDeadline("2023-01-31", 2566, 2570)).toBe("2027-01-31");
    expect(moveDeadline("2023-04-07", 2566, 2568)).toBe("2025-04-07");
  });
  it("moves 29 February to the 28th in a common year", () => {
    expect(moveDeadline("2024-02-29", 2567, 2568)).toBe("2025-02-28");
    expect(moveDeadline("2024-02-29", 2567, 2571)).toBe("2028-02-29");
  });
});

describe("copyPlan", () => {
  const last = [
    round({
      number: 2,
      titleTh: "ครั้งที่ 2 (ก.พ. 2567)",
      deadline: "2024-02-29",
      itemCodes: ["O3", "O27"],
    }),
    round({
      number: 1,
      titleTh: "ครั้งที่ 1 ภายใน ธ.ค. ๒๕๖๖",
      deadline: "2023-12-15",
      itemCodes: ["O1", "O2", "O9"],
    }),
  ];
  const fromItems = [
    { code: "O1" },
    { code: "O2" },
    { code: "O3" },
    { code: "O9" },
    { code: "O27", tag: "complaint-statistics" },
  ];

  it("moves deadlines and the years in titles a year on, and keeps items found by code", () => {
    const copied = copyPlan(last, fromItems, fromItems, 2568, NO_HOLIDAYS);
    expect(copied.rounds).toEqual([
      {
        number: 1,
        titleTh: "ครั้งที่ 1 ภายใน ธ.ค. ๒๕๖๗",
        // 15 December 2024 is a Sunday: the next working day.
        deadline: "2024-12-16",
        itemCodes: ["O1", "O2", "O9"],
      },
      {
        number: 2,
        titleTh: "ครั้งที่ 2 (ก.พ. 2568)",
        deadline: "2025-02-28",
        itemCodes: ["O3", "O27"],
      },
    ]);
    expect(copied.unmapped).toEqual([]);
    expect(copied.renamed).toEqual([]);
    expect(copied.dropped).toEqual([]);
    expect(copied.movedToWorkingDay).toEqual([
      { roundNumber: 1, from: "2024-12-15", to: "2024-12-16" },
    ]);
  });

  it("moves a deadline that falls on a public holiday a year on to the next working day", () => {
    const songkran = [
      round({ number: 1, deadline: "2024-04-12", itemCodes: ["O1"] }),
      round({ number: 2, deadline: "2024-05-30", itemCodes: ["O2"] }),
    ];
    // 12 April 2025 is a Saturday; Monday 14 and Tuesday 15 are Songkran holidays.
    const holidays = new Set(["2025-04-14", "2025-04-15"]);
    const copied = copyPlan(songkran, fromItems, fromItems, 2568, holidays);
    expect(copied.rounds.map((r) => r.deadline)).toEqual(["2025-04-16", "2025-05-30"]);
    expect(copied.movedToWorkingDay).toEqual([
      { roundNumber: 1, from: "2025-04-12", to: "2025-04-16" },
    ]);
    // The year's last day on a weekend: the working day before, within the fiscal year.
    const last = copyPlan(
      [round({ number: 1, deadline: "2027-09-30", itemCodes: ["O1"] })],
      fromItems,
      fromItems,
      2571,
      NO_HOLIDAYS,
    );
    expect(last.movedToWorkingDay).toEqual([
      { roundNumber: 1, from: "2028-09-30", to: "2028-09-29" },
    ]);
    // Without the holidays entered, only the weekend is passed over.
    expect(copyPlan(songkran, fromItems, fromItems, 2568, NO_HOLIDAYS).rounds[0]!.deadline).toBe(
      "2025-04-14",
    );
  });

  it("finds an item by its role under a new code, and reports items the new criteria lack", () => {
    const toItems = [
      { code: "O1" },
      { code: "O2" },
      { code: "O3" },
      { code: "O30", tag: "complaint-statistics" },
      // Same code, another role: the tagged item wins over the code.
      { code: "O27" },
    ];
    const copied = copyPlan(last, fromItems, toItems, 2568, NO_HOLIDAYS);
    expect(copied.rounds.map((r) => r.itemCodes)).toEqual([
      ["O1", "O2"],
      ["O3", "O30"],
    ]);
    expect(copied.unmapped).toEqual([{ roundNumber: 1, code: "O9" }]);
    expect(copied.renamed).toEqual([{ roundNumber: 2, from: "O27", to: "O30" }]);
  });

  it("checks an item two old items map onto in the first round only; a round left empty is dropped", () => {
    const toItems = [{ code: "O1", tag: "complaint-statistics" }];
    const copied = copyPlan(last, fromItems, toItems, 2568, NO_HOLIDAYS);
    expect(copied.rounds.map((r) => r.itemCodes)).toEqual([["O1"]]);
    expect(copied.dropped).toEqual([2]);
  });
});
