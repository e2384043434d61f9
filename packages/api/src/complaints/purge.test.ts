import { auditLog, complaintEvents, complaints } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, type World } from "../authz/test-world.ts";
import { TASKS } from "../jobs/tasks.ts";
import { readComplaintEnv } from "./env.ts";
import { fileComplaint } from "./file-complaint.ts";
import { purgeClosedComplaints } from "./purge-closed-complaints.ts";
import { complainantCtx, filing } from "./testing.ts";
import { trackComplaint } from "./track-complaint.ts";

describeEachDriver("complaints: retention", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
  });

  it("destroys content, identity, messages and key of long-closed cases, keeping their statistics", async () => {
    const old = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id, {
        identity: { name: "ผู้ร้องเก่า", consentToForward: false },
      }),
    });
    const open = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });
    const officer = await w.caller("officerA");
    const [row] = await w.db
      .select()
      .from(complaints)
      .where(eq(complaints.reference, old.reference));
    await officer.complaints.message({ complaintId: row!.id, body: "ข้อความที่ต้องถูกลบ" });
    await officer.complaints.move({ complaintId: row!.id, to: "closed", outcome: "out-of-scope" });

    const later = (days: number) => () => new Date(w.now.getTime() + days * 86_400_000);
    expect(
      await purgeClosedComplaints({ ctx: { db: w.db, now: later(364) }, retentionDays: 365 }),
    ).toBe(0);
    expect(
      await purgeClosedComplaints({ ctx: { db: w.db, now: later(366) }, retentionDays: 365 }),
    ).toBe(1);
    expect(
      await purgeClosedComplaints({ ctx: { db: w.db, now: later(367) }, retentionDays: 365 }),
    ).toBe(0);

    const [purged] = await w.db.select().from(complaints).where(eq(complaints.id, row!.id));
    expect(purged).toMatchObject({
      content: null,
      identity: null,
      state: "closed",
      outcome: "out-of-scope",
    });
    expect(purged!.wrappedKey).toHaveLength(0);
    const bodies = await w.db
      .select({ body: complaintEvents.body })
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, row!.id));
    expect(bodies.every((b) => b.body === null)).toBe(true);
    // The purge is audited once, by no one (the daily job), naming only the retention.
    const purges = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "complaint.purged"), eq(auditLog.targetId, row!.id)));
    expect(purges).toHaveLength(1);
    expect(purges[0]).toMatchObject({
      actorId: null,
      agencyId: w.agencyA.id,
      after: { retentionDays: 365 },
    });
    // The complainant still sees the outcome; an open case is untouched.
    const seen = await trackComplaint({ ctx: complainantCtx(w), input: { code: old.receiptCode } });
    expect(seen).toMatchObject({
      state: "closed",
      outcome: "out-of-scope",
      content: null,
      timeline: [],
    });
    const stillOpen = await trackComplaint({
      ctx: complainantCtx(w),
      input: { code: open.receiptCode },
    });
    expect(stillOpen.content?.description).toContain("สองพันบาท");
    const stats = await (
      await w.caller("anonymous")
    ).complaints.statistics({
      slug: w.agencyA.slug,
      fiscalYear: 2568,
    });
    expect(stats.total).toBeNull(); // 2 cases: counted, suppressed
  });

  it("runs daily on the job queue with a configurable retention", () => {
    expect(TASKS["complaint-purge"].cron).toBe("17 3 * * *");
    expect(readComplaintEnv({}).COMPLAINT_RETENTION_DAYS).toBe(1095);
    expect(readComplaintEnv({ COMPLAINT_RETENTION_DAYS: "400" }).COMPLAINT_RETENTION_DAYS).toBe(
      400,
    );
    expect(() => readComplaintEnv({ COMPLAINT_RETENTION_DAYS: "5" })).toThrow();
  });
});
