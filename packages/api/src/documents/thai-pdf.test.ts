import { describe, expect, it } from "vitest";
import { pdfPages } from "./pdf-text.ts";
import { hasProgram } from "./run-program.ts";
import { createThaiPdf } from "./thai-pdf.ts";

describe("Thai PDF writer", () => {
  // The search index reads uploaded PDFs with pdftotext's default (layout) mode; each
  // line's /ActualText span once closed outside its text object, and pdftotext then gave
  // the lines bottom to top, so quotes from a published measures document read backwards.
  it.skipIf(!hasProgram("pdftotext"))(
    "extracts its lines top to bottom, each with the exact Thai (ำ included)",
    async () => {
      const pdf = await createThaiPdf({ title: "ลำดับบรรทัด", lang: "th" });
      pdf.draw("บรรทัดแรก ประจำปี 2569");
      pdf.draw("บรรทัดที่สอง second");
      pdf.draw("บรรทัดสุดท้าย last");
      const [page] = await pdfPages(await pdf.save());
      const lines = page!
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      expect(lines).toEqual(["บรรทัดแรก ประจำปี 2569", "บรรทัดที่สอง second", "บรรทัดสุดท้าย last"]);
    },
  );
});
