import { describe, expect, it } from "vitest";
import {
  evaluateResult,
  findGradeBand,
  gradingSchemeForYear,
  instrumentFromIndicators,
  publishedGrade,
  rankByTotal,
  summariseProvince,
} from "./results.ts";

// Seed `lamphun-2568-…`: Lamphun province, 2567: 94.25, ผ่านดี, ten indicators.
const LAMPHUN_2567 = [93.06, 94.42, 97.47, 84.2, 91.75, 93.4, 89.28, 83.31, 100, 100];
// Seed `lopburi-pao-2566-…` (the lines with 97.85 / 93.24, by indicator number).
const LOPBURI_2565 = [97.85, 93.24, 96.76, 95.25, 94.14, 96.38, 92.92, 92.89, 100, 100];

describe("gradingSchemeForYear", () => {
  it("uses letters up to 2566 and five levels from 2567", () => {
    expect(gradingSchemeForYear(2564)).toBe("letter-2566");
    expect(gradingSchemeForYear(2566)).toBe("letter-2566");
    expect(gradingSchemeForYear(2567)).toBe("five-level-2567");
    expect(gradingSchemeForYear(2569)).toBe("five-level-2567");
  });
});

describe("findGradeBand / publishedGrade", () => {
  it("reads codes, letters and Thai labels", () => {
    expect(findGradeBand("five-level-2567", "ผ่านดี")?.code).toBe("good");
    expect(findGradeBand("five-level-2567", "good")?.code).toBe("good");
    expect(findGradeBand("letter-2566", "aa")?.code).toBe("AA");
    expect(findGradeBand("letter-2566", "ผ่านดี")).toBeUndefined();
  });
  it("keeps an unknown grade as stored", () => {
    expect(publishedGrade("letter-2566", "A+")).toEqual({
      code: "A+",
      labelTh: "A+",
      labelEn: "A+",
      passed: null,
    });
    expect(publishedGrade("five-level-2567", "good").labelTh).toBe("ผ่านดี");
  });
});

describe("evaluateResult — five levels (2567)", () => {
  it("Lamphun 2567: instruments from the indicators reconcile with the published 94.25 ผ่านดี", () => {
    const e = evaluateResult({
      fiscalYear: 2567,
      gradingScheme: "five-level-2567",
      indicators: LAMPHUN_2567,
      total: 94.25,
      grade: "good",
    });
    expect(e.instruments).toEqual({ iit: 92.18, eit: 88.66, oit: 100 });
    expect(e.computedTotal).toBe(94.25);
    expect(e.computedGrade.code).toBe("good");
    expect(e.published.labelTh).toBe("ผ่านดี");
    expect(e.disagreements).toEqual([]);
  });

  it("grades excellent only when every instrument reaches 95", () => {
    const base = { fiscalYear: 2568, gradingScheme: "five-level-2567" as const };
    expect(
      evaluateResult({ ...base, iit: 96, eit: 95, oit: 98, total: 96.5, grade: "excellent" })
        .disagreements,
    ).toEqual([]);
    const e = evaluateResult({
      ...base,
      iit: 99,
      eit: 94.99,
      oit: 99,
      total: 97.8,
      grade: "excellent",
    });
    expect(e.computedGrade.code).toBe("good");
    expect(e.disagreements.map((d) => d.kind)).toEqual(["grade"]);
  });

  it("flags a published grade that does not match the published total", () => {
    const e = evaluateResult({
      fiscalYear: 2567,
      gradingScheme: "five-level-2567",
      total: 84.99,
      grade: "ผ่าน",
    });
    expect(e.disagreements).toHaveLength(1);
    expect(e.disagreements[0]!.kind).toBe("grade");
    expect(e.disagreements[0]!.th).toContain("ต้องปรับปรุง");
    expect(e.disagreements[0]!.en).toContain("Needs improvement");
  });

  it("does not judge a grade that needs instruments it does not have", () => {
    const e = evaluateResult({
      fiscalYear: 2567,
      gradingScheme: "five-level-2567",
      total: 94.25,
      grade: "good",
    });
    expect(e.disagreements).toEqual([]);
  });
});

describe("evaluateResult — letters (2566 and before)", () => {
  it("Lamphun's 2565 failures: total and letter only, no disagreement", () => {
    for (const [total, grade] of [
      [84.99, "B"],
      [74.12, "C"],
      [71.69, "C"],
    ] as const) {
      const e = evaluateResult({ fiscalYear: 2565, gradingScheme: "letter-2566", total, grade });
      expect(e.computedTotal).toBeNull();
      expect(e.computedGrade.code).toBe(grade);
      expect(e.published.passed).toBe(false);
      expect(e.disagreements).toEqual([]);
    }
  });

  it("weights IIT 30, EIT 30, OIT 40", () => {
    const e = evaluateResult({
      fiscalYear: 2566,
      gradingScheme: "letter-2566",
      iit: 80,
      eit: 90,
      oit: 100,
      total: 91,
      grade: "A",
    });
    expect(e.computedTotal).toBe(91);
    expect(e.disagreements).toEqual([]);
  });

  it("Lopburi PAO 2565: the indicators do not reconcile with the published 96.77 — flagged, published kept", () => {
    const e = evaluateResult({
      fiscalYear: 2565,
      gradingScheme: "letter-2566",
      oit: 100,
      indicators: LOPBURI_2565,
      total: 96.77,
      grade: "AA",
    });
    expect(e.computedTotal).toBe(96.85);
    expect(e.disagreements.map((d) => d.kind)).toEqual(["total"]);
    expect(e.disagreements[0]).toMatchObject({ published: "96.77", computed: "96.85" });
    expect(e.published.code).toBe("AA");
  });

  it("tolerates one hundredth of rounding and flags more", () => {
    const base = {
      fiscalYear: 2566,
      gradingScheme: "letter-2566" as const,
      iit: 80,
      eit: 90,
      oit: 100,
      grade: "A",
    };
    expect(evaluateResult({ ...base, total: 91.01 }).disagreements).toEqual([]);
    expect(evaluateResult({ ...base, total: 91.02 }).disagreements.map((d) => d.kind)).toEqual([
      "total",
    ]);
  });

  it("flags an instrument that differs from the mean of its indicators", () => {
    const e = evaluateResult({
      fiscalYear: 2565,
      gradingScheme: "letter-2566",
      iit: 90,
      indicators: LOPBURI_2565,
      total: 96.77,
      grade: "AA",
    });
    expect(e.disagreements.map((d) => d.kind)).toContain("instrument");
  });

  it("flags a letter that is not the grade of the total", () => {
    const e = evaluateResult({
      fiscalYear: 2565,
      gradingScheme: "letter-2566",
      total: 84.99,
      grade: "A",
    });
    expect(e.disagreements.map((d) => d.kind)).toEqual(["grade"]);
  });
});

describe("instrumentFromIndicators", () => {
  it("needs every indicator of the instrument", () => {
    const some = [...LAMPHUN_2567];
    some[0] = null as unknown as number;
    expect(instrumentFromIndicators("iit", some)).toBeNull();
    expect(instrumentFromIndicators("oit", some)).toBe(100);
    expect(instrumentFromIndicators("eit", null)).toBeNull();
  });
});

describe("summariseProvince and rankByTotal", () => {
  it("counts passes against the target", () => {
    const rows = [90, 85, 84.99, 70].map((total, i) => ({
      agencyId: String(i),
      total,
      passed: total >= 85,
      gradingScheme: "letter-2566" as const,
    }));
    expect(summariseProvince(rows, 3)).toEqual({
      count: 4,
      average: 82.5,
      passed: 2,
      failed: 2,
      passRate: 50,
      target: 3,
      shortOfTarget: 1,
    });
    expect(summariseProvince([], null)).toMatchObject({ average: null, passRate: null });
  });
  it("47 of 59 is 79.66 %", () => {
    const rows = Array.from({ length: 59 }, (_, i) => ({
      agencyId: String(i),
      total: i < 47 ? 90 : 80,
      passed: null,
      gradingScheme: "letter-2566" as const,
    }));
    expect(summariseProvince(rows, 50)).toMatchObject({
      passed: 47,
      passRate: 79.66,
      shortOfTarget: 3,
    });
  });
  it("ranks ties alike", () => {
    const ranked = rankByTotal([{ total: 80 }, { total: 90 }, { total: 80 }, { total: 70 }]);
    expect(ranked.map((r) => [r.total, r.rank])).toEqual([
      [90, 1],
      [80, 2],
      [80, 2],
      [70, 4],
    ]);
  });
});
