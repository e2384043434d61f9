import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SESSION_COOKIE } from "@ita/auth";
import { thaiSearchKey } from "@ita/domain/thai-text";
import { createFileStore } from "@ita/db/files";
import { attachments } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createSession } from "../auth/sessions.ts";
import { buildWorld, type World } from "../authz/test-world.ts";
import { endlessLoopPdf, hugePageCountPdf } from "../testing/hostile-pdf.ts";
import { thaiDocx, thaiPptx, thaiXlsx } from "../testing/office-files.ts";
import { scannedThaiAnnouncement, thaiAnnouncementPdf } from "../testing/thai-pdf.ts";
import { handleUploadRequest } from "../uploads/handle-upload.ts";
import { canOcr } from "./ocr.ts";
import { readAttachmentText } from "./read-attachment-text.ts";
import { hasProgram } from "./run-program.ts";

const FY = 2568;
const WORDS = ["ไฟป่า", "จัดซื้อจัดจ้าง", "เจตจำนง", "ประพฤติมิชอบ"];

describeEachDriver("Thai documents", (use) => {
  let w: World;
  let token = "";
  let pdf: Uint8Array;
  const files = createFileStore(mkdtempSync(join(tmpdir(), "ita-thai-docs-")));
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
    token = (await createSession(w.db, w.users.editorA.id, { twoFactorVerified: true })).token;
    pdf = await thaiAnnouncementPdf();
  }, 60_000);

  const upload = (entryId: string, name: string, bytes: Uint8Array) =>
    handleUploadRequest(
      new Request(`http://localhost:4321/api/uploads?entryId=${entryId}`, {
        method: "POST",
        body: bytes.slice(),
        headers: {
          "sec-fetch-site": "same-origin",
          "x-file-name": encodeURIComponent(name),
          cookie: `${SESSION_COOKIE}=${token}`,
        },
      }),
      { db: w.db, files },
    );

  const publishWith = async (title: string, name: string, bytes: Uint8Array) => {
    const editor = await w.caller("editorA");
    const { id } = await editor.entries.create({
      agencyId: w.agencyA.id,
      fiscalYear: FY,
      itemCode: "O10",
      title,
    });
    const res = await upload(id, name, bytes);
    expect(res.status, await res.clone().text()).toBe(201);
    await editor.entries.submit({ entryId: id });
    await (await w.caller("approverA")).entries.approve({ entryId: id });
    return { id, attachment: ((await res.json()) as { attachment: { id: string } }).attachment };
  };

  // pdf.js loses these tone marks; npm test installs poppler, or says it could not.
  it.skipIf(!hasProgram("pdftotext"))(
    "accepts a Chromium/Sarabun PDF and finds its Thai words (tone marks, sara am, wrapped lines)",
    async () => {
      const { id, attachment } = await publishWith("ประกาศเจตนารมณ์", "announcement.pdf", pdf);
      const [row] = await w.db.select().from(attachments).where(eq(attachments.id, attachment.id));
      expect(row!.extractedText).not.toContain("\u0000");
      const anonymous = await w.caller("anonymous");
      for (const q of WORDS) {
        const found = await anonymous.public.search({ q });
        const hit = found.results.find((r) => r.entryId === id);
        // Matched inside the file: the result names it and quotes the text around the word.
        expect(hit?.file, q).toMatchObject({ fileName: "announcement.pdf", ocr: false });
        expect(thaiSearchKey(hit!.snippet), q).toContain(q);
      }
    },
    60_000,
  );

  it("finds the Thai words in Word, Excel and PowerPoint files", async () => {
    const docx = await publishWith("รายงานฉบับ Word", "report.docx", await thaiDocx());
    const xlsx = await publishWith("แผนฉบับ Excel", "plan.xlsx", await thaiXlsx());
    const pptx = await publishWith("สไลด์ชี้แจง", "slides.pptx", await thaiPptx());
    const anonymous = await w.caller("anonymous");
    for (const q of WORDS) {
      const ids = (await anonymous.public.search({ q })).results.map((r) => r.entryId);
      expect(ids, q).toContain(docx.id);
      expect(ids, q).toContain(pptx.id);
      expect(ids, q).toContain(xlsx.id);
    }
  });

  it("never fails an upload because the text cannot be read: a broken PDF is stored without text", async () => {
    const broken = new TextEncoder().encode(
      "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nstream\n\u0000\u0001garbage",
    );
    const { attachment } = await publishWith("ไฟล์เสีย", "broken.pdf", broken);
    const [row] = await w.db.select().from(attachments).where(eq(attachments.id, attachment.id));
    expect(row!.extractedText).toBeNull();
    // Hostile files too (hostile-pdfs.test.ts: stopped by the limits).
    await publishWith("หน้าไม่สิ้นสุด", "pages.pdf", hugePageCountPdf());
    await publishWith("วนไม่รู้จบ", "loop.pdf", endlessLoopPdf());
  });

  it("treats Thai and Arabic digits as one in queries, titles and text", async () => {
    const { id } = await publishWith("แผนปฏิบัติการ ประจำปี ๒๕๖๘", "plan.pdf", pdf);
    const anonymous = await w.caller("anonymous");
    for (const q of ["2568", "๒๕๖๘"]) {
      const found = await anonymous.public.search({ q });
      const hit = found.results.find((r) => r.entryId === id);
      expect(hit?.titleMatch, q).toBe(true);
    }
  });

  it.skipIf(!canOcr())(
    "a scanned page uploads at once in state reading; the OCR job reads it and search finds it",
    async () => {
      const { png } = await scannedThaiAnnouncement();
      const editor = await w.caller("editorA");
      const { id } = await editor.entries.create({
        agencyId: w.agencyA.id,
        fiscalYear: FY,
        itemCode: "O10",
        title: "ประกาศฉบับสแกน",
      });
      const res = await upload(id, "scan.png", png);
      expect(res.status).toBe(201);
      const { attachment } = (await res.json()) as {
        attachment: { id: string; textState: string };
      };
      expect(attachment.textState).toBe("reading");
      await editor.entries.submit({ entryId: id });
      await (await w.caller("approverA")).entries.approve({ entryId: id });

      await readAttachmentText({ db: w.db, files, send: async () => {} }, attachment.id);
      const text = await editor.entries.attachmentText({ attachmentId: attachment.id });
      expect(text.textState).toBe("ocr");
      const readWords = WORDS.filter((word) => text.text!.includes(word));
      expect(readWords.length, text.text!).toBeGreaterThanOrEqual(2);
      const anonymous = await w.caller("anonymous");
      for (const q of readWords) {
        const hit = (await anonymous.public.search({ q })).results.find((r) => r.entryId === id);
        expect(hit?.file, q).toMatchObject({ fileName: "scan.png", ocr: true });
      }
    },
    120_000,
  );
});
