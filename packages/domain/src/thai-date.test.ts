import { describe, expect, it } from "vitest";
import {
  daysInThaiMonth,
  formatNumberTh,
  formatThaiDate,
  fromThaiDateTimeParts,
  fromThaiDigits,
  THAI_MONTHS,
  toThaiDateTimeParts,
  toThaiDigits,
} from "./thai-date.ts";

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

describe("Thai date-time parts (the admin's BE date-time field)", () => {
  it("names the months January first, as Intl does", () => {
    const intl = new Intl.DateTimeFormat("th-TH", { month: "long", timeZone: "UTC" });
    expect(THAI_MONTHS).toEqual(
      Array.from({ length: 12 }, (_, m) => intl.format(new Date(Date.UTC(2026, m, 1)))),
    );
  });

  it("reads and builds Bangkok wall time with a BE year, both ways", () => {
    const at = new Date("2026-12-31T17:30:00Z"); // 1 มกราคม 2570, 00:30 in Bangkok
    const parts = toThaiDateTimeParts(at);
    expect(parts).toEqual({ yearBE: 2570, month: 1, day: 1, hour: 0, minute: 30 });
    expect(fromThaiDateTimeParts(parts)).toEqual(at);
    expect(formatThaiDate(fromThaiDateTimeParts(parts)!, { withTime: true })).toBe(
      "1 มกราคม 2570 เวลา 00:30 น.",
    );
  });

  it("refuses a day the month lacks and knows leap years", () => {
    expect(fromThaiDateTimeParts({ yearBE: 2569, month: 4, day: 31, hour: 9, minute: 0 })).toBe(
      null,
    );
    expect(daysInThaiMonth(2567, 2)).toBe(29); // 2024
    expect(daysInThaiMonth(2569, 2)).toBe(28); // 2026
    expect(fromThaiDateTimeParts({ yearBE: 2569, month: 1, day: 1, hour: 24, minute: 0 })).toBe(
      null,
    );
  });
});

describe("formatThaiDate's cache by Bangkok day and minute", () => {
  it("gives what ICU gives for a zone of the same offset, across midnights and minutes", () => {
    // Etc/GMT-7 is UTC+7 like Bangkok but not cached: every answer comes from Intl.
    const start = Date.UTC(2026, 11, 31, 16, 58, 30); // 23:58:30 in Bangkok, 31 December
    for (let i = 0; i < 400; i++) {
      const at = new Date(start + i * 17_000 + (i % 3) * 86_400_000 * 40);
      for (const opts of [
        { style: "short" as const },
        { withTime: true },
        { lang: "en" as const, thaiDigits: true },
        { style: "numeric" as const, withTime: true },
      ]) {
        const expected = formatThaiDate(at, { ...opts, timeZone: "Etc/GMT-7" });
        expect(formatThaiDate(at, opts)).toBe(expected);
        // Asked again, from the cache.
        expect(formatThaiDate(at, opts)).toBe(expected);
      }
    }
    expect(formatThaiDate(new Date("2026-12-31T16:59:59Z"), { style: "short" })).toBe(
      "31 ธ.ค. 2569",
    );
    expect(formatThaiDate(new Date("2026-12-31T17:00:00Z"), { style: "short" })).toBe(
      "1 ม.ค. 2570",
    );
  });
});
