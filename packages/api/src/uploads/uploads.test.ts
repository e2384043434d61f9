import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SESSION_COOKIE } from "@ita/auth";
import { createFileStore } from "@ita/db/files";
import { attachments, disclosureEntries, searchDocuments } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createSession } from "../auth/sessions.ts";
import { buildWorld, type World } from "../authz/test-world.ts";
import { withMatchingExtension } from "./file-extension.ts";
import { handleAttachmentDownload } from "./handle-download.ts";
import { handleUploadRequest } from "./handle-upload.ts";
import { cleanFileName } from "./inspect-file.ts";
import { minimalPdf } from "../testing/pdf.ts";

const FY = 2568;

describeEachDriver("uploads", (use) => {
  let w: World;
  const files = createFileStore(mkdtempSync(join(tmpdir(), "ita-uploads-")));
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    for (const name of ["editorA", "editorB", "approverA", "coordinatorA"] as const) {
      tokens[name] = (
        await createSession(w.db, w.users[name].id, { twoFactorVerified: true })
      ).token;
    }
  }, 60_000);

  const upload = (
    who: string | null,
    query: string,
    name: string,
    bytes: Uint8Array,
    headers: Record<string, string> = {},
  ) =>
    handleUploadRequest(
      new Request(`http://localhost:4321/api/uploads?${query}`, {
        method: "POST",
        body: bytes.slice(),
        headers: {
          "sec-fetch-site": "same-origin",
          "x-file-name": encodeURIComponent(name),
          ...(who ? { cookie: `${SESSION_COOKIE}=${tokens[who]}` } : {}),
          ...headers,
        },
      }),
      { db: w.db, files },
    );

  it("attaches a PDF to a draft, detects its type from the content and extracts its text for search", async () => {
    const editor = await w.caller("editorA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O21",
      title: "สรุปผลการจัดซื้อจัดจ้าง ตุลาคม",
    });
    const res = await upload(
      "editorA",
      `entryId=${id}`,
      "สรุปผล ต.ค.pdf",
      minimalPdf("Procurement summary October"),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      attachment: { id: string; contentType: string; hasText: boolean };
    };
    expect(body.attachment).toMatchObject({ contentType: "application/pdf", hasText: true });
    const [row] = await w.db
      .select()
      .from(attachments)
      .where(eq(attachments.id, body.attachment.id));
    expect(row!.fileName).toBe("สรุปผล ต.ค.pdf");
    expect(row!.extractedText).toContain("Procurement summary October");
    expect(await files.read(row!.storageKey)).not.toBeNull();
    // Publishing puts the PDF's text into the search index.
    await editor.entries.submit({ entryId: id });
    await (await w.caller("approverA")).entries.approve({ entryId: id });
    const [doc] = await w.db.select().from(searchDocuments).where(eq(searchDocuments.entryId, id));
    expect(doc!.searchText).toContain("procurement summary october");
    expect((await editor.entries.get({ entryId: id })).attachments.map((a) => a.fileName)).toEqual([
      "สรุปผล ต.ค.pdf",
    ]);
  });

  it("refuses a renamed executable, an empty file and anonymous or cross-agency uploads", async () => {
    const editor = await w.caller("editorA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O20",
      title: "ประกาศจัดซื้อ",
    });
    const exe = new Uint8Array([
      0x4d,
      0x5a,
      0x90,
      0x00,
      0x03,
      0x00,
      0x00,
      0x00,
      0x04,
      0x00,
      ...new Array(200).fill(0),
    ]);
    const refused = await upload("editorA", `entryId=${id}`, "report.pdf", exe);
    expect(refused.status).toBe(400);
    expect(
      ((await refused.json()) as { error: { fieldErrors: { file: string[] } } }).error.fieldErrors
        .file[0],
    ).toContain("ไม่รองรับ");
    expect((await upload("editorA", `entryId=${id}`, "empty.pdf", new Uint8Array())).status).toBe(
      400,
    );
    expect((await upload(null, `entryId=${id}`, "a.pdf", minimalPdf("x"))).status).toBe(401);
    expect((await upload("editorB", `entryId=${id}`, "a.pdf", minimalPdf("x"))).status).toBe(403);
    expect((await upload("approverA", `entryId=${id}`, "a.pdf", minimalPdf("x"))).status).toBe(403);
    expect(
      (
        await upload("editorA", `entryId=${id}`, "a.pdf", minimalPdf("x"), {
          "sec-fetch-site": "cross-site",
        })
      ).status,
    ).toBe(403);
    expect(await w.db.select().from(attachments).where(eq(attachments.entryId, id))).toHaveLength(
      0,
    );
  });

  it("decides who may upload before reading the body, and explains refusals in English too", async () => {
    const editor = await w.caller("editorA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O22",
      title: "ประกาศ",
    });
    let pulled = false;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(minimalPdf("x"));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const stranger = await handleUploadRequest(
      new Request(`http://localhost:4321/api/uploads?entryId=${id}`, {
        method: "POST",
        body,
        duplex: "half",
        headers: {
          "sec-fetch-site": "same-origin",
          "x-file-name": "a.pdf",
          cookie: `${SESSION_COOKIE}=${tokens.editorB}`,
        },
      } as RequestInit),
      { db: w.db, files },
    );
    expect(stranger.status).toBe(403);
    expect(pulled).toBe(false);

    const refused = await upload("editorA", `entryId=${id}`, "a.pdf", new Uint8Array([0x4d, 0x5a]));
    const { error } = (await refused.json()) as {
      error: { messageEn: string; fieldErrorsEn: { file: string[] } };
    };
    expect(error.fieldErrorsEn.file[0]).toMatch(/not accepted/);
    expect(error.messageEn).toMatch(/not accepted/);
  });

  it("stores names without bidi controls and with the extension of the detected type", async () => {
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(
      cleanFileName("a\u200E\u200F\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069b.pdf"),
    ).toBe("ab.pdf");
    expect(withMatchingExtension("report.exe", "application/pdf")).toBe("report.pdf");
    expect(withMatchingExtension("รายงาน.2568", "application/pdf")).toBe("รายงาน.2568.pdf");
    expect(withMatchingExtension("photo.JPEG", "image/jpeg")).toBe("photo.JPEG");
    expect(withMatchingExtension("old.xls", "application/x-cfb")).toBe("old.xls");
    expect(withMatchingExtension("notes", "text/plain")).toBe("notes.txt");

    const editor = await w.caller("editorA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O23",
      title: "ใบแจ้งหนี้",
    });
    const res = await upload("editorA", `entryId=${id}`, "invoice\u202Efdp.exe", minimalPdf("x"));
    expect(res.status).toBe(201);
    const [row] = await w.db.select().from(attachments).where(eq(attachments.entryId, id));
    expect(row!.fileName).toBe("invoicefdp.pdf");
  });

  it("bulk upload: twelve monthly summaries become twelve drafts", async () => {
    for (let month = 1; month <= 12; month++) {
      const res = await upload(
        "editorA",
        `agencyId=${w.agencyA.id}&fiscalYear=${FY}&itemCode=O21`,
        `summary_month_${month}.pdf`,
        minimalPdf(`Summary month ${month}`),
      );
      expect(res.status).toBe(201);
    }
    const drafts = await w.db
      .select()
      .from(disclosureEntries)
      .where(eq(disclosureEntries.itemCode, "O21"));
    const titles = await (
      await w.caller("editorA")
    ).entries.list({ agencyId: w.agencyA.id, fiscalYear: FY, itemCode: "O21" });
    expect(drafts.filter((d) => d.state === "draft")).toHaveLength(12);
    expect(titles.map((t) => t.title)).toContain("summary month 7");
    expect(
      (
        await upload(
          "editorB",
          `agencyId=${w.agencyA.id}&fiscalYear=${FY}&itemCode=O21`,
          "x.pdf",
          minimalPdf("x"),
        )
      ).status,
    ).toBe(403);
  });

  it("adding a file to a published entry starts a new version; the public version keeps its files", async () => {
    const editor = await w.caller("editorA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O22",
      title: "รายงานผลการจัดซื้อประจำปี",
    });
    await upload("editorA", `entryId=${id}`, "v1.pdf", minimalPdf("version one"));
    await editor.entries.submit({ entryId: id });
    await (await w.caller("approverA")).entries.approve({ entryId: id });
    await upload("editorA", `entryId=${id}`, "v2.pdf", minimalPdf("version two"));
    const entry = await editor.entries.get({ entryId: id });
    expect(entry.state).toBe("draft");
    expect(entry.attachments.map((a) => a.fileName)).toEqual(["v1.pdf", "v2.pdf"]);
    const published = await w.db
      .select()
      .from(attachments)
      .where(eq(attachments.versionId, entry.published!.id));
    expect(published.map((a) => a.fileName)).toEqual(["v1.pdf"]);
    // Removing is for draft files only.
    const v2 = entry.attachments.find((a) => a.fileName === "v2.pdf")!;
    await editor.entries.removeAttachment({ attachmentId: v2.id });
    expect((await editor.entries.get({ entryId: id })).attachments.map((a) => a.fileName)).toEqual([
      "v1.pdf",
    ]);
  });

  it("staff open a draft's file at its staff URL; other agencies and anonymous visitors do not", async () => {
    const editor = await w.caller("editorA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O11",
      title: "แผนปฏิบัติการ",
    });
    const pdf = minimalPdf("Action plan");
    const res = await upload("editorA", `entryId=${id}`, "แผน.pdf", pdf);
    const { attachment } = (await res.json()) as { attachment: { id: string } };
    const download = (who: string | null, attachmentId = attachment.id) =>
      handleAttachmentDownload(
        new Request(`http://localhost:4321/api/attachments/${attachmentId}/x.pdf`, {
          headers: who ? { cookie: `${SESSION_COOKIE}=${tokens[who]}` } : {},
        }),
        {
          db: w.db,
          attachmentId,
          respond: async (file) =>
            new Response(Buffer.from((await files.read(file.storageKey))!), {
              headers: { "content-type": file.contentType },
            }),
        },
      );
    for (const reader of ["approverA", "coordinatorA"]) {
      const ok = await download(reader);
      expect(ok.status, reader).toBe(200);
      expect(ok.headers.get("content-type")).toBe("application/pdf");
      expect(new Uint8Array(await ok.arrayBuffer())).toEqual(pdf);
    }
    expect((await download("editorB")).status).toBe(403);
    expect((await download(null)).status).toBe(401);
    expect((await download("editorA", crypto.randomUUID())).status).toBe(403);
    expect((await download("editorA", "not-an-id")).status).toBe(404);
  });
});
