import { describe, expect, it } from "vitest";
import {
  expectedCount,
  fiscalMonth,
  isValidPeriod,
  missingEvidence,
  periodEndsAt,
  periodLabel,
  periodShortLabel,
  periodsOf,
} from "./expectations.ts";

describe("periods of a fiscal year", () => {
  it("has one period for once, four quarters, twelve months", () => {
    expect(periodsOf("once")).toEqual([1]);
    expect(periodsOf("quarterly")).toEqual([1, 2, 3, 4]);
    expect(periodsOf("monthly")).toHaveLength(12);
    expect(expectedCount("monthly")).toBe(12);
    expect(isValidPeriod("monthly", 12)).toBe(true);
    expect(isValidPeriod("monthly", 13)).toBe(false);
    expect(isValidPeriod("quarterly", 0)).toBe(false);
    expect(isValidPeriod("once", 1.5)).toBe(false);
  });

  it("starts the fiscal year in October of the previous BE year", () => {
    expect(fiscalMonth(2568, 1)).toEqual({ month: 10, yearBe: 2567 });
    expect(fiscalMonth(2568, 3)).toEqual({ month: 12, yearBe: 2567 });
    expect(fiscalMonth(2568, 4)).toEqual({ month: 1, yearBe: 2568 });
    expect(fiscalMonth(2568, 12)).toEqual({ month: 9, yearBe: 2568 });
  });

  it("ends a period at the first moment of the next one, Bangkok time", () => {
    expect(periodEndsAt("monthly", 1, 2568).toISOString()).toBe("2024-10-31T17:00:00.000Z");
    expect(periodEndsAt("monthly", 3, 2568).toISOString()).toBe("2024-12-31T17:00:00.000Z");
    expect(periodEndsAt("monthly", 12, 2568).toISOString()).toBe("2025-09-30T17:00:00.000Z");
    expect(periodEndsAt("quarterly", 1, 2568).toISOString()).toBe("2024-12-31T17:00:00.000Z");
    expect(periodEndsAt("once", 1, 2568).toISOString()).toBe("2025-09-30T17:00:00.000Z");
  });

  it("names periods in Thai with BE years, and in English", () => {
    expect(periodLabel("monthly", 1, 2568)).toBe("เดือนตุลาคม พ.ศ. 2567");
    expect(periodLabel("monthly", 12, 2568)).toBe("เดือนกันยายน พ.ศ. 2568");
    expect(periodLabel("monthly", 4, 2568, "en")).toBe("January 2568 BE");
    expect(periodLabel("quarterly", 2, 2568)).toBe("ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2568");
    expect(periodLabel("once", 1, 2568)).toBe("ปีงบประมาณ พ.ศ. 2568");
    expect(periodShortLabel("monthly", 1)).toBe("ต.ค.");
    expect(periodShortLabel("monthly", 12)).toBe("ก.ย.");
    expect(periodShortLabel("quarterly", 3, "en")).toBe("Q3");
  });
});

describe("missingEvidence", () => {
  const none = { files: 0, links: 0, description: " " };
  it("names what a document item lacks, and nothing once any expected kind is there", () => {
    expect(missingEvidence(["document"], none)).toEqual(["document"]);
    expect(missingEvidence(["document"], { ...none, links: 1 })).toEqual(["document"]);
    expect(missingEvidence(["document", "link"], { ...none, links: 1 })).toEqual([]);
    expect(missingEvidence(["document"], { ...none, files: 2 })).toEqual([]);
    expect(missingEvidence(["text"], { ...none, description: "โทร 053 511 000" })).toEqual([]);
    expect(missingEvidence(["link", "text"], none)).toEqual(["link", "text"]);
  });
});
