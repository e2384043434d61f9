import { createFileStore } from "@ita/db/files";
import { complaintFiles } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { EVIDENCE_MESSAGES } from "@ita/domain/complaints";
import { count } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { ZodError } from "zod";
import { englishFieldErrors } from "../authz/field-error.ts";
import { buildWorld, type World } from "../authz/test-world.ts";
import { jpegWithExif } from "../testing/evidence-files.ts";
import { COMPLAINT_LIMITS, resetComplaintRates } from "./client-throttle.ts";
import { attachDraftEvidence, listDraftEvidence } from "./draft-evidence.ts";
import { useComplaintFileStore } from "./evidence-files.ts";
import { complainantCtx } from "./testing.ts";

const token = () => crypto.randomUUID().replaceAll("-", "") + "x".repeat(8);

describeEachDriver("complaint evidence: the per-client limit on draft uploads", (use) => {
  let w: World;
  let jpeg: Uint8Array;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
    useComplaintFileStore(createFileStore(mkdtempSync(join(tmpdir(), "ita-draft-limit-"))));
    jpeg = await jpegWithExif();
  }, 60_000);
  beforeEach(() => resetComplaintRates());

  const five = () => Array.from({ length: 5 }, (_, i) => ({ name: `${i}.jpg`, bytes: jpeg }));
  const storedFiles = async () => (await w.db.select({ n: count() }).from(complaintFiles))[0]!.n;

  it("bites after the allowance, by the file field in Thai and English, adding nothing; other clients go on", async () => {
    const client = complainantCtx(w, "198.51.100.20");
    const forms = COMPLAINT_LIMITS.draftFiles.max / 5;
    for (let i = 0; i < forms; i++)
      expect(
        await attachDraftEvidence({ ctx: client, input: { formToken: token(), files: five() } }),
      ).toHaveLength(5);

    const before = await storedFiles();
    const formToken = token();
    const error = await attachDraftEvidence({
      ctx: client,
      input: { formToken, files: [{ name: "one-more.jpg", bytes: jpeg }] },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZodError);
    const issue = (error as ZodError).issues[0]!;
    expect(issue.path).toEqual(["files"]);
    expect(issue.message).toBe(EVIDENCE_MESSAGES.tooManyUploads.th);
    expect(englishFieldErrors(error as ZodError).files).toEqual([
      EVIDENCE_MESSAGES.tooManyUploads.en,
    ]);
    expect(await storedFiles()).toBe(before);
    expect(await listDraftEvidence({ ctx: client, input: { formToken } })).toEqual([]);

    // Another client is not affected; an in-process call without an address is not limited.
    const other = complainantCtx(w, "198.51.100.21");
    expect(
      await attachDraftEvidence({ ctx: other, input: { formToken: token(), files: five() } }),
    ).toHaveLength(5);
  }, 120_000);

  it("holds under concurrent uploads from one client: never more files than the allowance", async () => {
    const client = complainantCtx(w, "198.51.100.22");
    const before = await storedFiles();
    const attempts = COMPLAINT_LIMITS.draftFiles.max / 5 + 3;
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, () =>
        attachDraftEvidence({ ctx: client, input: { formToken: token(), files: five() } }),
      ),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.length - refused.length).toBe(COMPLAINT_LIMITS.draftFiles.max / 5);
    for (const r of refused)
      expect(((r as PromiseRejectedResult).reason as ZodError).issues[0]!.message).toBe(
        EVIDENCE_MESSAGES.tooManyUploads.th,
      );
    expect((await storedFiles()) - before).toBe(COMPLAINT_LIMITS.draftFiles.max);
  }, 120_000);
});
