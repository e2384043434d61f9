import { describe, expect, it } from "vitest";
import { addWorkingDays, isIsoDate, isWorkingDay, workingDaysBetween } from "./working-days.ts";

describe("working days", () => {
  it("knows weekends", () => {
    expect(isWorkingDay("2023-01-27")).toBe(true); // Friday
    expect(isWorkingDay("2023-01-28")).toBe(false); // Saturday
    expect(isWorkingDay("2023-01-29")).toBe(false); // Sunday
  });

  it("counts from the day after, skipping Saturdays and Sundays", () => {
    // Monday 2 Jan 2023 + 5 working days = Monday 9 Jan.
    expect(addWorkingDays("2023-01-02", 5)).toBe("2023-01-09");
    // Friday + 1 = Monday.
    expect(addWorkingDays("2023-01-27", 1)).toBe("2023-01-30");
    // From a Saturday, the first working day is Monday.
    expect(addWorkingDays("2023-01-28", 1)).toBe("2023-01-30");
    expect(addWorkingDays("2023-01-02", 0)).toBe("2023-01-02");
  });

  it("crosses months, years and leap days", () => {
    expect(addWorkingDays("2023-12-29", 2)).toBe("2024-01-02");
    expect(addWorkingDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addWorkingDays("2024-02-29", 1)).toBe("2024-03-01");
  });

  it("goes backwards for reminders before a deadline", () => {
    // Three working days before Tuesday 31 Jan 2023: Thursday 26 Jan.
    expect(addWorkingDays("2023-01-31", -3)).toBe("2023-01-26");
    expect(addWorkingDays("2023-01-30", -1)).toBe("2023-01-27");
  });

  it("counts working days between two dates", () => {
    expect(workingDaysBetween("2023-01-02", "2023-01-09")).toBe(5);
    expect(workingDaysBetween("2023-01-09", "2023-01-02")).toBe(0);
    expect(workingDaysBetween("2023-01-27", "2023-01-29")).toBe(0);
  });

  it("refuses dates that do not exist and fractional counts", () => {
    expect(isIsoDate("2023-02-30")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(() => addWorkingDays("2023-02-30", 1)).toThrow(RangeError);
    expect(() => addWorkingDays("2023-02-01", 1.5)).toThrow(RangeError);
  });

  describe("with public holidays (passed in as data)", () => {
    // Cabinet holidays of April 2026: Chakri Day Mon 6, Songkran Mon 13 – Wed 15.
    const april2026 = new Set(["2026-04-06", "2026-04-13", "2026-04-14", "2026-04-15"]);

    it("skips a holiday that falls on a weekday, and ignores the set otherwise", () => {
      expect(isWorkingDay("2026-04-14")).toBe(true);
      expect(isWorkingDay("2026-04-14", april2026)).toBe(false);
      expect(isWorkingDay("2026-04-16", april2026)).toBe(true);
    });

    it("moves a deadline that crosses Songkran past the three days", () => {
      // Friday 10 Apr + 3 working days: Wednesday 15 Apr on weekends alone,
      // Monday 20 Apr with Songkran (Thu 16, Fri 17, Mon 20).
      expect(addWorkingDays("2026-04-10", 3)).toBe("2026-04-15");
      expect(addWorkingDays("2026-04-10", 3, april2026)).toBe("2026-04-20");
      // From the Friday before Chakri Day: Monday 6 is off, so 1 working day is Tuesday 7.
      expect(addWorkingDays("2026-04-03", 1, april2026)).toBe("2026-04-07");
    });

    it("goes backwards over holidays too, and counts the days between without them", () => {
      expect(addWorkingDays("2026-04-16", -1, april2026)).toBe("2026-04-10");
      expect(workingDaysBetween("2026-04-10", "2026-04-17")).toBe(5);
      expect(workingDaysBetween("2026-04-10", "2026-04-17", april2026)).toBe(2);
    });
  });
});
