import { auditLog, complaints } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createSession } from "../auth/sessions.ts";
import { buildWorld, contextFor, errorCode, type World } from "../authz/test-world.ts";
import { createCaller } from "../index.ts";
import { complainantCtx, filing } from "./testing.ts";
import { fileComplaint } from "./file-complaint.ts";
import { replyAsComplainant } from "./reply-as-complainant.ts";
import { trackComplaint } from "./track-complaint.ts";
import { withdrawComplaint } from "./withdraw-complaint.ts";

describeEachDriver("complaints: officer case work", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
  });

  it("walks a named complaint from receipt to an outcome, both sides talking", async () => {
    const filed = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id, {
        identity: { name: "สมศรี ใจกล้า", phone: "081 234 5678", consentToForward: false },
      }),
    });
    const officer = await w.caller("officerA");
    const inbox = await officer.complaints.inbox({ agencyId: w.agencyA.id });
    const item = inbox.find((c) => c.reference === filed.reference)!;
    expect(item).toMatchObject({ state: "received", isAnonymous: false, overdue: null });

    const read = await officer.complaints.get({ complaintId: item.id });
    expect(read.content?.description).toContain("สองพันบาท");
    // The identity is not part of reading a case.
    expect(JSON.stringify(read)).not.toContain("สมศรี");

    await officer.complaints.move({ complaintId: item.id, to: "screening" });
    await officer.complaints.message({ complaintId: item.id, body: "โปรดระบุวันที่เกิดเหตุ" });
    await officer.complaints.message({
      complaintId: item.id,
      body: "ตรวจสอบกับงานทะเบียนก่อน",
      internal: true,
    });

    const seen = await trackComplaint({
      ctx: complainantCtx(w),
      input: { code: filed.receiptCode },
    });
    expect(seen.state).toBe("screening");
    expect(seen.timeline.map((e) => e.body)).toContain("โปรดระบุวันที่เกิดเหตุ");
    expect(JSON.stringify(seen)).not.toContain("ตรวจสอบกับงานทะเบียนก่อน");
    expect(JSON.stringify(seen)).not.toContain("สมศรี");
    expect(seen.timeline.every((e) => e.actorName === null)).toBe(true);

    await replyAsComplainant({
      ctx: complainantCtx(w),
      input: { code: filed.receiptCode, body: "เกิดเหตุวันที่ 3 มีนาคม 2568" },
    });
    const after = await officer.complaints.get({ complaintId: item.id });
    expect(after.timeline.at(-1)).toMatchObject({
      author: "complainant",
      body: "เกิดเหตุวันที่ 3 มีนาคม 2568",
    });

    // Reveal needs a reason, and is audited before the identity is returned.
    const noReason = await officer.complaints
      .reveal({ complaintId: item.id, reason: "" })
      .catch((e: unknown) => errorCode(e));
    expect(noReason).toBe("BAD_REQUEST");
    const identity = await officer.complaints.reveal({
      complaintId: item.id,
      reason: "ต้องติดต่อผู้ร้องเพื่อนัดให้ถ้อยคำ",
    });
    expect(identity).toMatchObject({ name: "สมศรี ใจกล้า", phone: "081 234 5678" });
    const [revealed] = await w.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "complaint.identity-revealed"), eq(auditLog.targetId, item.id)),
      );
    expect(revealed).toMatchObject({
      actorId: w.users.officerA.id,
      after: { reason: "ต้องติดต่อผู้ร้องเพื่อนัดให้ถ้อยคำ" },
    });

    await officer.complaints.move({ complaintId: item.id, to: "investigating" });
    const noOutcome = await officer.complaints
      .move({ complaintId: item.id, to: "closed" })
      .catch((e: unknown) => errorCode(e));
    expect(noOutcome).toBe("COMMENT_REQUIRED");
    await officer.complaints.move({
      complaintId: item.id,
      to: "closed",
      outcome: "substantiated",
      note: "ดำเนินการทางวินัยแล้ว",
    });
    const closed = await trackComplaint({
      ctx: complainantCtx(w),
      input: { code: filed.receiptCode },
    });
    expect(closed).toMatchObject({ state: "closed", outcome: "substantiated", open: false });
    const states = await w.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "complaint.state"), eq(auditLog.targetId, item.id)));
    expect(states.map((s) => (s.after as { state: string }).state)).toEqual([
      "screening",
      "investigating",
      "closed",
    ]);
    // A closed case takes no more messages from the complainant.
    const late = await replyAsComplainant({
      ctx: complainantCtx(w),
      input: { code: filed.receiptCode, body: "ขอบคุณ" },
    }).catch((e: unknown) => (e as { code?: string }).code);
    expect(late).toBe("INVALID_TRANSITION");
  });

  it("lets the complainant withdraw, and flags overdue cases", async () => {
    const filed = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });
    await withdrawComplaint({ ctx: complainantCtx(w), input: { code: filed.receiptCode } });
    const seen = await trackComplaint({
      ctx: complainantCtx(w),
      input: { code: filed.receiptCode },
    });
    expect(seen).toMatchObject({ state: "closed", outcome: "withdrawn" });
    // Audited as a state change, with no actor and nothing about the complainant's client.
    const [withdrawn] = await w.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(and(eq(complaints.agencyId, w.agencyA.id), eq(complaints.reference, filed.reference)));
    const withdrawals = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "complaint.withdrawn"), eq(auditLog.targetId, withdrawn!.id)));
    expect(withdrawals).toHaveLength(1);
    expect(withdrawals[0]).toMatchObject({
      actorId: null,
      agencyId: w.agencyA.id,
      ip: null,
      userAgent: null,
      before: { state: "received" },
      after: { state: "closed", outcome: "withdrawn" },
    });

    await fileComplaint({ ctx: complainantCtx(w), input: await filing(w, w.agencyA.id) });
    // Ten days on, the unacknowledged open cases are late; the withdrawn one is not.
    const tenDaysOn = new Date("2025-03-17T03:00:00Z");
    const { token } = await createSession(w.db, w.users.officerA.id, {
      twoFactorVerified: true,
      now: tenDaysOn,
    });
    const officerLater = createCaller(await contextFor(w.db, token, tenDaysOn));
    const overdue = await officerLater.complaints.inbox({
      agencyId: w.agencyA.id,
      overdueOnly: true,
    });
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((c) => c.overdue === "acknowledge")).toBe(true);
    expect(overdue.some((c) => c.reference === filed.reference)).toBe(false);
  });

  it("assigns only to complaint officers of the same agency", async () => {
    const filed = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });
    const officer = await w.caller("officerA");
    const item = (await officer.complaints.inbox({ agencyId: w.agencyA.id })).find(
      (c) => c.reference === filed.reference,
    )!;
    await officer.complaints.assign({ complaintId: item.id, assigneeId: w.users.officerA.id });
    const wrong = await officer.complaints
      .assign({ complaintId: item.id, assigneeId: w.users.editorA.id })
      .catch((e: unknown) => errorCode(e));
    expect(wrong).toBe("BAD_REQUEST");
    const list = await officer.complaints.inbox({ agencyId: w.agencyA.id });
    expect(list.find((c) => c.id === item.id)?.assignee).toBeTruthy();
    // The assignment is audited; the refused one is not.
    const assignments = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "complaint.assigned"), eq(auditLog.targetId, item.id)));
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({
      actorId: w.users.officerA.id,
      agencyId: w.agencyA.id,
      before: { assigneeId: null },
      after: { assigneeId: w.users.officerA.id },
    });
  });
});
