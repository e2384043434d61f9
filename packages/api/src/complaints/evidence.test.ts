import { EVIDENCE_MAX_BYTES, EVIDENCE_MESSAGES } from "@ita/domain/complaints";
import { strFromU8, unzipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { thaiPptx } from "../testing/office-files.ts";
import {
  AUTHOR,
  docmFile,
  docxWithAuthor,
  docxWithVbaProject,
  jpegWithExif,
  pdfWithAuthor,
  PDF_MARKER,
  pngWithExif,
  xlsxWithAuthor,
} from "../testing/evidence-files.ts";
import { inspectIncoming } from "./evidence-files.ts";
import { inspectEvidence } from "./evidence.ts";

const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

async function refusal(promise: Promise<unknown>): Promise<{ th: string; en: unknown }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZodError);
  const issue = (error as ZodError).issues[0]!;
  expect(issue.path).toEqual(["files"]);
  return { th: issue.message, en: (issue as { params?: { en?: string } }).params?.en };
}

describe("complaint evidence: the rules", () => {
  it("refuses a file over 10 MB, before reading what it is", async () => {
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    big.set(await jpegWithExif());
    const m = await refusal(inspectEvidence("big.jpg", big));
    expect(m).toEqual(EVIDENCE_MESSAGES.tooBig);
  });

  it("detects the type from the bytes: a renamed program is not a PDF, a PPTX not accepted", async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, ...new Uint8Array(200)]);
    expect(await refusal(inspectEvidence("evidence.pdf", exe))).toEqual(
      EVIDENCE_MESSAGES.wrongType,
    );
    expect(await refusal(inspectEvidence("slides.pdf", await thaiPptx(["ก"])))).toEqual(
      EVIDENCE_MESSAGES.wrongType,
    );
    expect(
      await refusal(inspectEvidence("note.txt", new TextEncoder().encode("ข้อความธรรมดา"))),
    ).toEqual(EVIDENCE_MESSAGES.wrongType);
    expect(await refusal(inspectEvidence("x.pdf", new Uint8Array()))).toEqual(
      EVIDENCE_MESSAGES.empty,
    );
    // A JPEG named .pdf is a JPEG, and named so.
    const jpeg = await inspectEvidence("photo.pdf", await jpegWithExif());
    expect(jpeg.contentType).toBe("image/jpeg");
    expect(jpeg.fileName).toBe("photo.jpg");
  });

  it("refuses Word/Excel files with macros: a .docm, and a VBA project behind a .docx type", async () => {
    expect(await refusal(inspectEvidence("a.docm", docmFile()))).toEqual(EVIDENCE_MESSAGES.macros);
    expect(await refusal(inspectEvidence("b.docx", await docxWithVbaProject()))).toEqual(
      EVIDENCE_MESSAGES.macros,
    );
  });

  it("takes at most five files, counting those already attached, and adds none of a sixth", async () => {
    const jpeg = await jpegWithExif();
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.jpg`, bytes: jpeg }));
    expect(await refusal(inspectIncoming(six))).toEqual(EVIDENCE_MESSAGES.tooMany);
    expect(await refusal(inspectIncoming(six.slice(0, 2), 4))).toEqual(EVIDENCE_MESSAGES.tooMany);
    expect(await inspectIncoming(six.slice(0, 5))).toHaveLength(5);
  });
});

describe("complaint evidence: metadata is removed", () => {
  it("JPEG: no EXIF left (re-read), the picture intact", async () => {
    const original = await jpegWithExif();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(has(original, AUTHOR)).toBe(true);
    const clean = await inspectEvidence("photo.jpg", original);
    const meta = await sharp(clean.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 40, 20]);
    expect(has(clean.bytes, AUTHOR)).toBe(false);
    expect(clean.warnings).toEqual([]);
  });

  it("PNG: no EXIF left", async () => {
    const original = await pngWithExif();
    expect(has(original, AUTHOR)).toBe(true);
    const clean = await inspectEvidence("screen.png", original);
    const meta = await sharp(clean.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe("png");
    expect(has(clean.bytes, AUTHOR)).toBe(false);
  });

  it("PDF: no author, creator, title or XMP; the text stays", async () => {
    const original = await pdfWithAuthor();
    expect((await PDFDocument.load(original)).getAuthor()).toBe(AUTHOR);
    const clean = await inspectEvidence("doc.pdf", original);
    const reread = await PDFDocument.load(clean.bytes, { updateMetadata: false });
    expect(reread.getAuthor()).toBeUndefined();
    expect(reread.getCreator()).toBeUndefined();
    expect(reread.getTitle()).toBeUndefined();
    expect(has(clean.bytes, AUTHOR)).toBe(false);
    expect(has(clean.bytes, "xmpmeta")).toBe(false);
    expect(has(clean.bytes, PDF_MARKER)).toBe(true);
    expect(reread.getPageCount()).toBe(1);
    expect(clean.warnings).toEqual([]);
  });

  it("PDF that cannot be rewritten: kept as it is, with a warning for the complainant", async () => {
    const broken = new TextEncoder().encode(`%PDF-1.7\n${"garbage ".repeat(50)}`);
    const clean = await inspectEvidence("scan.pdf", broken);
    expect(clean.warnings).toEqual(["pdf-not-cleaned"]);
  });

  it("DOCX and XLSX: document properties emptied; the content stays", async () => {
    for (const [name, original, part] of [
      ["memo.docx", await docxWithAuthor(), "word/document.xml"],
      ["prices.xlsx", await xlsxWithAuthor(), "xl/workbook.xml"],
    ] as const) {
      expect(has(unzipSync(original)["docProps/core.xml"]!, AUTHOR), name).toBe(true);
      const clean = await inspectEvidence(name, original);
      const entries = unzipSync(clean.bytes);
      for (const [entry, bytes] of Object.entries(entries))
        expect(strFromU8(bytes).includes(AUTHOR), `${name} ${entry}`).toBe(false);
      expect(strFromU8(entries["docProps/core.xml"]!)).not.toMatch(/creator|lastModifiedBy/);
      expect(entries[part]).toBeDefined();
      expect(clean.warnings).toEqual([]);
    }
    const docx = unzipSync((await inspectEvidence("memo.docx", await docxWithAuthor())).bytes);
    expect(strFromU8(docx["word/document.xml"]!)).toContain("เจ้าหน้าที่เรียกเงิน");
  });
});
