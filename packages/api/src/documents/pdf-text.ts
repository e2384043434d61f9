import { pdfjsPages } from "./pdfjs-thread.ts";
import { hasProgram, runProgram, type ProgramLimits } from "./run-program.ts";
import { withTempFile } from "./temp-file.ts";

/** Pages read for search: enough to find any real document, bounded for a hostile one. */
export const MAX_PDF_PAGES = 500;

/**
 * The text layer of a PDF, page by page. Poppler's `pdftotext` (right in Thai, in a
 * limited child process) when installed; pdf.js otherwise, whose Thai loses tone marks
 * on some fonts (docs/adr/0015-document-text.md). Throws on a broken or hostile file:
 * the caller decides that a file without text is still a file.
 */
export async function pdfPages(
  bytes: Uint8Array,
  limits?: Partial<ProgramLimits>,
): Promise<string[]> {
  if (hasProgram("pdftotext")) {
    return withTempFile(bytes, "in.pdf", async (path) => {
      const out = await runProgram(
        "pdftotext",
        ["-enc", "UTF-8", "-l", String(MAX_PDF_PAGES), path, "-"],
        { limits },
      );
      // pdftotext ends every page with a form feed.
      const pages = out.toString("utf8").split("\f");
      if (pages.at(-1)?.trim() === "") pages.pop();
      return pages;
    });
  }
  return pdfjsPages(bytes, MAX_PDF_PAGES, limits?.timeoutMs);
}
