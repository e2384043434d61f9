import { createFileStore } from "@ita/db/files";
import { agencies, auditLog, complaintFiles, complaints } from "@ita/db/schema";
import { createAgency, createUser, describeEachDriver } from "@ita/db/testing";
import { and, eq, inArray } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import type { ZodError } from "zod";
import { englishFieldErrors } from "../authz/field-error.ts";
import { buildWorld, errorCode, type Caller, type World } from "../authz/test-world.ts";
import { pdfWithAuthor } from "../testing/evidence-files.ts";
import { attachDraftEvidence } from "./draft-evidence.ts";
import { useComplaintFileStore } from "./evidence-files.ts";
import { fileComplaint } from "./file-complaint.ts";
import { replyAsComplainant } from "./reply-as-complainant.ts";
import { complainantCtx, filing } from "./testing.ts";
import { trackComplaint } from "./track-complaint.ts";
import { withdrawComplaint } from "./withdraw-complaint.ts";

const NAME = "สมหมาย กล้าแจ้ง";
const REASON = "ผู้ถูกร้องเป็นเจ้าหน้าที่ของหน่วยงานปลายทาง ไม่อยู่ในอำนาจของเรา";
const FILE_NAME = "ใบเสร็จ.pdf";

/** English messages per field of a refused call (tRPC keeps the ZodError as the cause). */
const fieldsOf = (e: unknown) =>
  englishFieldErrors((e as { cause?: ZodError }).cause ?? (e as ZodError));

describeEachDriver("complaints: forwarding", (use) => {
  let w: World;
  let officerA: Caller;
  let officerB: Caller;
  let agencyBName: string;

  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
    useComplaintFileStore(createFileStore(mkdtempSync(join(tmpdir(), "ita-forward-files-"))));
    const b = await createUser(w.db, {
      roles: [{ role: "complaint-officer", agencyId: w.agencyB.id }],
    });
    officerA = await w.caller("officerA");
    officerB = await w.callerForUser(b.id);
    const [row] = await w.db
      .select({ name: agencies.nameTh })
      .from(agencies)
      .where(eq(agencies.id, w.agencyB.id));
    agencyBName = row!.name;
  });

  /** A named complaint to A with one evidence file, read by A's officer: its id and code. */
  async function fileToA(consentToForward: boolean) {
    const input = await filing(w, w.agencyA.id, {
      identity: { name: NAME, phone: "081 555 0101", consentToForward },
    });
    await attachDraftEvidence({
      ctx: complainantCtx(w),
      input: {
        formToken: input.formToken,
        files: [{ name: FILE_NAME, bytes: await pdfWithAuthor() }],
      },
    });
    const filed = await fileComplaint({ ctx: complainantCtx(w), input });
    const [row] = await w.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(and(eq(complaints.agencyId, w.agencyA.id), eq(complaints.reference, filed.reference)));
    return { id: row!.id, code: filed.receiptCode, reference: filed.reference };
  }

  const caseOfB = async (fromId: string) => {
    const [row] = await w.db
      .select()
      .from(complaints)
      .where(eq(complaints.forwardedFromId, fromId));
    return row;
  };

  it("forwards to another agency: closed here, a new case there with content and files, no identity", async () => {
    const c = await fileToA(false);
    await officerA.complaints.move({ complaintId: c.id, to: "screening" });
    await officerA.complaints.message({ complaintId: c.id, body: "ขอเอกสารเพิ่มเติม" });
    await officerA.complaints.message({ complaintId: c.id, body: "บันทึกลับของ ก.", internal: true });
    const original = await officerA.complaints.get({ complaintId: c.id });
    expect(original.identityConsent).toBe("not-consented");
    const originalFile = await officerA.complaints.evidence({
      complaintId: c.id,
      fileId: original.files[0]!.id,
    });

    // Without consent the identity cannot go along; nothing changes.
    const refused = await officerA.complaints
      .forward({
        complaintId: c.id,
        target: "agency",
        agencySlug: w.agencyB.slug,
        reason: REASON,
        includeIdentity: true,
      })
      .catch((e: unknown) => e);
    expect(errorCode(refused)).toBe("BAD_REQUEST");
    expect(fieldsOf(refused)).toEqual({
      includeIdentity: [
        "The complainant did not consent to their identity being passed on; only the content and evidence can be forwarded.",
      ],
    });
    expect(await caseOfB(c.id)).toBeUndefined();

    const done = await officerA.complaints.forward({
      complaintId: c.id,
      target: "agency",
      agencySlug: w.agencyB.slug,
      reason: REASON,
    });
    expect(done.outcome).toBe("forwarded-agency");

    const source = await officerA.complaints.get({ complaintId: c.id });
    expect(source).toMatchObject({ state: "closed", outcome: "forwarded-agency" });
    const out = source.timeline.at(-1)!;
    expect(out).toMatchObject({ kind: "forward", toState: "closed", body: null });
    expect(out.forward).toMatchObject({
      direction: "out",
      target: "agency",
      agency: { slug: w.agencyB.slug },
      reference: done.reference,
      identityPassed: false,
      reason: REASON,
    });

    // B's officers find it in their inbox: content, evidence (same bytes), no identity.
    const target = await caseOfB(c.id);
    expect(target).toMatchObject({
      agencyId: w.agencyB.id,
      reference: done.reference,
      state: "received",
      isAnonymous: true,
      identity: null,
      receiptHash: null,
    });
    const inbox = await officerB.complaints.inbox({ agencyId: w.agencyB.id });
    expect(inbox.find((i) => i.id === target!.id)).toMatchObject({ forwardedIn: true });
    const there = await officerB.complaints.get({ complaintId: target!.id });
    expect(there.content?.description).toBe(original.content?.description);
    expect(there.identityConsent).toBe("anonymous");
    expect(there.files.map((f) => f.name)).toEqual([FILE_NAME]);
    const copied = await officerB.complaints.evidence({
      complaintId: target!.id,
      fileId: there.files[0]!.id,
    });
    expect(copied.base64).toBe(originalFile.base64);
    // A's messages and internal notes stay with A.
    expect(JSON.stringify(there)).not.toContain("ขอเอกสารเพิ่มเติม");
    expect(JSON.stringify(there)).not.toContain("บันทึกลับของ ก.");
    expect(JSON.stringify(there)).not.toContain(NAME);
    expect(there.timeline).toHaveLength(1);
    expect(there.timeline[0]!.forward).toMatchObject({
      direction: "in",
      reference: c.reference,
      reason: REASON,
      identityPassed: false,
    });
    // The copy is a file of its own, sealed under B's key: A's file id does not open it.
    const [copyRow] = await w.db
      .select({ storageKey: complaintFiles.storageKey })
      .from(complaintFiles)
      .where(eq(complaintFiles.complaintId, target!.id));
    const [originalRow] = await w.db
      .select({ storageKey: complaintFiles.storageKey })
      .from(complaintFiles)
      .where(eq(complaintFiles.complaintId, c.id));
    expect(copyRow!.storageKey).not.toBe(originalRow!.storageKey);
    // A's officers do not read B's case; B's do not read A's.
    expect(
      await officerA.complaints
        .get({ complaintId: target!.id })
        .catch((e: unknown) => errorCode(e)),
    ).toBe("FORBIDDEN");
    expect(
      await officerB.complaints.get({ complaintId: c.id }).catch((e: unknown) => errorCode(e)),
    ).toBe("FORBIDDEN");

    // The complainant: the filed case closed with where it went, then B's case, still open.
    const seen = await trackComplaint({ ctx: complainantCtx(w), input: { code: c.code } });
    expect(seen).toMatchObject({ state: "closed", outcome: "forwarded-agency", open: true });
    const line = seen.timeline.find((e) => e.kind === "forward")!;
    expect(line.forward).toMatchObject({ agency: { nameTh: agencyBName }, reason: null });
    expect(seen.forwardedTo).toHaveLength(1);
    expect(seen.forwardedTo[0]).toMatchObject({
      reference: done.reference,
      agency: { nameTh: agencyBName },
      state: "received",
    });
    expect(JSON.stringify(seen)).not.toContain(REASON);

    // The complainant's answer goes to B's case, with the same code.
    await replyAsComplainant({
      ctx: complainantCtx(w),
      input: { code: c.code, body: "ผู้ถูกร้องยังทำงานอยู่ที่ฝ่ายการคลัง" },
    });
    const afterReply = await officerB.complaints.get({ complaintId: target!.id });
    expect(afterReply.timeline.at(-1)).toMatchObject({
      author: "complainant",
      body: "ผู้ถูกร้องยังทำงานอยู่ที่ฝ่ายการคลัง",
    });
    const sourceAfter = await officerA.complaints.get({ complaintId: c.id });
    expect(sourceAfter.timeline).toHaveLength(source.timeline.length);
    const seenAgain = await trackComplaint({ ctx: complainantCtx(w), input: { code: c.code } });
    expect(seenAgain.forwardedTo[0]!.timeline.at(-1)?.body).toBe("ผู้ถูกร้องยังทำงานอยู่ที่ฝ่ายการคลัง");

    // Audited on both sides, without the complaint's content, the reason or the name.
    const rows = await w.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ["complaint.forwarded", "complaint.received-forward"]));
    const mine = rows.filter((r) => r.targetId === c.id || r.targetId === target!.id);
    expect(mine.map((r) => [r.action, r.agencyId]).sort()).toEqual(
      [
        ["complaint.forwarded", w.agencyA.id],
        ["complaint.received-forward", w.agencyB.id],
      ].sort(),
    );
    expect(mine.find((r) => r.action === "complaint.forwarded")).toMatchObject({
      actorId: w.users.officerA.id,
      before: { state: "screening" },
      after: { state: "closed", outcome: "forwarded-agency", toAgencyId: w.agencyB.id },
    });
    const audited = JSON.stringify(mine);
    for (const secret of [REASON, NAME, "สองพันบาท", FILE_NAME])
      expect(audited).not.toContain(secret);

    // Closed here: not forwarded twice. The complainant may still withdraw — at B.
    expect(
      await officerA.complaints
        .forward({ complaintId: c.id, target: "nacc", letterNumber: "1", reason: REASON })
        .catch((e: unknown) => errorCode(e)),
    ).toBe("INVALID_TRANSITION");
    await withdrawComplaint({ ctx: complainantCtx(w), input: { code: c.code } });
    const [withdrawn] = await w.db.select().from(complaints).where(eq(complaints.id, target!.id));
    expect(withdrawn).toMatchObject({ state: "closed", outcome: "withdrawn" });
  });

  it("passes the identity on only when the complainant consented and the officer chose it", async () => {
    const c = await fileToA(true);
    expect((await officerA.complaints.get({ complaintId: c.id })).identityConsent).toBe(
      "consented",
    );
    await officerA.complaints.forward({
      complaintId: c.id,
      target: "agency",
      agencySlug: w.agencyB.slug,
      reason: REASON,
      includeIdentity: true,
    });
    const target = await caseOfB(c.id);
    expect(target!.isAnonymous).toBe(false);
    const identity = await officerB.complaints.reveal({
      complaintId: target!.id,
      reason: "ต้องติดต่อผู้ร้องเพื่อนัดให้ถ้อยคำ",
    });
    expect(identity).toMatchObject({ name: NAME, phone: "081 555 0101", consentToForward: true });
    const seen = await trackComplaint({ ctx: complainantCtx(w), input: { code: c.code } });
    expect(seen.timeline.find((e) => e.kind === "forward")?.forward?.identityPassed).toBe(true);
  });

  it("records a forward to the NACC with the letter's number; the case is closed for good", async () => {
    const c = await fileToA(false);
    const missing = await officerA.complaints
      .forward({ complaintId: c.id, target: "nacc", reason: REASON })
      .catch((e: unknown) => e);
    expect(fieldsOf(missing)).toEqual({
      letterNumber: ["Enter the number of the letter to the NACC."],
    });
    const done = await officerA.complaints.forward({
      complaintId: c.id,
      target: "nacc",
      letterNumber: "ลพ 52001/123",
      reason: REASON,
    });
    expect(done).toEqual({ outcome: "forwarded-nacc", reference: "ลพ 52001/123" });
    expect(await caseOfB(c.id)).toBeUndefined();
    const seen = await trackComplaint({ ctx: complainantCtx(w), input: { code: c.code } });
    expect(seen).toMatchObject({ state: "closed", outcome: "forwarded-nacc", open: false });
    expect(seen.forwardedTo).toEqual([]);
    expect(seen.timeline.at(-1)?.forward).toMatchObject({
      target: "nacc",
      agency: null,
      reference: "ลพ 52001/123",
      reason: null,
    });
    const late = await replyAsComplainant({
      ctx: complainantCtx(w),
      input: { code: c.code, body: "ขอบคุณ" },
    }).catch((e: unknown) => (e as { code?: string }).code);
    expect(late).toBe("INVALID_TRANSITION");
  });

  it("follows a case forwarded on: the code shows every step, and the last case decides what can be sent", async () => {
    const c = await fileToA(false);
    const first = await officerA.complaints.forward({
      complaintId: c.id,
      target: "agency",
      agencySlug: w.agencyB.slug,
      reason: REASON,
    });
    const atB = await caseOfB(c.id);
    await officerB.complaints.forward({
      complaintId: atB!.id,
      target: "nacc",
      letterNumber: "ลพ 52001/9",
      reason: "เป็นความผิดของผู้บริหารท้องถิ่น อยู่ในอำนาจ ป.ป.ช.",
    });
    const seen = await trackComplaint({ ctx: complainantCtx(w), input: { code: c.code } });
    expect(seen).toMatchObject({ state: "closed", outcome: "forwarded-agency", open: false });
    expect(seen.forwardedTo).toHaveLength(1);
    expect(seen.forwardedTo[0]).toMatchObject({
      reference: first.reference,
      state: "closed",
      outcome: "forwarded-nacc",
    });
    expect(seen.forwardedTo[0]!.timeline.at(-1)?.forward).toMatchObject({
      target: "nacc",
      reference: "ลพ 52001/9",
      reason: null,
    });
    const late = await replyAsComplainant({
      ctx: complainantCtx(w),
      input: { code: c.code, body: "มีหลักฐานเพิ่ม" },
    }).catch((e: unknown) => (e as { code?: string }).code);
    expect(late).toBe("INVALID_TRANSITION");
  });

  it("refuses its own agency, an unknown one and one without complaint officers, by the field", async () => {
    const c = await fileToA(false);
    const other = await createAgency(w.db, { provinceId: w.agencyB.provinceId });
    const tries = {
      own: w.agencyA.slug,
      unknown: "no-such-agency",
      empty: other.slug,
    };
    const out: Record<string, unknown> = {};
    for (const [key, agencySlug] of Object.entries(tries))
      out[key] = fieldsOf(
        await officerA.complaints
          .forward({ complaintId: c.id, target: "agency", agencySlug, reason: REASON })
          .catch((e: unknown) => e),
      ).agencySlug;
    expect(out).toEqual({
      own: ["A complaint cannot be forwarded to its own agency. Choose another agency."],
      unknown: ["The chosen agency was not found. Search for the agency again."],
      empty: [
        'This agency has no complaint officer in the system yet, so the case cannot be forwarded through it. Send a letter, then close the case as "Forwarded to another agency".',
      ],
    });
    const [row] = await w.db.select().from(complaints).where(eq(complaints.id, c.id));
    expect(row!.state).toBe("received");
  });
});
