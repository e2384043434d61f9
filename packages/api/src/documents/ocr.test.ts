import { describe, expect, it } from "vitest";
import { scannedThaiAnnouncement, THAI_ANNOUNCEMENT } from "../testing/thai-pdf.ts";
import { readFullText, readTextLayer } from "./extract-text.ts";
import { canOcr } from "./ocr.ts";

/**
 * How much of `sentence` the OCR text holds: the share of the sentence's character
 * pairs (spaces ignored, tesseract puts some between Thai words) found in the text.
 */
function bigramRecall(sentence: string, text: string): number {
  const squeeze = (s: string) => s.replace(/\s+/g, "");
  const pairs = (s: string) => Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2));
  const found = new Set(pairs(squeeze(text)));
  const wanted = pairs(squeeze(sentence));
  return wanted.filter((p) => found.has(p)).length / wanted.length;
}

/** The stated threshold: at least 80 % of the sentence's character pairs are read right. */
const MIN_RECALL = 0.8;

describe.skipIf(!canOcr())("OCR of scanned Thai pages (tesseract tha+eng)", () => {
  it("a scanned PDF has no text layer, and OCR reads most of a known sentence", async () => {
    const { pdf } = await scannedThaiAnnouncement();
    const layer = await readTextLayer("application/pdf", pdf);
    expect(layer.text).toBeNull();
    expect(layer.ocr).toEqual([1]);
    const { text, state } = await readFullText("application/pdf", pdf);
    expect(state).toBe("ocr");
    expect(bigramRecall(THAI_ANNOUNCEMENT[2]!, text!)).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(bigramRecall(THAI_ANNOUNCEMENT[3]!, text!)).toBeGreaterThanOrEqual(MIN_RECALL);
  }, 120_000);

  it("reads a PNG photo of the page too", async () => {
    const { png } = await scannedThaiAnnouncement();
    expect((await readTextLayer("image/png", png)).ocr).toBe("image");
    const { text, state } = await readFullText("image/png", png);
    expect(state).toBe("ocr");
    expect(bigramRecall(THAI_ANNOUNCEMENT[2]!, text!)).toBeGreaterThanOrEqual(MIN_RECALL);
  }, 120_000);
});

describe("bigramRecall", () => {
  it("is 1 for the sentence itself, spaces aside, and falls with missing words", () => {
    expect(bigramRecall("ไฟป่า หมอกควัน", "ไฟป่าหมอก ควัน")).toBe(1);
    expect(bigramRecall("ไฟป่าหมอกควัน", "ไฟป่า")).toBeLessThan(0.5);
  });
});
