import { describe, expect, it } from "vitest";
import { MAX_SCHEDULE_DAYS, schedulePublication } from "./publication.ts";

const now = new Date("2025-03-01T03:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const DAY = 86_400_000;

describe("schedulePublication", () => {
  it("publishes now without a date, or with one a few minutes ago (form precision)", () => {
    expect(schedulePublication(undefined, now)).toEqual({ ok: true, at: null });
    expect(schedulePublication(later(-3 * 60_000), now)).toEqual({ ok: true, at: null });
    expect(schedulePublication(now, now)).toEqual({ ok: true, at: null });
  });

  it("refuses a backdated publication", () => {
    expect(schedulePublication(later(-DAY), now)).toEqual({ ok: false, reason: "past" });
  });

  it("schedules forward, at most a year ahead", () => {
    expect(schedulePublication(later(7 * DAY), now)).toEqual({ ok: true, at: later(7 * DAY) });
    expect(schedulePublication(later(MAX_SCHEDULE_DAYS * DAY), now).ok).toBe(true);
    expect(schedulePublication(later(MAX_SCHEDULE_DAYS * DAY + 60_000), now)).toEqual({
      ok: false,
      reason: "tooFar",
    });
  });
});
