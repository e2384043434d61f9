import { describe, expect, it } from "vitest";
import { decompressionBombPdf, endlessLoopPdf, hugePageCountPdf } from "../testing/hostile-pdf.ts";
import { extractText } from "./extract-text.ts";
import { hasProgram } from "./run-program.ts";

// Limits far below the defaults keep the test fast; the defaults work the same way.
const TIGHT = { timeoutMs: 1500, memoryMb: 256 };

describe.skipIf(!hasProgram("pdftotext"))("hostile PDFs (poppler)", () => {
  it.each([
    ["a page tree claiming 2³¹ pages that contains itself", hugePageCountPdf],
    ["a 300 KB stream inflating to 100 MB", decompressionBombPdf],
    ["a form that draws itself forever", endlessLoopPdf],
  ])("%s is stopped by the limits, without an error", async (_, make) => {
    const pdf = make();
    const started = Date.now();
    const text = await extractText("application/pdf", pdf, TIGHT);
    expect(Date.now() - started).toBeLessThan(TIGHT.timeoutMs + 2000);
    expect(text === null || text.length < 200_001).toBe(true);
  });
});
