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
});
