import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import PptxGenJS from "pptxgenjs";
import { THAI_ANNOUNCEMENT } from "./thai-pdf.ts";

/** A Word document of the Thai announcement, one paragraph each. */
export async function thaiDocx(paragraphs: string[] = THAI_ANNOUNCEMENT): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ text })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A procurement plan as agencies keep them: a Thai sheet name, Thai cells, numbers, a formula. */
export async function thaiXlsx(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("แผนจัดซื้อจัดจ้าง ๒๕๖๘");
  sheet.addRow(["ลำดับ", "รายการ", "งบประมาณ (บาท)"]);
  sheet.addRow([1, "จ้างเหมาทำแนวกันไฟป่า", 150000]);
  sheet.addRow([2, "ประกาศเจตจำนงต่อต้านการทุจริตและประพฤติมิชอบ", 5000]);
  sheet.addRow(["", "รวม", { formula: "C2+C3", result: 155000 }]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Slides of the announcement, one paragraph a slide. */
export async function thaiPptx(paragraphs: string[] = THAI_ANNOUNCEMENT): Promise<Uint8Array> {
  const deck = new PptxGenJS();
  for (const text of paragraphs) deck.addSlide().addText(text, { x: 0.5, y: 0.5, w: 9, h: 4 });
  return new Uint8Array((await deck.write({ outputType: "uint8array" })) as Uint8Array);
}

/** A DOCX whose one entry declares 3 GB unpacked: must be refused before inflating. */
export function officeZipBomb(): Uint8Array {
  const zip = zipSync({ "word/document.xml": new TextEncoder().encode("<w:document/>") });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.byteLength; i++) {
    // Central directory header: the uncompressed size is at offset 24.
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xc0000000, true);
  }
  return zip;
}
