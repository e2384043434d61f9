import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors.ts";
import {
  assertComplaintTransition,
  canMoveComplaint,
  formatComplaintReference,
} from "./complaint.ts";
import { addWorkingDays, complaintDeadlines } from "./deadlines.ts";
import { FileComplaintInput, TrackComplaintInput } from "./inputs.ts";
import { normalizeReceiptCode, receiptCodeFromBytes } from "./receipt-code.ts";
import { suppressBreakdown } from "./suppression.ts";

describe("receipt codes", () => {
  it("carry 100 bits as five groups of four Crockford characters", () => {
    const code = receiptCodeFromBytes(new Uint8Array(13).fill(0xff));
    expect(code).toBe("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    expect(receiptCodeFromBytes(new Uint8Array(13))).toBe("0000-0000-0000-0000-0000");
    const random = receiptCodeFromBytes(crypto.getRandomValues(new Uint8Array(13)));
    expect(random).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("differ when any of the first 100 bits differ", () => {
    const a = new Uint8Array(13);
    const b = new Uint8Array(13);
    b[12] = 0b0001_0000; // bit 100 (the last one used)
    expect(receiptCodeFromBytes(a)).not.toBe(receiptCodeFromBytes(b));
  });

  it("are read back forgivingly: case, spaces, I/L/O", () => {
    expect(normalizeReceiptCode("k7qf 3m9x abcd efgh jkmn")).toBe("K7QF-3M9X-ABCD-EFGH-JKMN");
    expect(normalizeReceiptCode("IL0O-0000-0000-0000-0000")).toBe("1100-0000-0000-0000-0000");
    expect(normalizeReceiptCode("UUUU-0000-0000-0000-0000")).toBeNull();
    expect(normalizeReceiptCode("0000-0000")).toBeNull();
    expect(TrackComplaintInput.safeParse({ code: "nonsense" }).success).toBe(false);
  });
});

describe("complaint states", () => {
  it("move forward only and close with an outcome", () => {
    expect(canMoveComplaint("received", "screening")).toBe(true);
    expect(canMoveComplaint("screening", "received")).toBe(false);
    expect(canMoveComplaint("closed", "investigating")).toBe(false);
    expect(() =>
      assertComplaintTransition("investigating", "closed", "substantiated"),
    ).not.toThrow();
    const e = (() => {
      try {
        assertComplaintTransition("investigating", "closed");
      } catch (err) {
        return err;
      }
    })();
    expect(isDomainError(e, "COMMENT_REQUIRED")).toBe(true);
    expect(() => assertComplaintTransition("received", "investigating")).toThrow();
  });

  it("have per-agency yearly reference numbers", () => {
    expect(formatComplaintReference(2568, 7)).toBe("2568/0007");
  });
});

describe("working-day deadlines", () => {
  it("skip weekends, counted from the Bangkok date", () => {
    // Friday 2025-03-07 10:00 Bangkok → 3 working days = Wednesday 12 March, end of day.
    const friday = new Date("2025-03-07T03:00:00Z");
    expect(addWorkingDays(friday, 3).toISOString()).toBe("2025-03-12T16:59:59.999Z");
    // Saturday 00:30 Bangkok is still Friday 17:30 UTC: the Bangkok date decides.
    const saturdayBkk = new Date("2025-03-07T17:30:00Z");
    expect(addWorkingDays(saturdayBkk, 1).toISOString()).toBe("2025-03-10T16:59:59.999Z");
    const d = complaintDeadlines(friday);
    expect(d.decideBy.getTime()).toBeGreaterThan(d.acknowledgeBy.getTime());
    expect(d.decideBy.toISOString()).toBe("2025-04-18T16:59:59.999Z");
  });
});

describe("small-cell suppression", () => {
  it("hides 1–4 and the cell that would reveal a hidden one", () => {
    const { cells, total } = suppressBreakdown({ bribery: 3, procurement: 9, gifts: 12, other: 0 });
    expect(cells).toEqual({ bribery: null, procurement: null, gifts: 12, other: 0 });
    expect(total).toBe(24);
  });

  it("publishes everything when no cell is small, and hides a small total", () => {
    expect(suppressBreakdown({ a: 5, b: 7 })).toEqual({ cells: { a: 5, b: 7 }, total: 12 });
    expect(suppressBreakdown({ a: 1, b: 2 })).toEqual({ cells: { a: null, b: null }, total: null });
    expect(suppressBreakdown({ a: 2, b: 2, c: 9 }).cells).toEqual({ a: null, b: null, c: 9 });
  });
});

describe("filing input", () => {
  const valid = {
    agencyId: crypto.randomUUID(),
    subject: "bribery",
    description: "เจ้าหน้าที่เรียกเงินเพิ่มเพื่อให้ใบอนุญาตออกเร็วขึ้น",
    formToken: "a".repeat(43),
  };
  it("is anonymous unless an identity is given", () => {
    const parsed = FileComplaintInput.parse(valid);
    expect(parsed.identity).toBeUndefined();
    expect(parsed.involved).toBeUndefined();
  });
  it("refuses oversize text and unknown subjects with Thai messages", () => {
    const r = FileComplaintInput.safeParse({
      ...valid,
      subject: "x",
      description: "ก".repeat(10_001),
    });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues).toContain("subject: กรุณาเลือกประเภทเรื่องร้องเรียน");
    expect(issues.some((i) => i.startsWith("description: ") && i.includes("10,000"))).toBe(true);
  });
});
