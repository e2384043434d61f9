import { createFileStore } from "@ita/db/files";
import { auditLog } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { COMPLAINT_MESSAGES } from "@ita/domain/complaints";
import { eq } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { ZodError } from "zod";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";
import { pdfWithAuthor, PDF_MARKER } from "../testing/evidence-files.ts";
import { COMPLAINT_LIMITS, resetComplaintRates } from "./client-throttle.ts";
import { attachDraftEvidence } from "./draft-evidence.ts";
import { useComplaintFileStore } from "./evidence-files.ts";
import { fileComplaint } from "./file-complaint.ts";
import { readOwnEvidence } from "./read-own-evidence.ts";
import { complainantCtx, filing } from "./testing.ts";
import { trackComplaint } from "./track-complaint.ts";

const oneCharOff = (code: string) => code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");

describeEachDriver("complaint evidence: the complainant downloads their own files", (use) => {
  let w: World;
  let mine: { code: string; fileId: string };
  let theirs: { code: string; fileId: string };
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
    useComplaintFileStore(createFileStore(mkdtempSync(join(tmpdir(), "ita-own-evidence-"))));
    const fileWith = async (name: string) => {
      const input = await filing(w, w.agencyA.id);
      await attachDraftEvidence({
        ctx: complainantCtx(w),
        input: { formToken: input.formToken, files: [{ name, bytes: await pdfWithAuthor() }] },
      });
      const filed = await fileComplaint({ ctx: complainantCtx(w), input });
      const tracked = await trackComplaint({
        ctx: complainantCtx(w),
        input: { code: filed.receiptCode },
      });
      return { code: filed.receiptCode, fileId: tracked.files[0]!.id };
    };
    mine = await fileWith("ใบเสร็จ.pdf");
    theirs = await fileWith("อื่น.pdf");
  }, 60_000);
  beforeEach(() => resetComplaintRates());

  it("returns the file decrypted, by its name and type, with the receipt code only; audited without the client", async () => {
    const file = await readOwnEvidence({
      ctx: complainantCtx(w, "198.51.100.7"),
      input: { code: mine.code.toLowerCase().replaceAll("-", " "), fileId: mine.fileId },
    });
    expect(file).toMatchObject({ name: "ใบเสร็จ.pdf", contentType: "application/pdf" });
    const bytes = Buffer.from(file.base64, "base64");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.includes(Buffer.from(PDF_MARKER))).toBe(true);
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "complaint.file-read-by-complainant"));
    expect(audit).toMatchObject({ ip: null, userAgent: null, actorId: null });
    expect(audit!.after).toEqual({ fileId: mine.fileId });
  });

  it("refuses a wrong code with the tracking page's one answer, and another complaint's file like a missing one", async () => {
    const refused = async (input: { code: string; fileId: string }) => {
      const error = await readOwnEvidence({ ctx: complainantCtx(w, "198.51.100.8"), input }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ZodError);
      return (error as ZodError).issues[0]!.message;
    };
    expect(await refused({ code: oneCharOff(mine.code), fileId: mine.fileId })).toBe(
      COMPLAINT_MESSAGES.codeUnknown.th,
    );
    expect(await refused({ code: "not a code", fileId: mine.fileId })).toBe(
      COMPLAINT_MESSAGES.codeUnknown.th,
    );
    expect(await refused({ code: mine.code, fileId: theirs.fileId })).toBe(
      COMPLAINT_MESSAGES.fileGone.th,
    );
    expect(await refused({ code: mine.code, fileId: crypto.randomUUID() })).toBe(
      COMPLAINT_MESSAGES.fileGone.th,
    );
  });

  it("counts wrong codes towards the tracking throttle of that client, through the public procedure", async () => {
    const anonymous = await w.caller("anonymous");
    // The world's context has a client address (192.0.2.10): its allowance runs out.
    for (let i = 0; i < COMPLAINT_LIMITS.track.max; i++)
      expect(
        errorCode(
          await anonymous.complaints
            .ownEvidence({ code: oneCharOff(mine.code), fileId: mine.fileId })
            .catch((e: unknown) => e),
        ),
      ).toBe("BAD_REQUEST");
    // Now even the right code is refused for that client (and tracking shares the limit).
    expect(errorCode(await anonymous.complaints.ownEvidence(mine).catch((e: unknown) => e))).toBe(
      "RATE_LIMITED",
    );
    expect(
      errorCode(await anonymous.complaints.track({ code: mine.code }).catch((e: unknown) => e)),
    ).toBe("RATE_LIMITED");
    // Another client is not affected.
    const other = await readOwnEvidence({ ctx: complainantCtx(w, "198.51.100.9"), input: mine });
    expect(other.name).toBe("ใบเสร็จ.pdf");
  }, 60_000);
});
