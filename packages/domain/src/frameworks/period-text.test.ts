import { describe, expect, it } from "vitest";
import { monthsNamedIn, periodNamedIn, shiftFiscalYearText } from "./period-text.ts";

describe("monthsNamedIn", () => {
  it("reads full and abbreviated Thai month names with BE years in either digits", () => {
    expect(monthsNamedIn("สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน พ.ศ. 2569")).toEqual([
      { month: 9, yearBe: 2569 },
    ]);
    expect(monthsNamedIn("สขร.1 ต.ค. 67.pdf")).toEqual([{ month: 10, yearBe: 2567 }]);
    expect(monthsNamedIn("เดือนมีนาคม ๒๕๖๘")).toEqual([{ month: 3, yearBe: 2568 }]);
    expect(monthsNamedIn("เดือนพฤศจิกายน")).toEqual([{ month: 11, yearBe: null }]);
  });

  it("does not take an abbreviation without a year (ก.พ. is also the Civil Service Commission)", () => {
    expect(monthsNamedIn("หลักเกณฑ์ตามมติ ก.พ. เรื่องการประเมิน")).toEqual([]);
  });
});

describe("periodNamedIn", () => {
  it("gives the fiscal month of a monthly item (October is 1)", () => {
    expect(periodNamedIn("ประจำเดือนตุลาคม พ.ศ. 2567", "monthly", 2568)).toBe(1);
    expect(periodNamedIn("ประจำเดือนกันยายน พ.ศ. 2568", "monthly", 2568)).toBe(12);
    expect(periodNamedIn("สขร. ม.ค.68", "monthly", 2568)).toBe(4);
    expect(periodNamedIn("เดือนธันวาคม", "monthly", 2568)).toBe(3);
  });

  it("refuses another fiscal year, several months, or nothing", () => {
    expect(periodNamedIn("ประจำเดือนตุลาคม พ.ศ. 2568", "monthly", 2568)).toBeNull();
    expect(periodNamedIn("ตุลาคม – ธันวาคม 2567", "monthly", 2568)).toBeNull();
    expect(periodNamedIn("สรุปผลประจำปี", "monthly", 2568)).toBeNull();
    expect(periodNamedIn("เดือนตุลาคม 2567", "once", 2568)).toBeNull();
  });

  it("gives the quarter of a quarterly item", () => {
    expect(periodNamedIn("รายงานไตรมาสที่ ๒", "quarterly", 2568)).toBe(2);
    expect(periodNamedIn("ตุลาคม – ธันวาคม 2567", "quarterly", 2568)).toBe(1);
    expect(periodNamedIn("เดือนเมษายน 2568", "quarterly", 2568)).toBe(3);
  });
});

describe("shiftFiscalYearText", () => {
  it("moves the years of last fiscal year's months on by one, in the digits they were written", () => {
    expect(shiftFiscalYearText("ประจำเดือนกันยายน พ.ศ. 2569", 2570)).toBe(
      "ประจำเดือนกันยายน พ.ศ. 2570",
    );
    // October of FY 2570 was in BE 2568; the same month of FY 2571 is in 2569.
    expect(shiftFiscalYearText("ประจำเดือนตุลาคม พ.ศ. 2568", 2570)).toBe("ประจำเดือนตุลาคม พ.ศ. 2569");
    expect(shiftFiscalYearText("ปีงบประมาณ พ.ศ. ๒๕๖๖", 2567)).toBe("ปีงบประมาณ พ.ศ. ๒๕๖๗");
    expect(shiftFiscalYearText("สขร.1 ก.ย. 69 และ ต.ค.๖๘", 2570)).toBe("สขร.1 ก.ย. 70 และ ต.ค.๖๙");
  });

  it("moves each year once and leaves other years and numbers alone", () => {
    expect(shiftFiscalYearText("แผน 2568–2569", 2570)).toBe("แผน 2569–2570");
    expect(shiftFiscalYearText("พ.ร.บ. ข้อมูลข่าวสารของราชการ พ.ศ. 2540", 2570)).toBe(
      "พ.ร.บ. ข้อมูลข่าวสารของราชการ พ.ศ. 2540",
    );
    expect(shiftFiscalYearText("เลขที่ 125690 จำนวน 69 รายการ", 2570)).toBe(
      "เลขที่ 125690 จำนวน 69 รายการ",
    );
  });
});
