import { createFileStore, type FileStore } from "@ita/db/files";
import { complaintDrafts, complaintFiles, complaints } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { EVIDENCE_MESSAGES } from "@ita/domain/complaints";
import { eq } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { ZodError } from "zod";
import { buildWorld, type World } from "../authz/test-world.ts";
import {
  AUTHOR,
  docmFile,
  jpegWithExif,
  pdfWithAuthor,
  PDF_MARKER,
} from "../testing/evidence-files.ts";
import { attachDraftEvidence, listDraftEvidence, removeDraftEvidence } from "./draft-evidence.ts";
import { useComplaintFileStore } from "./evidence-files.ts";
import { fileComplaint } from "./file-complaint.ts";
import { purgeClosedComplaints } from "./purge-closed-complaints.ts";
import {
  DRAFT_LIFETIME_MS,
  purgeComplaintDrafts,
  sweepOrphanComplaintFiles,
} from "./purge-complaint-files.ts";
import { replyAsComplainant } from "./reply-as-complainant.ts";
import { complainantCtx, filing } from "./testing.ts";
import { trackComplaint } from "./track-complaint.ts";

const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

async function storedKeys(store: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const f of store.list()) keys.push(f.key);
  return keys.sort();
}

async function refusedWith(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZodError);
  return (error as ZodError).issues[0]!.message;
}

describeEachDriver("complaint evidence: draft, filing, tracking, officer", (use) => {
  let w: World;
  let store: FileStore;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
    store = createFileStore(mkdtempSync(join(tmpdir(), "ita-complaint-files-")));
    useComplaintFileStore(store);
  });

  it("keeps files between steps in a draft; refusals change nothing; filing takes them over", async () => {
    const ctx = complainantCtx(w);
    const input = await filing(w, w.agencyA.id);
    const formToken = input.formToken;
    const pdf = await pdfWithAuthor();
    const jpeg = await jpegWithExif();

    let files = await attachDraftEvidence({
      ctx,
      input: { formToken, files: [{ name: "หลักฐาน/ใบเสร็จ.pdf", bytes: pdf }] },
    });
    expect(files.map((f) => [f.name, f.contentType])).toEqual([["ใบเสร็จ.pdf", "application/pdf"]]);
    files = await attachDraftEvidence({
      ctx,
      input: {
        formToken,
        files: [
          { name: "a.jpg", bytes: jpeg },
          { name: "b.jpg", bytes: jpeg },
          { name: "c.jpg", bytes: jpeg },
        ],
      },
    });
    expect(files).toHaveLength(4);
    const before = await storedKeys(store);
    expect(before).toHaveLength(4);

    // A macro file, and a 6th and 7th file: nothing is added, nothing stored.
    expect(
      await refusedWith(
        attachDraftEvidence({
          ctx,
          input: {
            formToken,
            files: [{ name: "m.docm", bytes: docmFile() }],
          },
        }),
      ),
    ).toBe(EVIDENCE_MESSAGES.macros.th);
    expect(
      await refusedWith(
        attachDraftEvidence({
          ctx,
          input: {
            formToken,
            files: [
              { name: "d.jpg", bytes: jpeg },
              { name: "e.jpg", bytes: jpeg },
            ],
          },
        }),
      ),
    ).toBe(EVIDENCE_MESSAGES.tooMany.th);
    expect(await listDraftEvidence({ ctx, input: { formToken } })).toEqual(files);
    expect(await storedKeys(store)).toEqual(before);

    // Taking one off frees its place and its stored file.
    files = await removeDraftEvidence({ ctx, input: { formToken, fileId: files[3]!.id } });
    expect(files.map((f) => f.name)).toEqual(["ใบเสร็จ.pdf", "a.jpg", "b.jpg"]);
    expect(await storedKeys(store)).toHaveLength(3);
    // Another form's token sees nothing of it.
    expect(
      await listDraftEvidence({
        ctx,
        input: { formToken: (await filing(w, w.agencyA.id)).formToken },
      }),
    ).toEqual([]);

    const filed = await fileComplaint({ ctx, input });
    // The same form sent again: the same complaint, the files once.
    expect((await fileComplaint({ ctx, input })).receiptCode).toBe(filed.receiptCode);
    expect(await w.db.select().from(complaintDrafts)).toEqual([]);
    const [c] = await w.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, filed.reference));
    const rows = await w.db
      .select()
      .from(complaintFiles)
      .where(eq(complaintFiles.complaintId, c!.id));
    expect(rows).toHaveLength(3);
    // After filing, the form's draft takes no more files.
    await expect(
      attachDraftEvidence({ ctx, input: { formToken, files: [{ name: "x.jpg", bytes: jpeg }] } }),
    ).rejects.toThrow();

    // The complainant sees the names; an officer of the agency downloads the clean bytes.
    const tracked = await trackComplaint({ ctx, input: { code: filed.receiptCode } });
    expect(tracked.files.map((f) => f.name)).toEqual(["ใบเสร็จ.pdf", "a.jpg", "b.jpg"]);
    const officer = await w.caller("officerA");
    const got = await officer.complaints.get({ complaintId: c!.id });
    expect(got.files.map((f) => [f.name, f.eventId])).toEqual([
      ["ใบเสร็จ.pdf", null],
      ["a.jpg", null],
      ["b.jpg", null],
    ]);
    const download = await officer.complaints.evidence({
      complaintId: c!.id,
      fileId: got.files[0]!.id,
    });
    const bytes = Buffer.from(download.base64, "base64");
    expect(download).toMatchObject({ name: "ใบเสร็จ.pdf", contentType: "application/pdf" });
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(has(bytes, PDF_MARKER)).toBe(true);
    expect(has(bytes, AUTHOR)).toBe(false);
    // A file of another complaint cannot be fetched through this one.
    const other = await fileComplaint({ ctx, input: await filing(w, w.agencyA.id) });
    const [o] = await w.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, other.reference));
    await expect(
      officer.complaints.evidence({ complaintId: o!.id, fileId: got.files[0]!.id }),
    ).rejects.toThrow();

    // The complainant adds files to a message; a refused file adds no message either.
    const jpegFile = { name: "เพิ่มเติม.jpg", bytes: jpeg };
    await replyAsComplainant({
      ctx,
      input: { code: filed.receiptCode, body: "ส่งภาพเพิ่มเติม", files: [jpegFile] },
    });
    const beforeRefusal = (await trackComplaint({ ctx, input: { code: filed.receiptCode } }))
      .timeline.length;
    expect(
      await refusedWith(
        replyAsComplainant({
          ctx,
          input: {
            code: filed.receiptCode,
            body: "ไฟล์ผิดประเภท",
            files: [{ name: "x.pdf", bytes: new TextEncoder().encode("not a pdf at all") }],
          },
        }),
      ),
    ).toBe(EVIDENCE_MESSAGES.wrongType.th);
    const after = await trackComplaint({ ctx, input: { code: filed.receiptCode } });
    expect(after.timeline).toHaveLength(beforeRefusal);
    const message = after.timeline.find((e) => e.body === "ส่งภาพเพิ่มเติม")!;
    expect(after.files.find((f) => f.name === "เพิ่มเติม.jpg")?.eventId).toBe(message.id);
  });

  it("retention deletes files with the content; unsent drafts and orphans are purged", async () => {
    const ctx = complainantCtx(w);
    const jpeg = await jpegWithExif();
    const input = await filing(w, w.agencyA.id);
    await attachDraftEvidence({
      ctx,
      input: { formToken: input.formToken, files: [{ name: "a.jpg", bytes: jpeg }] },
    });
    const filed = await fileComplaint({ ctx, input });
    const [c] = await w.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, filed.reference));
    const [row] = await w.db
      .select()
      .from(complaintFiles)
      .where(eq(complaintFiles.complaintId, c!.id));
    const officer = await w.caller("officerA");
    await officer.complaints.move({ complaintId: c!.id, to: "closed", outcome: "out-of-scope" });
    const later = new Date(w.now.getTime() + 400 * 86_400_000);
    await purgeClosedComplaints({
      ctx: { db: w.db, now: () => later },
      retentionDays: 365,
      files: store,
    });
    expect(
      await w.db.select().from(complaintFiles).where(eq(complaintFiles.complaintId, c!.id)),
    ).toEqual([]);
    expect(await store.read(row!.storageKey)).toBeNull();

    // A draft never sent: gone after a day, with its stored file.
    const abandoned = (await filing(w, w.agencyA.id)).formToken;
    await attachDraftEvidence({
      ctx,
      input: { formToken: abandoned, files: [{ name: "b.jpg", bytes: jpeg }] },
    });
    const [draftFile] = await w.db
      .select()
      .from(complaintFiles)
      .innerJoin(complaintDrafts, eq(complaintDrafts.id, complaintFiles.draftId));
    const soon = () => new Date(w.now.getTime() + DRAFT_LIFETIME_MS - 60_000);
    const dayAfter = () => new Date(w.now.getTime() + DRAFT_LIFETIME_MS + 60_000);
    expect(await purgeComplaintDrafts({ ctx: { db: w.db, now: soon }, files: store })).toBe(0);
    expect(await purgeComplaintDrafts({ ctx: { db: w.db, now: dayAfter }, files: store })).toBe(1);
    expect(await listDraftEvidence({ ctx, input: { formToken: abandoned } })).toEqual([]);
    expect(await store.read(draftFile!.complaint_files.storageKey)).toBeNull();

    // A stored file no row refers to (a crash before its row) goes; owned files stay.
    const kept = await storedKeys(store);
    const orphan = await store.put(new TextEncoder().encode("sealed bytes nobody owns"));
    expect(await sweepOrphanComplaintFiles({ db: w.db, before: new Date(0), files: store })).toBe(
      0,
    );
    expect(
      await sweepOrphanComplaintFiles({
        db: w.db,
        before: new Date(Date.now() + 1000),
        files: store,
      }),
    ).toBe(1);
    expect(await store.read(orphan.key)).toBeNull();
    expect(await storedKeys(store)).toEqual(kept);
  });
});
