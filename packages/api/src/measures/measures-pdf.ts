import {
  measuresDocument,
  type MeasuresDocumentPart,
  type MeasureRecord,
} from "@ita/domain/measures";
import { createThaiPdf } from "../documents/thai-pdf.ts";

/** The year's measures (or their implementation) as a Thai A4 PDF, laid out from `measuresDocument`. */
export async function buildMeasuresPdf(input: {
  agencyName: string;
  fiscalYear: number;
  part: MeasuresDocumentPart;
  measures: readonly MeasureRecord[];
  madeOn: string;
}): Promise<Uint8Array> {
  const document = measuresDocument(input);
  const pdf = await createThaiPdf({ title: document.title, lang: "th" });
  pdf.draw(document.title, { bold: true, size: 18, gapAfter: 4 });
  pdf.draw(document.subtitle, { size: 11, gapAfter: 14 });
  for (const block of document.blocks) {
    switch (block.kind) {
      case "heading":
        pdf.space(8);
        pdf.draw(block.text, { bold: true, size: 15, gapAfter: 6 });
        break;
      case "label":
        pdf.space(4);
        pdf.draw(block.text, { bold: true, size: 13, gapAfter: 2 });
        break;
      case "text":
        pdf.draw(block.text, { size: 12, gapAfter: 2, indent: 12 });
        break;
      case "item":
        pdf.draw(block.text, { size: 12, gapAfter: 1, indent: 28 });
        break;
    }
  }
  return pdf.save();
}
