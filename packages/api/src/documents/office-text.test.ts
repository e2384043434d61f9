import { describe, expect, it } from "vitest";
import { officeZipBomb, thaiDocx, thaiPptx, thaiXlsx } from "../testing/office-files.ts";
import { readTextLayer } from "./extract-text.ts";
import { OFFICE_TYPES, officeText } from "./office-text.ts";

const WORDS = ["ไฟป่า", "จัดซื้อจัดจ้าง", "เจตจำนง", "ประพฤติมิชอบ"];

describe("Office text", () => {
  it.each([
    ["Word", OFFICE_TYPES.docx, thaiDocx],
    ["PowerPoint", OFFICE_TYPES.pptx, thaiPptx],
  ])("%s: every Thai word of the announcement", async (_, type, make) => {
    const { text, ocr } = await readTextLayer(type, await make());
    for (const word of WORDS) expect(text, word).toContain(word);
    expect(ocr).toBeNull();
  });

  it("Excel: sheet names, cell values and formula results", async () => {
    const { text } = await readTextLayer(OFFICE_TYPES.xlsx, await thaiXlsx());
    expect(text).toContain("แผนจัดซื้อจัดจ้าง ๒๕๖๘");
    expect(text).toContain("จ้างเหมาทำแนวกันไฟป่า 150000");
    expect(text).toContain("ประพฤติมิชอบ");
    expect(text).toContain("155000");
    expect(text).not.toContain("C2+C3");
  });

  it("refuses a zip bomb before inflating it; the file is still accepted, without text", async () => {
    await expect(officeText(OFFICE_TYPES.docx, officeZipBomb())).rejects.toThrow(/unpacks to/);
    expect((await readTextLayer(OFFICE_TYPES.docx, officeZipBomb())).text).toBeNull();
  });
});
