import { describe, expect, it } from "vitest";
import { formatNumberTh, formatThaiDate, fromThaiDigits, toThaiDigits } from "./thai-date.ts";

const date = new Date("2023-02-27T07:05:00Z"); // 14:05 in Bangkok

describe("formatThaiDate", () => {
  it("long style (default) uses the full month and BE year without 'พ.ศ.'", () => {
    expect(formatThaiDate(date)).toBe("27 กุมภาพันธ์ 2566");
    expect(formatThaiDate(date, { style: "long" })).toBe("27 กุมภาพันธ์ 2566");
  });

  it("short and numeric styles", () => {
    expect(formatThaiDate(date, { style: "short" })).toBe("27 ก.พ. 2566");
    expect(formatThaiDate(date, { style: "numeric" })).toBe("27/02/2566");
  });

  it("Thai digits as in official documents", () => {
    expect(formatThaiDate(date, { thaiDigits: true })).toBe("๒๗ กุมภาพันธ์ ๒๕๖๖");
    expect(formatThaiDate(date, { style: "short", thaiDigits: true })).toBe("๒๗ ก.พ. ๒๕๖๖");
  });

  it("time is Bangkok time", () => {
    expect(formatThaiDate(date, { withTime: true })).toBe("27 กุมภาพันธ์ 2566 เวลา 14:05 น.");
    expect(formatThaiDate(new Date("2023-02-27T17:30:00Z"), { withTime: true })).toBe(
      "28 กุมภาพันธ์ 2566 เวลา 00:30 น.",
    );
  });

  it("English keeps the BE year", () => {
    expect(formatThaiDate(date, { lang: "en" })).toBe("27 February 2566 BE");
    expect(formatThaiDate(date, { lang: "en", style: "short" })).toBe("27 Feb 2566 BE");
    expect(formatThaiDate(date, { lang: "en", withTime: true })).toBe("27 February 2566 BE, 14:05");
  });

  it("a date-only ISO string is a Bangkok calendar date", () => {
    expect(formatThaiDate("2023-01-31")).toBe("31 มกราคม 2566");
    expect(formatThaiDate("2023-04-07", { style: "short" })).toBe("7 เม.ย. 2566");
    expect(formatThaiDate("2023-02-27T20:00:00Z")).toBe("28 กุมภาพันธ์ 2566");
  });

  it("rejects invalid input", () => {
    expect(() => formatThaiDate("not a date")).toThrow();
  });
});

describe("digits and numbers", () => {
  it("converts between Arabic and Thai digits", () => {
    expect(toThaiDigits("89.18 (2565)")).toBe("๘๙.๑๘ (๒๕๖๕)");
    expect(fromThaiDigits("๙๖.๗๗ คะแนน")).toBe("96.77 คะแนน");
    expect(fromThaiDigits(toThaiDigits("0123456789"))).toBe("0123456789");
  });

  it("formats numbers with grouping, optionally in Thai digits", () => {
    expect(formatNumberTh(7850)).toBe("7,850");
    expect(formatNumberTh(1234.5, { thaiDigits: true })).toBe("๑,๒๓๔.๕");
    expect(formatNumberTh(85, { minimumFractionDigits: 2 })).toBe("85.00");
  });
});
