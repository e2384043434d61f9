import { describe, expect, it } from "vitest";
import { decompressionBombPdf } from "../testing/hostile-pdf.ts";
import { minimalPdf } from "../testing/pdf.ts";
import { pdfjsPages, unpdfUrl } from "./pdfjs-thread.ts";

describe("pdf.js fallback in a worker thread", () => {
  it("reads a PDF's text layer page by page, in a thread of its own", async () => {
    expect(unpdfUrl()).toMatch(/^file:.*unpdf/);
    expect(await pdfjsPages(minimalPdf("Procurement plan 2568"), 10)).toEqual([
      "Procurement plan 2568",
    ]);
  });

  it("gives up on a hostile PDF when its time is up, leaving this thread free", async () => {
    const bomb = decompressionBombPdf();
    const started = Date.now();
    await expect(pdfjsPages(bomb, 10, 300)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
