/** Evidence files for tests: each carries metadata naming its maker, to be removed. */
import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import sharp from "sharp";

/** The maker's name every fixture hides in its metadata. */
export const AUTHOR = "Somchai Whistleblower";
/** Readable text inside the PDF's (uncompressed) content: visible in its raw bytes. */
export const PDF_MARKER = "EVIDENCE-MARKER-7QX";

export async function jpegWithExif(): Promise<Uint8Array> {
  const out = await sharp({
    create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
    .jpeg()
    .withExif({ IFD0: { Artist: AUTHOR, ImageDescription: "taken at the district office" } })
    .toBuffer();
  return new Uint8Array(out);
}

export async function pngWithExif(): Promise<Uint8Array> {
  const out = await sharp({
    create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 90, b: 200, alpha: 1 } },
  })
    .png()
    .withExif({ IFD0: { Artist: AUTHOR } })
    .toBuffer();
  return new Uint8Array(out);
}

/** A PDF with author, creator and an XMP stream naming the author, and a marker in its text. */
export async function pdfWithAuthor(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setAuthor(AUTHOR);
  doc.setCreator(`${AUTHOR}'s laptop`);
  doc.setTitle("Evidence");
  const page = doc.addPage([300, 200]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.setFont(font);
  const fontName = page.node.normalizedEntries().Font.keys()[0]!.asString();
  // An uncompressed content stream: the marker is readable in the file's bytes.
  const content = doc.context.stream(`BT ${fontName} 12 Tf 20 100 Td (${PDF_MARKER}) Tj ET`);
  page.node.set(PDFName.of("Contents"), doc.context.register(content));
  const xmp = doc.context.stream(
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${AUTHOR}</dc:creator></x:xmpmeta>`,
    { Type: "Metadata", Subtype: "XML" },
  );
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(xmp));
  return doc.save({ useObjectStreams: false });
}

export async function docxWithAuthor(): Promise<Uint8Array> {
  const doc = new Document({
    creator: AUTHOR,
    lastModifiedBy: AUTHOR,
    title: "บันทึกเหตุการณ์",
    sections: [{ children: [new Paragraph({ text: "เจ้าหน้าที่เรียกเงิน" })] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function xlsxWithAuthor(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = AUTHOR;
  book.lastModifiedBy = AUTHOR;
  book.company = `${AUTHOR} Co.`;
  book.addWorksheet("ราคากลาง").addRow(["รายการ", 150000]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const CONTENT_TYPES = (main: string, extra = "") =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/>${extra}</Types>`;

/** A .docm: Word's macro-enabled document type. */
export function docmFile(): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      CONTENT_TYPES("application/vnd.ms-word.document.macroEnabled.main+xml"),
    ),
    "word/document.xml": strToU8("<w:document/>"),
    "word/vbaProject.bin": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
  });
}

/** A .docx by its content type that still carries a VBA project (macros behind a .docx name). */
export async function docxWithVbaProject(): Promise<Uint8Array> {
  const { unzipSync } = await import("fflate");
  const entries = unzipSync(await docxWithAuthor());
  entries["word/vbaProject.bin"] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);
  return zipSync(entries);
}
