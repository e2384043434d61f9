import { describe, expect, it } from "vitest";
import { isDomainError } from "./errors.ts";
import {
  FISCAL_MONTHS_TH,
  beToCe,
  ceToBe,
  currentFiscalYear,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearRangeDates,
  isoDateIn,
  isValidFiscalYear,
} from "./fiscal-year.ts";

describe("BE/CE", () => {
  it("converts with the 543-year offset", () => {
    expect(ceToBe(2025)).toBe(2568);
    expect(beToCe(2568)).toBe(2025);
  });
});

describe("fiscalYearOf", () => {
  it("30 Sep belongs to the year ending then, 1 Oct starts the next", () => {
    expect(fiscalYearOf(new Date("2024-09-30T12:00:00+07:00"))).toBe(2567);
    expect(fiscalYearOf(new Date("2024-10-01T12:00:00+07:00"))).toBe(2568);
    expect(fiscalYearOf(new Date("2025-09-30T23:59:59+07:00"))).toBe(2568);
    expect(fiscalYearOf(new Date("2025-01-15T00:00:00+07:00"))).toBe(2568);
  });

  it("uses the calendar date in Bangkok, not UTC", () => {
    expect(fiscalYearOf(new Date("2024-09-30T16:59:59Z"))).toBe(2567); // 23:59:59 on 30 Sep in Bangkok
    expect(fiscalYearOf(new Date("2024-09-30T17:00:00Z"))).toBe(2568); // 00:00 on 1 Oct in Bangkok
    expect(fiscalYearOf(new Date("2024-09-30T20:00:00Z"))).toBe(2568);
  });

  it("honours another time zone when asked", () => {
    expect(fiscalYearOf(new Date("2024-09-30T20:00:00Z"), "UTC")).toBe(2567);
  });

  it("currentFiscalYear takes an injectable clock", () => {
    expect(currentFiscalYear(new Date("2024-09-30T17:00:00Z"))).toBe(2568);
  });

  it("rejects an invalid date", () => {
    expect(() => fiscalYearOf(new Date("nonsense"))).toThrow();
  });
});

describe("fiscal year ranges", () => {
  it("FY 2568 is 2024-10-01 … 2025-09-30", () => {
    expect(fiscalYearRange(2568)).toEqual({ start: "2024-10-01", end: "2025-09-30" });
  });

  it("gives Bangkok midnights as a half-open instant range", () => {
    const { start, endExclusive } = fiscalYearRangeDates(2568);
    expect(start.toISOString()).toBe("2024-09-30T17:00:00.000Z");
    expect(endExclusive.toISOString()).toBe("2025-09-30T17:00:00.000Z");
    expect(fiscalYearOf(start)).toBe(2568);
    expect(fiscalYearOf(new Date(endExclusive.getTime() - 1))).toBe(2568);
    expect(fiscalYearOf(endExclusive)).toBe(2569);
  });

  it("refuses out-of-range or CE years", () => {
    let caught: unknown;
    try {
      fiscalYearRange(2025);
    } catch (e) {
      caught = e;
    }
    expect(isDomainError(caught, "INVALID_INPUT")).toBe(true);
    expect(() => fiscalYearRangeDates(2568.5)).toThrow();
  });
});

describe("isValidFiscalYear", () => {
  it("accepts BE integers 2500–2700 only", () => {
    expect(isValidFiscalYear(2500)).toBe(true);
    expect(isValidFiscalYear(2700)).toBe(true);
    expect(isValidFiscalYear(2499)).toBe(false);
    expect(isValidFiscalYear(2701)).toBe(false);
    expect(isValidFiscalYear(2568.5)).toBe(false);
    expect(isValidFiscalYear("2568")).toBe(false);
  });
});

describe("labels and dates", () => {
  it("labels a fiscal year in Thai and English", () => {
    expect(fiscalYearLabel(2568, "th")).toBe("ปีงบประมาณ พ.ศ. 2568");
    expect(fiscalYearLabel(2568, "en")).toBe("Fiscal year 2568 (2024–25)");
    expect(fiscalYearLabel(2643, "en")).toBe("Fiscal year 2643 (2099–00)");
  });

  it("isoDateIn gives the Bangkok calendar date", () => {
    expect(isoDateIn(new Date("2024-09-30T17:00:00Z"))).toBe("2024-10-01");
    expect(isoDateIn(new Date("2024-09-30T16:59:59Z"))).toBe("2024-09-30");
  });
});

describe("FISCAL_MONTHS_TH", () => {
  it("names the months in fiscal order, October first, as Thai calendars do", () => {
    const fmt = new Intl.DateTimeFormat("th-TH", { month: "long", timeZone: "UTC" });
    const october = [9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7, 8];
    expect(FISCAL_MONTHS_TH).toEqual(
      october.map((m) => fmt.format(new Date(Date.UTC(2025, m, 1)))),
    );
  });
});

describe("fiscalQuarterOf", () => {
  it("counts quarters from October, by the day in Bangkok", async () => {
    const { fiscalQuarterOf } = await import("./fiscal-year.ts");
    expect(fiscalQuarterOf(new Date("2024-10-01T00:00:00+07:00"))).toEqual({
      fiscalYear: 2568,
      quarter: 1,
    });
    expect(fiscalQuarterOf(new Date("2024-12-31T23:59:00+07:00")).quarter).toBe(1);
    expect(fiscalQuarterOf(new Date("2025-01-01T00:00:00+07:00")).quarter).toBe(2);
    expect(fiscalQuarterOf(new Date("2025-06-30T12:00:00+07:00")).quarter).toBe(3);
    // 30 Sep 2025 18:00 UTC is already 1 Oct in Bangkok: the next year's first quarter.
    expect(fiscalQuarterOf(new Date("2025-09-30T18:00:00Z"))).toEqual({
      fiscalYear: 2569,
      quarter: 1,
    });
  });
});

describe("calendarDateIn, remembered by minute", () => {
  it("answers each instant right around midnight, in each zone, asked again and again", async () => {
    const { calendarDateIn } = await import("./fiscal-year.ts");
    // The last second before Bangkok's midnight and the first after it, asked twice each:
    // the second answer comes from the remembered minute and must not be the other day's.
    const before = new Date("2025-09-30T16:59:59.999Z");
    const after = new Date("2025-09-30T17:00:00.000Z");
    for (let round = 0; round < 2; round++) {
      expect(calendarDateIn(before)).toEqual({ year: 2025, month: 9, day: 30 });
      expect(calendarDateIn(after)).toEqual({ year: 2025, month: 10, day: 1 });
    }
    // Same instant, other zones (one of them half an hour off the hour): no answer is
    // shared between zones.
    expect(calendarDateIn(after, "Asia/Kolkata")).toEqual({ year: 2025, month: 9, day: 30 });
    expect(calendarDateIn(new Date("2025-09-30T18:30:00Z"), "Asia/Kolkata")).toEqual({
      year: 2025,
      month: 10,
      day: 1,
    });
    expect(calendarDateIn(after, "UTC")).toEqual({ year: 2025, month: 9, day: 30 });
    expect(calendarDateIn(after)).toEqual({ year: 2025, month: 10, day: 1 });
    // A caller changing its answer does not change the next one.
    const answer = calendarDateIn(after);
    answer.day = 99;
    expect(calendarDateIn(after).day).toBe(1);
  });
});
