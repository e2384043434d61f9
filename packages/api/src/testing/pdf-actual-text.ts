/**
 * Test helper: the /ActualText of every marked-content span of a PDF written by
 * `documents/thai-pdf.ts`, in drawing order: exactly the Thai lines that were drawn,
 * read without poppler (the spans are what extraction and screen readers use).
 */
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFRef } from "pdf-lib";

function decodeHexUtf16(hex: string): string {
  const bytes = Buffer.from(hex, "hex");
  const start = bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
  let out = "";
  for (let i = start; i + 1 < bytes.length; i += 2)
    out += String.fromCharCode(bytes.readUInt16BE(i));
  return out;
}

/** The spans page by page (a table's repeated header shows at the top of each page). */
export async function pdfActualTextPages(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const lines: string[] = [];
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
      for (const m of text.matchAll(/\/ActualText\s*<([0-9A-Fa-f]+)>/g))
        lines.push(decodeHexUtf16(m[1]!));
    }
    return lines;
  });
}

export async function pdfActualText(bytes: Uint8Array): Promise<string[]> {
  return (await pdfActualTextPages(bytes)).flat();
}
