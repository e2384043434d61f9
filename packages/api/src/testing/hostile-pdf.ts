import { deflateSync } from "node:zlib";

type PdfObject = string | { dict: string; stream: Uint8Array };

/** A PDF with a correct cross-reference table from the given objects (1 = catalog). */
export function pdfFromObjects(objects: PdfObject[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (p: string | Uint8Array) => {
    const bytes = typeof p === "string" ? enc.encode(p) : p;
    parts.push(bytes);
    length += bytes.byteLength;
  };
  push("%PDF-1.7\n");
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === "string") push(`${i + 1} 0 obj\n${o}\nendobj\n`);
    else {
      push(`${i + 1} 0 obj\n<< ${o.dict} /Length ${o.stream.byteLength} >>\nstream\n`);
      push(o.stream);
      push("\nendstream\nendobj\n");
    }
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const off of offsets) push(`${String(off).padStart(10, "0")} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/** A page tree that claims two billion pages and contains itself. */
export function hugePageCountPdf(): Uint8Array {
  return pdfFromObjects([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 2147483647 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
  ]);
}

/**
 * A 100 KB file whose one content stream inflates to ~100 MB of text drawing: the
 * text extractor must be stopped by its output cap, not fill memory or the database.
 */
export function decompressionBombPdf(): Uint8Array {
  const line = "(ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz) '\n";
  const text = `BT /F1 12 Tf 72 720 Td 14 TL\n${line.repeat(Math.ceil(100_000_000 / line.length))}ET`;
  const content = deflateSync(Buffer.from(text), { level: 9 });
  return pdfFromObjects([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    { dict: "/Filter /FlateDecode", stream: new Uint8Array(content) },
    FONT,
  ]);
}

/** A page that draws a form that draws itself, forever. */
export function endlessLoopPdf(): Uint8Array {
  const draw = new TextEncoder().encode("/X0 Do BT /F1 12 Tf 72 720 Td (loop) Tj ET");
  return pdfFromObjects([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 6 0 R >>",
    { dict: "", stream: draw },
    {
      dict: "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources 6 0 R",
      stream: draw,
    },
    "<< /Font << /F1 7 0 R >> /XObject << /X0 5 0 R >> >>",
    FONT,
  ]);
}

/** One page of 200 × 200 inches: rasterised at 200 dpi it would need 4.8 GB. */
export function giantPagePdf(): Uint8Array {
  return pdfFromObjects([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /UserUnit 1 >>",
  ]);
}
