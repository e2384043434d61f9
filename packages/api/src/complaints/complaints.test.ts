import { auditLog, complaints } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import type { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { englishFieldErrors } from "../authz/field-error.ts";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";
import { resetComplaintRates } from "./client-throttle.ts";
import { fileComplaint } from "./file-complaint.ts";
import { complainantCtx, filing } from "./testing.ts";
import { trackComplaint } from "./track-complaint.ts";

const CODE = /^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/;

/** The same code with its last character changed (never to itself). */
const oneCharOff = (code: string) => code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");

describeEachDriver("complaints: filing and tracking", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
  });

  it("files anonymously and answers with a receipt code and a yearly reference", async () => {
    const filed = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });
    expect(filed.receiptCode).toMatch(CODE);
    expect(filed.reference).toMatch(/^2568\/\d{4}$/);
    expect(filed.agency.slug).toBe(w.agencyA.slug);
    const [row] = await w.db
      .select()
      .from(complaints)
      .where(eq(complaints.reference, filed.reference));
    expect(row!.isAnonymous).toBe(true);
    expect(row!.identity).toBeNull();
    expect(row!.state).toBe("received");
    // Acknowledge by Wednesday 12 March (3 working days after Friday 7 March), Bangkok end of day.
    expect(row!.acknowledgeBy.toISOString()).toBe("2025-03-12T16:59:59.999Z");
    // Only a slow hash of the code is stored.
    expect(row!.receiptHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(filed.receiptCode);
  });

  it("is idempotent on the form token: a retry or a double click files one complaint", async () => {
    const input = await filing(w, w.agencyA.id);
    const [a, b] = await Promise.all([
      fileComplaint({ ctx: complainantCtx(w), input }),
      fileComplaint({ ctx: complainantCtx(w), input }),
    ]);
    const c = await fileComplaint({ ctx: complainantCtx(w), input });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const rows = await w.db.select().from(complaints).where(eq(complaints.reference, a.reference));
    expect(rows).toHaveLength(1);
  });

  it("numbers complaints per agency and year without gaps", async () => {
    const b1 = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyB.id),
    });
    const b2 = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyB.id),
    });
    expect([b1.reference, b2.reference]).toEqual(["2568/0001", "2568/0002"]);
  });

  it("refuses bad input with a field message and stores nothing", async () => {
    const before = (await w.db.select().from(complaints)).length;
    const error = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id, { description: "สั้น" }),
    }).catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain("รายละเอียดเรื่องที่ร้องเรียนต้องยาวอย่างน้อย 20 ตัวอักษร");
    const unknownAgency = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, crypto.randomUUID()),
    }).catch((e: unknown) => e);
    expect(JSON.stringify(unknownAgency)).toContain("ไม่พบหน่วยงานที่เลือก");
    // The API answers each field in English too (fieldErrorsEn).
    expect(englishFieldErrors(error as ZodError)).toEqual({
      description: ["The description must be at least 20 characters long."],
    });
    expect(englishFieldErrors(unknownAgency as ZodError)).toEqual({
      agencyId: ["The chosen agency was not found. Search for the agency again."],
    });
    expect((await w.db.select().from(complaints)).length).toBe(before);
  });

  it("tracks with the code only; wrong and malformed codes get one answer in the same time", async () => {
    const filed = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });
    const typedSloppily = filed.receiptCode.toLowerCase().replaceAll("-", " ");
    const tracked = await trackComplaint({
      ctx: complainantCtx(w),
      input: { code: typedSloppily },
    });
    expect(tracked.reference).toBe(filed.reference);
    expect(tracked.state).toBe("received");
    expect(tracked.content?.description).toContain("สองพันบาท");
    expect(tracked.timeline.map((e) => e.toState)).toEqual(["received"]);

    const answers: string[] = [];
    const times: number[] = [];
    for (const code of ["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", "not a code", oneCharOff(filed.receiptCode)]) {
      const t0 = performance.now();
      const e = await trackComplaint({ ctx: complainantCtx(w), input: { code } }).catch(
        (x: unknown) => x,
      );
      times.push(performance.now() - t0);
      answers.push(JSON.stringify((e as { issues?: unknown }).issues));
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain("ไม่พบเรื่องที่ตรงกับรหัสนี้");
    const wrong = await trackComplaint({ ctx: complainantCtx(w), input: { code: "bad" } }).catch(
      (x: unknown) => x,
    );
    expect(englishFieldErrors(wrong as ZodError).code).toEqual([
      "Nothing matches this code. Check it and try again.",
    ]);
    for (const t of times) expect(t).toBeGreaterThanOrEqual(395);
  });

  it("throttles wrong codes per client, and only that client", async () => {
    resetComplaintRates();
    const wrong = () =>
      trackComplaint({ ctx: complainantCtx(w, "198.51.100.7"), input: { code: "bad" } }).catch(
        (e: unknown) => (errorCode(e) === "RATE_LIMITED" ? "limited" : "wrong"),
      );
    const results = await Promise.all(Array.from({ length: 21 }, wrong));
    expect(results.filter((r) => r === "wrong")).toHaveLength(20);
    expect(results.filter((r) => r === "limited")).toHaveLength(1);
    const other = await trackComplaint({
      ctx: complainantCtx(w, "198.51.100.8"),
      input: { code: "bad" },
    }).catch((e: unknown) => (e as { name?: string }).name);
    expect(other).toBe("ZodError");
  });

  it("writes no client address or browser into the audit log for complainants", async () => {
    await fileComplaint({
      ctx: complainantCtx(w, "203.0.113.99"),
      input: await filing(w, w.agencyA.id),
    });
    const rows = await w.db.select().from(auditLog).where(eq(auditLog.action, "complaint.filed"));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.ip).toBeNull();
      expect(r.userAgent).toBeNull();
      expect(JSON.stringify(r)).not.toContain("สองพันบาท");
    }
  });
});

describe("receipt code format", () => {
  it("matches the documented grouping", () => {
    expect("K7QF-3M9X-ABCD-EFGH-JKMN").toMatch(CODE);
  });
});
