import {
  measuresDocument,
  type MeasuresDocumentPart,
  type MeasureRecord,
} from "@ita/domain/measures";
import { createThaiPdf } from "../documents/thai-pdf.ts";

/**
 * Relative widths of part 2's five columns (measure, steps, responsible unit, period,
 * monitoring): the steps are the long text, as in the seeds.
 */
const TABLE_WIDTHS = [2.4, 4.2, 2.0, 2.1, 2.4];

/**
 * The year's measures (or their implementation) as a Thai PDF, laid out from
 * `measuresDocument`: A4 landscape, since the seeds' five-column table needs the width.
 */
export async function buildMeasuresPdf(input: {
  agencyName: string;
  fiscalYear: number;
  part: MeasuresDocumentPart;
  measures: readonly MeasureRecord[];
  madeOn: string;
}): Promise<Uint8Array> {
  const document = measuresDocument(input);
  const pdf = await createThaiPdf({ title: document.title, lang: "th", orientation: "landscape" });
  for (const line of document.header)
    pdf.draw(line, { bold: true, size: 18, gapAfter: 0, align: "center" });
  pdf.space(4);
  pdf.draw(document.subtitle, { size: 11, gapAfter: 14, align: "center" });
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
      case "table":
        pdf.table({ ...block.table, widths: TABLE_WIDTHS });
        break;
    }
  }
  return pdf.save();
}
