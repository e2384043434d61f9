import { describe, expect, it } from "vitest";
import { isDomainError } from "./errors.ts";
import {
  fiveLevelGrade,
  GRADING_SCHEMES,
  gradeResult,
  letterGrade,
  roundScore,
  weightedTotal,
} from "./grading.ts";

describe("letterGrade", () => {
  it.each([
    [0, "F"],
    [39.99, "F"],
    [40, "E"],
    [54.99, "E"],
    [55, "D"],
    [64.99, "D"],
    [65, "C"],
    [74.99, "C"],
    [75, "B"],
    [84.99, "B"],
    [85.0, "A"],
    [94.99, "A"],
    [95.0, "AA"],
    [100, "AA"],
  ] as const)("%d → %s", (score, grade) => {
    expect(letterGrade(score)).toBe(grade);
  });

  it("compares on the score rounded half-up to two decimals", () => {
    expect(roundScore(84.995)).toBe(85);
    expect(roundScore(84.994)).toBe(84.99);
    expect(letterGrade(84.994)).toBe("B");
    expect(letterGrade(84.995)).toBe("A");
    expect(letterGrade(39.995)).toBe("E");
  });

  it.each([Number.NaN, -0.01, 100.01, Number.POSITIVE_INFINITY])(
    "rejects %d with INVALID_SCORE",
    (score) => {
      let caught: unknown;
      try {
        letterGrade(score);
      } catch (e) {
        caught = e;
      }
      expect(isDomainError(caught, "INVALID_SCORE")).toBe(true);
    },
  );
});

describe("fiveLevelGrade", () => {
  it("excellent needs total ≥ 95 and every instrument ≥ 95", () => {
    expect(fiveLevelGrade({ total: 96, iit: 95, eit: 97, oit: 96 })).toBe("excellent");
    expect(fiveLevelGrade({ total: 96, iit: 97, eit: 97, oit: 94 })).toBe("good");
  });

  it("good needs every instrument ≥ 85, otherwise it is a plain pass", () => {
    expect(fiveLevelGrade({ total: 86, iit: 85, eit: 90, oit: 85 })).toBe("good");
    expect(fiveLevelGrade({ total: 86, iit: 80, eit: 90, oit: 88 })).toBe("pass");
  });

  it("missing instrument scores cap the result at pass", () => {
    expect(fiveLevelGrade({ total: 99 })).toBe("pass");
    expect(fiveLevelGrade({ total: 99, iit: 99, eit: null, oit: 99 })).toBe("pass");
  });

  it("below 85 needs improvement, below 70 urgently", () => {
    expect(fiveLevelGrade({ total: 84.99, iit: 90, eit: 90, oit: 90 })).toBe("improve");
    expect(fiveLevelGrade({ total: 70 })).toBe("improve");
    expect(fiveLevelGrade({ total: 69.99 })).toBe("urgent");
    expect(fiveLevelGrade({ total: 0 })).toBe("urgent");
  });

  it("validates instrument scores too", () => {
    expect(() => fiveLevelGrade({ total: 90, oit: 101 })).toThrow();
  });
});

describe("gradeResult", () => {
  it("returns code, labels and pass flag for the chosen scheme", () => {
    expect(gradeResult("letter-2566", { total: 89.18 })).toEqual({
      scheme: "letter-2566",
      code: "A",
      labelTh: "ผ่าน ระดับ A",
      labelEn: "Passed, grade A",
      passed: true,
    });
    expect(gradeResult("letter-2566", { total: 84.99 }).passed).toBe(false);
    const r = gradeResult("five-level-2567", { total: 96, iit: 96, eit: 96, oit: 94 });
    expect(r).toMatchObject({ code: "good", labelTh: "ผ่านดี", passed: true });
    expect(gradeResult("five-level-2567", { total: 69.99 })).toMatchObject({
      labelTh: "ต้องปรับปรุงโดยด่วน",
      passed: false,
    });
  });

  it("every scheme's last band catches zero", () => {
    for (const scheme of Object.values(GRADING_SCHEMES)) {
      expect(scheme.bands.at(-1)?.minTotal).toBe(0);
    }
  });
});

describe("weightedTotal", () => {
  it("weighs IIT 30, EIT 30, OIT 40 by default", () => {
    expect(weightedTotal({ iit: 90, eit: 80, oit: 100 })).toBe(91);
    expect(weightedTotal({ iit: 92.33, eit: 88.41, oit: 71.27 })).toBe(82.73);
  });

  it("accepts other weights", () => {
    expect(weightedTotal({ iit: 100, eit: 0, oit: 50 }, { iit: 1, eit: 1, oit: 2 })).toBe(50);
  });

  it("rejects invalid scores and weights", () => {
    expect(() => weightedTotal({ iit: Number.NaN, eit: 80, oit: 80 })).toThrow();
    expect(() =>
      weightedTotal({ iit: 80, eit: 80, oit: 80 }, { iit: 0, eit: 0, oit: 0 }),
    ).toThrow();
  });
});
