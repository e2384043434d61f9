// Programs that read uploaded files (docs/adr on document text): poppler for PDF text
// and page images, tesseract with Thai data for scans. Optional: without them the
// portal still runs and says, in one line, what it cannot do.
import { spawnSync } from "node:child_process";
import { onPath } from "./system-tools.mjs";

export const DOCUMENT_TOOLS_LOST =
  "Document text: poppler-utils and tesseract-ocr-tha are not installed, so PDF text is read with pdf.js (Thai tone marks can be lost) and scanned PDFs and images are not read at all (no OCR). To fix: sudo apt-get install poppler-utils tesseract-ocr tesseract-ocr-tha";

function hasThaiOcr(path) {
  const tesseract = onPath("tesseract", path);
  if (!tesseract) return false;
  const langs = spawnSync(tesseract, ["--list-langs"], { encoding: "utf8", timeout: 10_000 });
  return /^tha$/m.test(`${langs.stdout}${langs.stderr}`);
}

/** The tool description for `ensureSystemTool`: present when every program is. */
export function documentTools(env) {
  return {
    name: "poppler and tesseract",
    find: () =>
      onPath("pdftotext", env.PATH) && onPath("pdftoppm", env.PATH) && hasThaiOcr(env.PATH)
        ? true
        : undefined,
    debian: ["poppler-utils", "tesseract-ocr", "tesseract-ocr-tha"],
    hint: DOCUMENT_TOOLS_LOST,
  };
}
